// Runs every <Cmd> snippet of the kube-proxy lesson (English and Korean pages:
// the same commands), in page order, in one session on the lesson's practice
// terminal (frontmatter `practice: kube-proxy-clusterip`, on controlplane),
// and checks what the text says about their output.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../../src/session/session.ts';
import { makeLabWorld } from '../../src/labs/index.ts';

function snippets(path: string): string[] {
  const s = readFileSync(new URL(path, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('kube-proxy lesson snippets on the practice terminal', () => {
  it('English and Korean pages run the same commands', () => {
    expect(snippets('../../content/ko/lessons/kube-proxy.mdx')).toEqual(snippets('../../content/lessons/kube-proxy.mdx'));
  });

  it('run in order and show what the text says', async () => {
    const lines = snippets('../../content/lessons/kube-proxy.mdx');
    expect(lines.length).toBeGreaterThan(5);
    const s = new Session({ makeWorld: () => makeLabWorld('kube-proxy-clusterip'), host: 'controlplane' });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    await s.runLine('sleep 5');
    const out: [string, string][] = [];
    for (const line of lines) {
      buf = '';
      await s.runLine(line);
      out.push([line, buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')]);
    }
    s.dispose();
    const get = (line: string, nth = 0): string => out.filter(([k]) => k === line)[nth]?.[1] ?? '';
    expect(get('iptables -V')).toContain('iptables v1.8.9 (nf_tables)');
    // The tables iptables-nft created for kube-proxy's and flannel's rules.
    for (const t of ['table ip filter', 'table ip nat', 'table ip mangle']) expect(get('nft list tables', 0)).toContain(t);
    const lab = get('nft -a list table ip lab');
    expect(lab).toContain('type filter hook input priority filter; policy accept;');
    expect(lab).toContain('tcp dport { 80, 443 } counter packets 0 bytes 0 accept # handle');
    expect(lab).toContain('ip saddr 192.0.2.0/24 counter packets 0 bytes 0 drop # handle');
    expect(get('nft list tables', 1)).toContain('table ip lab');
    expect(get('nft list tables', 2)).not.toContain('table ip lab');
    expect(get('nft delete table ip lab')).not.toMatch(/Error/);
  }, 120_000);
});
