// Tab completion for interactive shells: command names (registry, builtins,
// functions), file paths, and the network words lessons type most: interface
// names after `dev`/`master`/`link`, namespace names after `ip netns exec`,
// `ip -n`, `netns`. A CommandSpec may add its own candidates via complete().

import type { Shell } from './interp.ts';
import type { Completion } from './control.ts';
import { allCommands, lookupCommand } from '../userland/registry.ts';
import { BUILTINS } from './builtins.ts';
import { cCompare } from './glob.ts';
import { specCandidates } from './complete-specs.ts';

const SEPARATORS = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);
/** Programs whose first operand is itself a command. */
const PREFIX_CMDS = new Set(['sudo', 'exec', 'command', 'builtin', 'nohup', 'time', 'watch', 'xargs', 'env', 'nice', 'stdbuf']);
const IFACE_WORDS = new Set(['dev', 'master', 'link', 'iif', 'oif', 'oifname', 'iifname', '-i', '-o', 'veth', 'peer', 'br', 'brport', 'addif', 'delif', 'delbr']);
const NETNS_WORDS = new Set(['-n', '-netns', '--netns', 'netns']);

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort(cCompare);
}

/** Completion for the word ending at `cursor`. */
export function complete(sh: Shell, line: string, cursor: number): Completion | undefined {
  const before = line.slice(0, cursor);
  let start = cursor;
  while (start > 0 && !SEPARATORS.has(before[start - 1])) start--;
  const word = before.slice(start);
  // Words of the current simple command before the one being completed.
  let cmdStart = start;
  while (cmdStart > 0 && !'|&;()'.includes(before[cmdStart - 1])) cmdStart--;
  const prev = before.slice(cmdStart, start).trim().split(/\s+/).filter(Boolean);
  // Skip assignments and command prefixes to find the command word.
  let ci = 0;
  while (ci < prev.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(prev[ci])) ci++;
  for (;;) {
    if (ci < prev.length && PREFIX_CMDS.has(prev[ci])) {
      ci++;
      continue;
    }
    if (prev[ci] === 'timeout') {
      ci++;
      while (ci < prev.length && /^-|^\d/.test(prev[ci])) ci++;
      continue;
    }
    if (prev[ci] === 'ip' && prev[ci + 1] === 'netns' && prev[ci + 2] === 'exec' && prev.length >= ci + 4) {
      ci += 4;
      continue;
    }
    if (prev[ci] === 'nsenter') {
      ci++;
      while (ci < prev.length && prev[ci].startsWith('-')) ci++;
      continue;
    }
    break;
  }
  const words = prev.slice(ci);
  const host = sh.host;
  const filter = (cands: string[]): string[] => uniqSorted(cands.filter((c) => c.startsWith(word)));
  const spaced = (): string => ' ';

  if (words.length === 0 && !word.includes('/')) {
    const names = [
      ...allCommands().filter((c) => !c.hidden).map((c) => c.name),
      ...Object.keys(BUILTINS),
      ...sh.funcs.keys(),
    ];
    return { start, candidates: filter(names), suffix: spaced };
  }
  const last = words[words.length - 1];
  const netnsNames = (): string[] => host.netnsNames?.() ?? [];
  const ifaces = (): string[] => {
    // `ip -n NS ... dev X` completes NS's interfaces.
    const nIdx = words.findIndex((w) => w === '-n' || w === '-netns');
    let ns: unknown = sh.proc.netns;
    if (nIdx >= 0 && words[nIdx + 1]) {
      const k = host as unknown as { openNetns?: (n: string) => unknown };
      ns = k.openNetns?.(words[nIdx + 1]) ?? ns;
    }
    try {
      return host.interfaceNames?.(ns) ?? [];
    } catch {
      return [];
    }
  };
  if (words[0] === 'ip' && last === 'exec' && words.includes('netns')) return { start, candidates: filter(netnsNames()), suffix: spaced };
  if (words[0] === 'ip' && words[1] === 'netns' && ['del', 'delete', 'exec', 'pids', 'identify', 'set', 'attach'].includes(last)) {
    return { start, candidates: filter(netnsNames()), suffix: spaced };
  }
  // `ip netns ⇥`, `ip link ⇥`: the object's verbs (below), not a namespace or interface name.
  const ipVerb = words[0] === 'ip' && words.length === 2;
  if (NETNS_WORDS.has(last) && !ipVerb) return { start, candidates: filter(netnsNames()), suffix: spaced };
  if ((IFACE_WORDS.has(last) && !ipVerb) || (words[0] === 'ifconfig' && words.length === 1) || (words[0] === 'ip' && words[1]?.startsWith('l') && ['set', 'show', 'del', 'delete'].includes(last))) {
    return { start, candidates: filter(ifaces()), suffix: spaced };
  }
  const spec = words[0] ? lookupCommand(words[0]) : undefined;
  // Options, option values, subcommands and their verbs, from the command's spec.
  if (spec) {
    const c = filter(specCandidates(spec, words.slice(1), word));
    if (c.length) return { start, candidates: c, suffix: spaced };
  }
  if (spec?.complete) {
    try {
      const extra = spec.complete(sh.proc, [...words, word]);
      if (extra.length) return { start, candidates: filter(extra), suffix: spaced };
    } catch {
      // a completer fault must not break the line editor
    }
  }
  return fileCompletion(sh, word, start);
}

function fileCompletion(sh: Shell, word: string, start: number): Completion {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  let dirPath = dirPart === '' ? '.' : dirPart;
  if (dirPath.startsWith('~/') || dirPath === '~/') dirPath = (sh.getVar('HOME') ?? '/root') + dirPath.slice(1);
  const vfs = sh.host.vfs;
  const ctx = sh.proc.vfsCtx();
  let names: string[] = [];
  try {
    names = vfs.readdir(dirPath, ctx);
  } catch {
    return { start, candidates: [] };
  }
  const cands: string[] = [];
  for (const n of names) {
    if (!n.startsWith(base)) continue;
    if (n.startsWith('.') && !base.startsWith('.')) continue;
    let isDir = false;
    try {
      const node = vfs.lookup(`${dirPath}/${n}`, ctx);
      isDir = node.kind === 'dir' || node.kind === 'gendir';
    } catch {
      // dangling symlink
    }
    cands.push(dirPart + n + (isDir ? '/' : ''));
  }
  return { start, candidates: cands.sort(cCompare), suffix: (c) => (c.endsWith('/') ? '' : ' ') };
}
