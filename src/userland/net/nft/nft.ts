// nft(8) (nftables 1.0.6): list, add, create, insert, delete and flush of
// tables, chains, rules, sets, maps and elements on the kernel's netfilter
// (src/kernel/netfilter/nft.ts), from the command line or a file (`-f`).
// A command line or file is one transaction: an error leaves the ruleset as
// it was. The tables iptables-nft manages are listed as nft shows them, with
// its warning on stderr. Messages, carets and exit codes as recorded in
// fidelity/goldens/100-102.

import type { Process } from '../../../kernel/proc.ts';
import { register, declareNotSimulated } from '../../registry.ts';
import { kernelOf, nsOf } from '../../lib/sys.ts';
import { type NfNs, cloneTable, nfCommit, nfDropTable, nfOf } from '../../../kernel/netfilter/index.ts';
import { type NftChain, type NftState, type NftTable, type NftExpr, type NftElem, nftChanged, nftOf } from '../../../kernel/netfilter/nft.ts';
import type { TableName } from '../../../kernel/netfilter/types.ts';
import { type NftCmd, type Tok, NftSyntaxError, parseCommand, parseElems, splitCommands, tokenize } from './parse.ts';
import { type PrintOpts, tableText, xtChains, xtHasCompat, xtTableText } from './print.ts';

const VERSION = 'nftables v1.0.6 (Lester Gooch #5)';
const XT_TABLES: readonly TableName[] = ['filter', 'nat', 'mangle', 'raw'];

/** An error to report with nft's caret line. */
class NftError extends Error {
  readonly tok: Tok | undefined;
  constructor(msg: string, tok: Tok | undefined) {
    super(msg);
    this.tok = tok;
  }
}
const kernelErr = (what: string, tok: Tok | undefined): NftError => new NftError(`Could not process rule: ${what}`, tok);
const ENOENT = 'No such file or directory';

declareNotSimulated(
  { tool: 'nft', kind: 'subcommand', item: 'families ip6, arp, bridge, netdev', why: 'the simulated stack is IPv4 only; use ip or inet' },
  { tool: 'nft', kind: 'subcommand', item: 'native rules in tables iptables-nft manages', why: 'change them with iptables' },
);

/** Everything one transaction works on: a copy of the native tables, and deferred iptables-nft table changes. */
interface Tx {
  st: NfNs;
  nft: NftState;
  xtOps: (() => void)[];
  out: string;
  warn: string;
  opts: PrintOpts;
}

function isXt(tx: Tx, family: string, name: string): boolean {
  return family === 'ip' && (XT_TABLES as readonly string[]).includes(name) && tx.st.tables.has(name as TableName) && !tx.nft.tables.some((t) => t.family === 'ip' && t.name === name);
}

function findTable(tx: Tx, family: string, tok: Tok): NftTable | undefined {
  return tx.nft.tables.find((t) => t.family === family && t.name === tok.t);
}

function needTable(tx: Tx, family: string, tok: Tok, kernel = false): NftTable {
  const t = findTable(tx, family, tok);
  if (!t) throw kernel ? kernelErr(ENOENT, tok) : new NftError(ENOENT, tok);
  return t;
}

function warnXt(tx: Tx, name: TableName): void {
  const t = tx.st.tables.get(name);
  if (t && xtHasCompat(t)) tx.warn += `# Warning: table ip ${name} is managed by iptables-nft, do not touch!\n`;
}

/** Tables of the namespace in creation order: native ones and iptables-nft's. */
function allTables(tx: Tx): ({ xt: TableName; seq: number } | { t: NftTable; seq: number })[] {
  const out: ({ xt: TableName; seq: number } | { t: NftTable; seq: number })[] = [];
  for (const [name, seq] of tx.st.xtSeq) if (tx.st.tables.has(name)) out.push({ xt: name, seq });
  for (const t of tx.nft.tables) out.push({ t, seq: t.seq });
  return out.sort((a, b) => a.seq - b.seq);
}

function checkFamily(f: string, tok: Tok | undefined): void {
  if (f !== 'ip' && f !== 'inet') throw new NftError(`family ${f}: not simulated`, tok);
}

/** Handles inline anonymous sets take in the table (allocated before the rule's). */
function anonSets(exprs: NftExpr[]): number {
  let n = 0;
  for (const e of exprs) if ((e.k === 'cmp' && e.rhs.kind === 'set' && e.rhs.elems.length > 1) || (e.k === 'vmap' && e.rhs.kind === 'set')) n++;
  return n;
}

/** NAT statements and the hooks the kernel allows them at (nft_nat_validate). */
function natHookOk(kind: string, hook: string): boolean {
  return kind === 'dnat' || kind === 'redirect' ? hook === 'prerouting' || hook === 'output' : hook === 'postrouting' || hook === 'input';
}

function checkRule(t: NftTable, c: NftChain, exprs: NftExpr[], nameTok: Tok, whole: Tok): void {
  for (const e of exprs) {
    if (e.k === 'nat' && c.base && (c.base.type !== 'nat' || !natHookOk(e.kind, c.base.hook))) throw kernelErr('Operation not supported', whole);
    if (e.k === 'update') {
      const s = t.sets.get(e.set);
      if (!s) throw new NftError('No such file or directory', nameTok);
      // A set filled from the packet path gets nft's default size (recorded: size 65535 in the listing).
      if (s.size === undefined) s.size = 65535;
    }
    if (e.k === 'cmp' && e.rhs.kind === 'ref' && !t.sets.has(e.rhs.name)) throw new NftError(`No such file or directory; did you mean set ‘${e.rhs.name}’ in table ${t.family} ‘${t.name}’?`.replace(/; did you mean.*$/, ''), nameTok);
    const targets: string[] = [];
    if (e.k === 'verdict' && e.verdict.chain) targets.push(e.verdict.chain);
    if (e.k === 'vmap' && e.rhs.kind === 'set') for (const el of e.rhs.elems) if (el.data?.chain) targets.push(el.data.chain);
    for (const ch of targets) if (!t.chains.has(ch)) throw kernelErr(ENOENT, nameTok);
  }
}

function listOne(tx: Tx, c: Extract<NftCmd, { op: 'list'; family: string }>): void {
  if (isXt(tx, c.family, c.table.t)) {
    const xt = tx.st.tables.get(c.table.t as TableName)!;
    if (c.what === 'table') {
      warnXt(tx, xt.name);
      tx.out += xtTableText(tx.st, xt, tx.opts);
      return;
    }
    if (c.what === 'chain' && xtChains(tx.st, xt).some((ch) => ch.name === c.name!.t)) {
      warnXt(tx, xt.name);
      tx.out += xtTableText(tx.st, xt, tx.opts, c.name!.t);
      return;
    }
    throw new NftError(ENOENT, c.name);
  }
  const t = needTable(tx, c.family, c.table);
  if (c.what === 'table') tx.out += tableText(t, tx.opts);
  else if (c.what === 'chain') {
    if (!t.chains.has(c.name!.t)) throw new NftError(ENOENT, c.name);
    tx.out += tableText(t, tx.opts, { chain: c.name!.t });
  } else {
    const s = t.sets.get(c.name!.t);
    if (!s || s.map !== (c.what === 'map')) throw new NftError(ENOENT, c.name);
    tx.out += tableText(t, tx.opts, { set: s.name });
  }
}

function execOne(tx: Tx, c: NftCmd): void {
  switch (c.op) {
    case 'list': {
      if (c.what === 'ruleset' || c.what === 'tables') {
        for (const e of allTables(tx)) {
          if (c.what === 'tables') tx.out += 'xt' in e ? `table ip ${e.xt}\n` : `table ${e.t.family} ${e.t.name}\n`;
          else if ('xt' in e) {
            warnXt(tx, e.xt);
            tx.out += xtTableText(tx.st, tx.st.tables.get(e.xt)!, tx.opts);
          } else tx.out += tableText(e.t, tx.opts);
        }
        return;
      }
      return listOne(tx, c as Extract<NftCmd, { op: 'list'; family: string }>);
    }
    case 'flush': {
      if (c.what === 'ruleset') {
        tx.nft.tables = [];
        for (const name of [...tx.st.tables.keys()]) tx.xtOps.push(() => nfDropTable(tx.st.ns, name));
        return;
      }
      return flushOne(tx, c as Extract<NftCmd, { op: 'flush'; family: string }>);
    }
    case 'add':
    case 'create':
    case 'insert':
    case 'delete':
      return change(tx, c);
  }
}

function flushOne(tx: Tx, c: Extract<NftCmd, { op: 'flush'; family: string }>): void {
  if (isXt(tx, c.family, c.table.t) && (c.what === 'table' || c.what === 'chain')) {
    const name = c.table.t as TableName;
    const chain = c.name?.t;
    if (chain !== undefined && !tx.st.tables.get(name)!.chains.has(chain)) throw kernelErr(ENOENT, c.name);
    tx.xtOps.push(() => {
      const t = cloneTable(tx.st.tables.get(name)!);
      for (const ch of t.chains.values()) if (chain === undefined || ch.name === chain) ch.rules = [];
      nfCommit(tx.st.ns, t);
    });
    return;
  }
  const t = needTable(tx, c.family, c.table, true);
  if (c.what === 'table') for (const ch of t.chains.values()) ch.rules = [];
  else if (c.what === 'chain') {
    const ch = t.chains.get(c.name!.t);
    if (!ch) throw kernelErr(ENOENT, c.name);
    ch.rules = [];
  } else {
    const s = t.sets.get(c.name!.t);
    if (!s || s.map !== (c.what === 'map')) throw kernelErr(ENOENT, c.name);
    s.elems = [];
  }
}

function change(tx: Tx, c: Extract<NftCmd, { op: 'add' | 'create' | 'insert' | 'delete' }>): void {
  if (c.op !== 'delete') checkFamily(c.family, c.table);
  if (isXt(tx, c.family, c.table.t)) {
    if (c.op === 'delete' && c.what === 'table') {
      const name = c.table.t as TableName;
      tx.xtOps.push(() => nfDropTable(tx.st.ns, name));
      return;
    }
    if (!(c.op === 'add' && c.what === 'table')) throw new NftError('native rules in tables iptables-nft manages: not simulated', c.table);
    return;
  }
  if (c.what === 'table') {
    const t = findTable(tx, c.family, c.table);
    if (c.op === 'delete') {
      if (!t) throw kernelErr(ENOENT, c.table);
      tx.nft.tables = tx.nft.tables.filter((x) => x !== t);
      return;
    }
    if (t) {
      if (c.op === 'create') throw kernelErr('File exists', c.table);
      if (c.comment !== undefined) t.comment = c.comment;
      return;
    }
    // Table handles come from one counter per namespace (iptables-nft's tables take theirs too).
    const seq = tx.st.tableSeq++;
    tx.nft.tables.push({ family: c.family as 'ip' | 'inet', name: c.table.t, handle: seq + 1, comment: c.comment, chains: new Map(), sets: new Map(), nextHandle: 1, seq });
    return;
  }
  const t = needTable(tx, c.family, c.table, c.what === 'rule' || c.op === 'delete');
  switch (c.what) {
    case 'chain': {
      const ch = t.chains.get(c.name!.t);
      if (c.op === 'delete') {
        if (!ch) throw kernelErr(ENOENT, c.name);
        const used = [...t.chains.values()].some((x) => x.rules.some((r) => r.exprs.some((e) => (e.k === 'verdict' && e.verdict.chain === ch.name) || (e.k === 'vmap' && e.rhs.kind === 'set' && e.rhs.elems.some((el) => el.data?.chain === ch.name)))));
        const inMaps = [...t.sets.values()].some((s) => s.elems.some((el) => el.data?.chain === ch.name));
        if (used || inMaps) throw kernelErr('Device or resource busy', c.name);
        t.chains.delete(ch.name);
        return;
      }
      if (ch) {
        if (c.op === 'create') throw kernelErr('File exists', c.name);
        if (c.base?.policy && ch.base) ch.base.policy = c.base.policy;
        else if (c.base?.hook && !ch.base) throw kernelErr('Device or resource busy', c.name);
        if (c.comment !== undefined) ch.comment = c.comment;
        return;
      }
      if (c.base && !c.base.hook) throw new NftError('Could not process rule: Invalid argument'.replace('Could not process rule: ', ''), c.name);
      const base = c.base?.hook ? { type: c.base.type!, hook: c.base.hook, prio: c.base.prio!, policy: c.base.policy ?? 'accept' } : undefined;
      if (base?.type === 'nat' && base.hook === 'forward') throw kernelErr('Operation not supported', c.whole ?? c.name);
      t.chains.set(c.name.t, { name: c.name.t, handle: t.nextHandle++, base, comment: c.comment, rules: [] });
      return;
    }
    case 'rule': {
      const ch = t.chains.get(c.name.t);
      if (!ch) throw kernelErr(ENOENT, c.name);
      if (c.op === 'delete') {
        const i = ch.rules.findIndex((r) => r.handle === c.handle);
        if (i < 0) throw kernelErr(ENOENT, c.handleTok);
        ch.rules.splice(i, 1);
        return;
      }
      checkRule(t, ch, c.exprs, c.name, c.whole ?? c.name);
      t.nextHandle += anonSets(c.exprs);
      const rule = { handle: t.nextHandle++, exprs: c.exprs, comment: c.comment };
      let at = c.op === 'insert' ? 0 : ch.rules.length;
      if (c.handle !== undefined) {
        const i = ch.rules.findIndex((r) => r.handle === c.handle);
        if (i < 0) throw kernelErr(ENOENT, c.name);
        at = c.op === 'insert' ? i : i + 1;
      } else if (c.index !== undefined) at = Math.min(ch.rules.length, c.op === 'insert' ? c.index : c.index + 1);
      ch.rules.splice(at, 0, rule);
      return;
    }
    case 'set':
    case 'map': {
      const s = t.sets.get(c.name!.t);
      if (c.op === 'delete') {
        if (!s || s.map !== (c.what === 'map')) throw kernelErr(ENOENT, c.name);
        const used = [...t.chains.values()].some((x) => x.rules.some((r) => r.exprs.some((e) => (e.k === 'cmp' || e.k === 'vmap') && e.rhs.kind === 'ref' && e.rhs.name === s.name)));
        if (used) throw kernelErr('Device or resource busy', c.name);
        t.sets.delete(s.name);
        return;
      }
      if (s) {
        if (c.op === 'create') throw kernelErr('File exists', c.name);
        return;
      }
      t.sets.set(c.name.t, { name: c.name.t, handle: t.nextHandle++, map: c.what === 'map', keyType: c.keyType, flags: c.flags, comment: c.comment, ...(c.timeout !== undefined ? { timeout: c.timeout } : {}), ...(c.size !== undefined ? { size: c.size } : {}), elems: c.elems });
      return;
    }
    case 'element': {
      const s = t.sets.get(c.name.t);
      if (!s) throw new NftError(ENOENT, c.name);
      let elems: NftElem[];
      try {
        elems = parseElems(c.elems, s.keyType, s.map && c.op !== 'delete');
      } catch (e) {
        if (e instanceof NftSyntaxError) throw new NftError(e.message, e.tok);
        throw e;
      }
      const key = (e: NftElem): string => JSON.stringify(e.parts);
      for (const e of elems) {
        const i = s.elems.findIndex((x) => key(x) === key(e));
        if (c.op === 'delete') {
          if (i < 0) throw kernelErr(ENOENT, c.name);
          s.elems.splice(i, 1);
        } else if (i < 0) {
          if (e.data?.chain && !t.chains.has(e.data.chain)) throw kernelErr(ENOENT, c.name);
          s.elems.push(e);
        }
      }
      return;
    }
  }
}

/** Caret line under a token (nft marks its first to last character), and `~` under a related one. */
function caret(line: string, tok: Tok | undefined, lineStart: number, related?: Tok): string {
  if (!tok) return '';
  const marks: string[] = [];
  const mark = (t: Tok, ch: string): void => {
    const col = t.pos - lineStart;
    const len = Math.max(1, t.quoted ? t.t.length + 2 : t.t.length);
    for (let i = 0; i < len; i++) marks[col + i] = ch;
  };
  if (related) mark(related, '~');
  mark(tok, '^');
  return `${line}\n${Array.from(marks, (m) => m ?? ' ').join('')}\n`;
}

function copyState(s: NftState): NftState {
  return structuredClone(s);
}

/** Run one command text (argv joined, or a file) as a transaction. */
function runText(p: Process, text: string, opts: PrintOpts & { check: boolean; file?: string }): number {
  const ns = nsOf(p);
  const st = nfOf(ns);
  const live = nftOf(ns);
  const tx: Tx = { st, nft: copyState(live), xtOps: [], out: '', warn: '', opts };
  const seq0 = st.tableSeq;
  const toks = tokenize(text);
  const lineOf = (pos: number): { line: string; start: number; no: number } => {
    const start = text.lastIndexOf('\n', pos - 1) + 1;
    const end = text.indexOf('\n', pos);
    return { line: text.slice(start, end < 0 ? text.length : end), start, no: text.slice(0, start).split('\n').length };
  };
  const fail = (msg: string, tok: Tok | undefined, cmdToks: Tok[], related?: Tok): number => {
    const at = tok ?? cmdToks[cmdToks.length - 1];
    const l = lineOf(at?.pos ?? 0);
    let head = 'Error: ';
    if (opts.file !== undefined && at) {
      const col = at.pos - l.start + 1;
      const len = Math.max(1, at.quoted ? at.t.length + 2 : at.t.length);
      head = `${opts.file}:${l.no}:${col}-${col + len - 1}: Error: `;
    }
    p.stderr.write(`${head}${msg}\n${caret(l.line, at, l.start, related)}`);
    return 1;
  };
  const cmds = splitCommands(toks);
  // Parse everything first (a syntax error anywhere stops the whole input).
  const parsed: { cmd: NftCmd; toks: Tok[] }[] = [];
  let status = 0;
  for (const ct of cmds) {
    try {
      parsed.push({ cmd: parseCommand(ct), toks: ct });
    } catch (e) {
      if (!(e instanceof NftSyntaxError)) throw e;
      status = fail(e.message, e.tok, ct, e.related);
    }
  }
  if (status) return status;
  for (const { cmd, toks: ct } of parsed) {
    // The whole command, for errors the kernel reports about it as a whole.
    const last = ct[ct.length - 1];
    const end = last.pos + (last.quoted ? last.t.length + 2 : last.t.length);
    // nft's location for it runs one past the last character (it includes the end of the line).
    (cmd as { whole?: Tok }).whole = { t: text.slice(ct[0].pos, end) + ' ', pos: ct[0].pos };
    try {
      execOne(tx, cmd);
    } catch (e) {
      if (!(e instanceof NftError)) throw e;
      status = fail(e.message, e.tok, ct);
    }
  }
  if (status || opts.check) st.tableSeq = seq0;
  if (status) return status;
  if (!opts.check) {
    live.tables = tx.nft.tables;
    live.nextTableHandle = tx.nft.nextTableHandle;
    for (const op of tx.xtOps) op();
    nftChanged(ns);
  }
  if (tx.warn) p.stderr.write(tx.warn);
  if (tx.out) p.stdout.write(tx.out);
  return 0;
}

async function nft(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opts = { handles: false, check: false, file: undefined as string | undefined, now: kernelOf(p).clock.now };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-a' || a === '--handle') opts.handles = true;
    else if (a === '-c' || a === '--check') opts.check = true;
    else if (a === '-n' || a === '--numeric' || a === '-s' || a === '--stateless') continue;
    else if (a === '-v' || a === '--version') {
      p.stdout.write(VERSION + '\n');
      return 0;
    } else if (a === '-f' || a === '--file') {
      const f = args[++i];
      if (f === undefined) {
        p.stderr.write("nft: option requires an argument -- 'f'\n");
        return 1;
      }
      opts.file = f;
    } else if (a === '-h' || a === '--help') {
      p.stdout.write(`Usage: nft [ options ] [ cmds... ]\n\nOptions (general):\n  -h, --help                      Show this help\n  -v, --version                   Show version information\n\nOptions (ruleset input handling):\n  -f, --file <filename>           Read input from <filename>\n  -c, --check                     Check commands validity without actually applying the changes.\n\nOptions (ruleset list formatting):\n  -a, --handle                    Output rule handle.\n`);
      return 0;
    } else if (/^-[ajcnsfv]+$/.test(a) && a.length > 2) {
      for (const ch of a.slice(1)) {
        if (ch === 'a') opts.handles = true;
        else if (ch === 'c') opts.check = true;
      }
    } else {
      p.stderr.write(`nft: ${a}: not simulated\n`);
      return 1;
    }
  }
  if (opts.file !== undefined) {
    let text = '';
    if (opts.file === '-' || opts.file === '/dev/stdin') {
      for (let n = 0; n < 1_000_000; n++) {
        const chunk = await p.stdin.read();
        if (chunk === null) break;
        text += chunk;
      }
    } else {
      try {
        text = kernelOf(p).vfs.readFile(opts.file, p.vfsCtx());
      } catch {
        p.stderr.write(`Error: Could not process rule: No such file or directory\n`);
        return 1;
      }
    }
    return runText(p, text, { ...opts, file: opts.file === '-' ? '/dev/stdin' : opts.file });
  }
  const rest = args.slice(i);
  if (!rest.length) {
    p.stderr.write('nft: no command specified\n');
    return 1;
  }
  return runText(p, rest.join(' '), { ...opts, file: undefined });
}

register({
  name: 'nft',
  summary: 'administration tool of the nftables framework for packet filtering and classification',
  usage: 'nft [-a] [-c] [-f FILE] [list|add|create|insert|delete|flush] [ruleset|table|chain|rule|set|map|element] ...',
  subcommands: ['list', 'add', 'create', 'insert', 'delete', 'flush'],
  options: [
    { flag: '-a, --handle', desc: 'print object handles' },
    { flag: '-c, --check', desc: 'check the commands without applying them' },
    { flag: '-f, --file', arg: 'FILE', desc: 'read commands from FILE (- for standard input)' },
    { flag: '-n, --numeric', desc: 'numeric output (the default for what the simulation prints)' },
    { flag: '-v, --version', desc: 'print the version' },
    { flag: '-j, --json', desc: 'JSON output', notSimulated: 'use the plain listing' },
  ],
  run: nft,
});
