#!/usr/bin/env node
// Extract the rule listings of moby's generated iptables documents into
// src/docker/iptablesdoc/docker-v29.7.2.json (the expected outputs of
// src/docker/iptablesdoc.test.ts). Only the indented `iptables -S` and
// `iptables -L` blocks are kept, never the prose.
//
//   node scripts/iptablesdoc-extract.mjs /path/to/moby.git docker-v29.7.2
//
// Source: integration/network/bridge/iptablesdoc/generated/*.md at that tag.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [gitDir, tag] = process.argv.slice(2);
if (!gitDir || !tag) {
  console.error('usage: iptablesdoc-extract.mjs GIT_DIR TAG');
  process.exit(2);
}
const git = (...a) => execFileSync('git', ['--git-dir', gitDir, ...a], { encoding: 'utf8', maxBuffer: 1 << 24 });
const commit = git('rev-list', '-n1', tag).trim();
const dir = 'integration/network/bridge/iptablesdoc/generated';
const files = git('ls-tree', '--name-only', tag, `${dir}/`).trim().split('\n');

function tableOf(text, kind) {
  const has = (c) => (kind === 'S' ? text.includes(`-P ${c} `) : text.includes(`Chain ${c} `));
  if (has('POSTROUTING')) return 'nat';
  if (has('PREROUTING')) return 'raw';
  return 'filter';
}

const out = { source: `moby/moby ${tag} (${commit}) ${dir}`, docs: {} };
for (const f of files) {
  const md = git('show', `${tag}:${f}`);
  const blocks = [];
  let cur = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('    ') || (cur && line === '')) {
      if (!cur) cur = [];
      cur.push(line.slice(4));
    } else if (cur) {
      blocks.push(cur);
      cur = null;
    }
  }
  if (cur) blocks.push(cur);
  // A listing followed directly by its commands (no prose between) is two blocks.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const at = b.findIndex((l, j) => l.startsWith('-P ') && j > 0 && !b.slice(0, j).filter((x) => x.trim()).pop()?.startsWith('-P '));
    if (at > 0) blocks.splice(i, 1, b.slice(0, at), b.slice(at));
  }
  const doc = { S: {}, L: {} };
  for (const b of blocks) {
    const text = b.join('\n').replace(/\n+$/, '') + '\n';
    const kind = text.startsWith('-P ') ? 'S' : text.startsWith('Chain ') ? 'L' : null;
    if (!kind) continue;
    const t = tableOf(text, kind);
    // The first listing of a table in a document is the one it describes (later ones repeat it).
    if (!(t in doc[kind])) doc[kind][t] = text;
  }
  out.docs[f.slice(dir.length + 1)] = doc;
}
writeFileSync(new URL('../src/docker/iptablesdoc/docker-v29.7.2.json', import.meta.url), JSON.stringify(out, null, 2) + '\n');
