// iptables, iptables-save and iptables-restore (iptables v1.8.9, nf_tables
// flavour). Commands edit a copy of the table and commit it to the kernel in
// one step, as iptables-nft sends one netlink batch; the kernel may refuse
// (loops, targets in the wrong hook) and the error is printed the same way.

import type { Process } from '../../../kernel/proc.ts';
import { parseIp4 } from '../../../kernel/addr.ts';
import { type CommitError, nfCommit, nfForgetEmptyBuiltins, nfTable, nfZero } from '../../../kernel/netfilter/netfilter.ts';
import { type Rule, type Table, type TableName, BUILTIN_CHAINS, TABLE_ORDER, cloneTable, newTable } from '../../../kernel/netfilter/types.ts';
import { register } from '../../registry.ts';
import { nsOf, kernelOf } from '../../lib/sys.ts';
import { parseHosts } from '../../lib/resolve.ts';
import { ParamError, TARGETS } from './ext.ts';
import { ipsetOf } from '../../../kernel/netfilter/ipset.ts';
import { type ListFormat, ctimeText, listRules, listTable, refCount, ruleSpec, saveTable } from './format.ts';
import { BadArgument, type IptCommand, VERDICTS, isTableName, parseIptables } from './parse.ts';

const VERSION = 'iptables v1.8.9 (nf_tables)';
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
/** The rest of `iptables -h` after the usage lines (recorded from iptables 1.8.9, nf_tables). */
const HELP_REST = "\nCommands:\nEither long or short options are allowed.\n  --append  -A chain\t\tAppend to chain\n  --check   -C chain\t\tCheck for the existence of a rule\n  --delete  -D chain\t\tDelete matching rule from chain\n  --delete  -D chain rulenum\n\t\t\t\tDelete rule rulenum (1 = first) from chain\n  --insert  -I chain [rulenum]\n\t\t\t\tInsert in chain as rulenum (default 1=first)\n  --replace -R chain rulenum\n\t\t\t\tReplace rule rulenum (1 = first) in chain\n  --list    -L [chain [rulenum]]\n\t\t\t\tList the rules in a chain or all chains\n  --list-rules -S [chain [rulenum]]\n\t\t\t\tPrint the rules in a chain or all chains\n  --flush   -F [chain]\t\tDelete all rules in  chain or all chains\n  --zero    -Z [chain [rulenum]]\n\t\t\t\tZero counters in chain or all chains\n  --new     -N chain\t\tCreate a new user-defined chain\n  --delete-chain\n            -X [chain]\t\tDelete a user-defined chain\n  --policy  -P chain target\n\t\t\t\tChange policy on chain to target\n  --rename-chain\n            -E old-chain new-chain\n\t\t\t\tChange chain name, (moving any references)\n\nOptions:\n    --ipv4\t-4\t\tNothing (line is ignored by ip6tables-restore)\n    --ipv6\t-6\t\tError (line is ignored by iptables-restore)\n[!] --protocol\t-p proto\tprotocol: by number or name, eg. `tcp'\n[!] --source\t-s address[/mask][...]\n\t\t\t\tsource specification\n[!] --destination -d address[/mask][...]\n\t\t\t\tdestination specification\n[!] --in-interface -i input name[+]\n\t\t\t\tnetwork interface name ([+] for wildcard)\n --jump\t-j target\n\t\t\t\ttarget for rule (may load target extension)\n  --goto      -g chain\n\t\t\t       jump to chain with no return\n  --match\t-m match\n\t\t\t\textended match (may load extension)\n  --numeric\t-n\t\tnumeric output of addresses and ports\n[!] --out-interface -o output name[+]\n\t\t\t\tnetwork interface name ([+] for wildcard)\n  --table\t-t table\ttable to manipulate (default: `filter')\n  --verbose\t-v\t\tverbose mode\n  --wait\t-w [seconds]\tmaximum wait to acquire xtables lock before give up\n  --line-numbers\t\tprint line numbers when listing\n  --exact\t-x\t\texpand numbers (display exact values)\n[!] --fragment\t-f\t\tmatch second or further fragments only\n  --modprobe=<command>\t\ttry to insert modules using this command\n  --set-counters -c PKTS BYTES\tset the counter during insert/append\n[!] --version\t-V\t\tprint package version.\n";

/** Result of running one command (so iptables-restore can reuse it). */
interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

const ok = (stdout = ''): Outcome => ({ status: 0, stdout, stderr: '' });
const kernelErr = (msg: string): Outcome => ({ status: 1, stdout: '', stderr: `iptables: ${msg}\n` });
const NO_CHAIN = 'No chain/target/match by that name.';

/** /etc/hosts lookups for names and reverse names (iptables never waits for DNS here). */
function hostsOf(p: Process): { forward(n: string): number | undefined; reverse(a: number): string | undefined } {
  let text = '';
  try {
    text = kernelOf(p).vfs.readFile('/etc/hosts', p.vfsCtx());
  } catch {
    text = '';
  }
  const lines = parseHosts(text).filter((l) => l.family === 4);
  return {
    forward: (n) => {
      const hit = lines.find((l) => l.names.includes(n));
      return hit ? parseIp4(hit.addr) : undefined;
    },
    reverse: (a) => {
      const s = `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
      return lines.find((l) => l.addr === s)?.names[0];
    },
  };
}

function commitMessage(e: CommitError, op: string, chain: string): string {
  const text = e.errno === 'EMLINK' ? 'Too many links' : e.errno === 'EINVAL' ? 'Invalid argument' : e.errno === 'ENOENT' ? 'No such file or directory' : 'Invalid argument';
  return `${VERSION}:  ${op} failed (${text}): rule in chain ${chain}\n`;
}

/** Chain name checks of -N / -E (xshared). */
function checkChainName(name: string): void {
  if (name.length > 28) throw new ParamError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-')) throw new ParamError("chain name not allowed to start with `-'");
  if (VERDICTS.has(name) || TARGETS.has(name) || name === 'CT') throw new ParamError('chain name may not clash with target name');
  if (/[\s!]/.test(name) || /^\d+$/.test(name)) throw new ParamError(`Invalid chain name \`${name}'`);
}

function ruleEquals(a: Rule, b: Rule): boolean {
  return ruleSpec(a) === ruleSpec(b);
}

/** Execute a parsed command against the namespace of `p`. */
function execute(p: Process, c: IptCommand): Outcome {
  const ns = nsOf(p);
  const tname = c.table as TableName;
  const cur = nfTable(ns, tname);
  const view: Table = cur ?? newTable(tname);
  const cmd = c.cmds[0];
  const hosts = hostsOf(p);
  const fmt: ListFormat = { numeric: c.numeric, verbose: c.verbose, exact: c.exact, lineNumbers: c.lineNumbers, hostName: hosts.reverse };
  const commit = (t: Table, op: string, chain: string): Outcome => {
    const e = nfCommit(ns, t);
    if (e) return { status: 4, stdout: '', stderr: commitMessage(e, op, chain || e.chain || '') };
    return ok();
  };
  const chainOf = (t: Table, name: string) => t.chains.get(name);

  switch (cmd) {
    case 'V':
      return ok(`${VERSION}\n`);
    case 'h':
      return ok(`${VERSION}\n\nUsage: iptables -[ACD] chain rule-specification [options]\n       iptables -I chain [rulenum] rule-specification [options]\n       iptables -R chain rulenum rule-specification [options]\n       iptables -D chain rulenum [options]\n       iptables -[LS] [chain [rulenum]] [options]\n       iptables -[FZ] [chain] [options]\n       iptables -[NX] chain\n       iptables -E old-chain-name new-chain-name\n       iptables -P chain target [options]\n       iptables -h (print this help information)\n${HELP_REST}`);
    case 'L':
    case 'S':
    case 'Z': {
      // -L and -Z together (either order): list, then zero; -v names each zeroed chain.
      const list = cmd !== 'Z' || c.cmds.includes('L');
      const lcmd = cmd === 'Z' ? 'L' : cmd;
      if (c.chain !== undefined && !view.chains.has(c.chain)) {
        if (!list) return kernelErr(NO_CHAIN);
        return { status: 1, stdout: '', stderr: `${VERSION}: chain \`${c.chain}' in table \`${tname}' is incompatible, use 'nft' tool.\n` };
      }
      let text = !list ? '' : lcmd === 'L' ? listTable(view, c.chain, c.rulenum, fmt) : listRules(view, c.chain, c.rulenum, c.verbose);
      if (c.cmds.includes('Z')) {
        nfZero(ns, tname, c.chain, list ? undefined : c.rulenum);
        if (c.verbose) for (const name of view.chains.keys()) if (c.chain === undefined || name === c.chain) text += `Zeroing chain \`${name}'\n`;
      }
      return ok(text);
    }
    case 'F': {
      if (c.chain !== undefined && !view.chains.has(c.chain)) return kernelErr(NO_CHAIN);
      if (!cur) return ok();
      const t = cloneTable(cur);
      for (const ch of t.chains.values()) if (c.chain === undefined || ch.name === c.chain) ch.rules = [];
      return commit(t, 'RULE_DELETE', c.chain ?? '');
    }
    case 'N': {
      checkChainName(c.chain!);
      if (view.chains.has(c.chain!)) return kernelErr('Chain already exists.');
      const t = cloneTable(view);
      t.chains.set(c.chain!, { name: c.chain!, builtin: false, pkts: 0, bytes: 0, rules: [] });
      return commit(t, 'CHAIN_ADD', c.chain!);
    }
    case 'X': {
      const names = c.chain !== undefined ? [c.chain] : [...view.chains.values()].filter((ch) => !ch.builtin).map((ch) => ch.name).sort();
      if (c.chain !== undefined) {
        const ch = view.chains.get(c.chain);
        if (!ch || ch.builtin) return kernelErr(NO_CHAIN);
      }
      if (!cur) return ok();
      const t = cloneTable(cur);
      for (const n of names) {
        const ch = t.chains.get(n)!;
        if (ch.rules.length || refCount(t, n)) return { status: 4, stdout: '', stderr: `${VERSION}:  CHAIN_DEL failed (Device or resource busy): chain ${n}\n` };
        t.chains.delete(n);
      }
      const done = commit(t, 'CHAIN_DEL', '');
      if (c.chain === undefined && done.status === 0) nfForgetEmptyBuiltins(ns, tname);
      return done;
    }
    case 'E': {
      const ch = view.chains.get(c.chain!);
      if (!ch || ch.builtin) return kernelErr(NO_CHAIN);
      checkChainName(c.newName!);
      if (view.chains.has(c.newName!)) return kernelErr('File exists.');
      const t = cloneTable(view);
      const chains = new Map<string, typeof ch>();
      for (const [k, v] of t.chains) {
        if (k === c.chain) chains.set(c.newName!, { ...v, name: c.newName! });
        else chains.set(k, v);
      }
      for (const v of chains.values())
        v.rules = v.rules.map((r) => (r.target.kind === 'jump' && r.target.chain === c.chain ? { ...r, target: { ...r.target, chain: c.newName! } } : r));
      t.chains = chains;
      return commit(t, 'CHAIN_RENAME', c.chain!);
    }
    case 'P': {
      const ch = view.chains.get(c.chain!);
      if (!ch || !ch.builtin) return kernelErr('Bad built-in chain name.');
      if (c.policy !== 'ACCEPT' && c.policy !== 'DROP') return kernelErr("Bad policy name. Run `dmesg' for more information.");
      const t = cloneTable(view);
      t.chains.set(ch.name, { ...t.chains.get(ch.name)!, policy: c.policy, counters: true });
      return commit(t, 'CHAIN_USER_ADD', ch.name);
    }
    case 'A':
    case 'I':
    case 'R':
    case 'D':
    case 'C': {
      const chain = c.chain!;
      const rule = c.rule;
      if (c.counters) [rule.pkts, rule.bytes] = c.counters;
      const target = rule.target;
      // do_command(): the nat table refuses DROP before anything else.
      if (tname === 'nat' && target.kind === 'verdict' && target.verdict === 'DROP' && cmd !== 'D') {
        throw new ParamError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
      }
      if (target.kind === 'jump' && !view.chains.has(target.chain) && (cmd !== 'D' || c.rulenum === undefined)) throw new ParamError(`Chain '${target.chain}' does not exist`);
      if (rule.iif && (chain === 'OUTPUT' || chain === 'POSTROUTING')) throw new ParamError(`Can't use -i with ${chain}\n`);
      if (rule.oif && (chain === 'INPUT' || chain === 'PREROUTING')) throw new ParamError(`Can't use -o with ${chain}\n`);
      const ch = chainOf(view, chain);
      if (cmd === 'D' || cmd === 'C') {
        if (!ch) return kernelErr(cmd === 'D' && c.rulenum === undefined && !cur ? 'Bad rule (does a matching rule exist in that chain?).' : NO_CHAIN);
        let idx: number;
        if (c.rulenum !== undefined && cmd === 'D') {
          if (c.rulenum > ch.rules.length) return kernelErr('Index of deletion too big.');
          idx = c.rulenum - 1;
        } else {
          idx = ch.rules.findIndex((x) => ruleEquals(x, rule));
          if (idx < 0) return kernelErr('Bad rule (does a matching rule exist in that chain?).');
        }
        if (cmd === 'C') return ok();
        const t = cloneTable(view);
        t.chains.get(chain)!.rules.splice(idx, 1);
        return commit(t, 'RULE_DELETE', chain);
      }
      if (!ch) return kernelErr(NO_CHAIN);
      const t = cloneTable(view);
      const rules = t.chains.get(chain)!.rules;
      if (cmd === 'A') {
        rules.push(rule);
        return commit(t, 'RULE_APPEND', chain);
      }
      if (cmd === 'I') {
        const n = c.rulenum ?? 1;
        if (n > rules.length + 1) return kernelErr('Index of insertion too big.');
        rules.splice(n - 1, 0, rule);
        return commit(t, 'RULE_INSERT', chain);
      }
      if (!rules.length) return kernelErr(NO_CHAIN);
      if (c.rulenum! > rules.length) return kernelErr('Index of replacement too big.');
      rules[c.rulenum! - 1] = rule;
      return commit(t, 'RULE_REPLACE', chain);
    }
  }
  return ok();
}

/** The first IP set a rule names that does not exist in the caller's namespace (libxt_set asks the kernel by name). */
function missingSet(p: Process, c: IptCommand): string | undefined {
  const sets = ipsetOf(nsOf(p)).sets;
  for (const m of c.rule.matches) if (m.kind === 'set' && !sets.has(m.name)) return m.name;
  return undefined;
}

/** Parse and run one iptables command line; errors become iptables' messages. */
export function runIptables(p: Process, args: string[]): Outcome {
  const hosts = hostsOf(p);
  let c: IptCommand;
  try {
    c = parseIptables(args, hosts.forward);
  } catch (e) {
    if (e instanceof BadArgument) return { status: 2, stdout: '', stderr: `${e.message}\n${TRY}` };
    if (e instanceof ParamError) return { status: e.status, stdout: '', stderr: `${VERSION}: ${e.message}\n${TRY}` };
    throw e;
  }
  if (!isTableName(c.table)) return { status: 3, stdout: '', stderr: `${VERSION}: table '${c.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n` };
  const noSet = missingSet(p, c);
  if (noSet) return { status: 2, stdout: '', stderr: `${VERSION}: Set ${noSet} doesn't exist.\n\n${TRY}` };
  try {
    const out = execute(p, c);
    return c.warnings ? { ...out, stderr: c.warnings.join('') + out.stderr } : out;
  } catch (e) {
    if (e instanceof ParamError) return { status: e.status, stdout: '', stderr: `${VERSION}: ${e.message}\n${TRY}` };
    throw e;
  }
}

async function iptables(p: Process): Promise<number> {
  const o = runIptables(p, p.argv.slice(1));
  if (o.stdout) p.stdout.write(o.stdout);
  if (o.stderr) p.stderr.write(o.stderr);
  return o.status;
}

// ── iptables-save ────────────────────────────────────────────────────────

async function iptablesSave(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let table: string | undefined;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c' || a === '--counters') counters = true;
    else if (a === '-t' || a === '--table') table = args[++i];
    else if (a.startsWith('--table=')) table = a.slice(8);
    else if (a.startsWith('-t') && a.length > 2) table = a.slice(2);
    else if (a === '-M' || a === '--modprobe' || a === '-f' || a === '--file') i++;
    else if (a === '-V' || a === '--version') {
      p.stdout.write('iptables-save v1.8.9 (nf_tables)\n');
      return 0;
    } else {
      p.stderr.write(`iptables-save v1.8.9 (nf_tables): unknown arguments found on commandline\nTry \`iptables-save -h' or 'iptables-save --help' for more information.\n`);
      return 2;
    }
  }
  const ns = nsOf(p);
  const k = kernelOf(p);
  const date = ctimeText(k.clock.epochMs + k.clock.now);
  let names: TableName[];
  if (table !== undefined) {
    if (!isTableName(table)) {
      p.stderr.write(`Table \`${table}' does not exist\n`);
      return 1;
    }
    if (!nfTable(ns, table)) nfCommit(ns, newTable(table));
    names = [table];
  } else names = TABLE_ORDER.filter((t) => nfTable(ns, t));
  let out = '';
  for (const n of names) {
    out += `# Generated by iptables-save v1.8.9 (nf_tables) on ${date}\n`;
    out += saveTable(nfTable(ns, n)!, counters);
    out += `# Completed on ${date}\n`;
  }
  p.stdout.write(out);
  return 0;
}

// ── iptables-restore ─────────────────────────────────────────────────────

/** Split a restore line into words as iptables-restore does (double quotes group, backslash escapes). */
export function splitRestoreLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length && (line[i + 1] === '"' || line[i + 1] === '\\' || line[i + 1] === "'")) {
      cur += line[++i];
      has = true;
    } else if (ch === '"') {
      quoted = !quoted;
      has = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/**
 * Apply an iptables-restore input to `p`'s namespace. Each `*table` ...
 * `COMMIT` block replaces the table (or, with noflush, edits it) and is
 * committed atomically.
 */
export function restore(p: Process, text: string, opts: { noflush: boolean; counters: boolean; test: boolean; table?: string }): Outcome {
  const ns = nsOf(p);
  const hosts = hostsOf(p);
  const lines = text.split('\n');
  let table: Table | undefined;
  let tname: TableName | undefined;
  const fail = (n: number, msg: string): Outcome => ({ status: 2, stdout: '', stderr: `iptables-restore v1.8.9 (nf_tables): ${msg}\nError occurred at line: ${n}\nTry \`iptables-restore -h' or 'iptables-restore --help' for more information.\n` });
  const pending: Table[] = [];
  // iptables-nft resolves jumps when the batch is committed: a missing chain is reported at COMMIT.
  let missingJump: string | undefined;
  for (let li = 0; li < lines.length && li < 10_000_000; li++) {
    const n = li + 1;
    const line = lines[li].trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('*')) {
      const name = line.slice(1).trim();
      if (!isTableName(name)) return fail(n, `iptables-restore: line ${n} table name '${name}' invalid`);
      tname = name;
      const cur = nfTable(ns, name);
      table = opts.noflush && cur ? cloneTable(cur) : newTable(name);
      continue;
    }
    if (!table || !tname) return { status: 1, stdout: '', stderr: `iptables-restore: line ${n} failed\n` };
    if (line === 'COMMIT') {
      if (missingJump !== undefined && !table.chains.has(missingJump)) return fail(n, `Chain '${missingJump}' does not exist`);
      missingJump = undefined;
      if (!opts.table || opts.table === tname) pending.push(table);
      table = undefined;
      continue;
    }
    if (line.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?/.exec(line);
      if (!m) return { status: 1, stdout: '', stderr: `iptables-restore: line ${n} failed\n` };
      const [, name, policy] = m;
      const existing = table.chains.get(name);
      if (existing?.builtin || BUILTIN_CHAINS[tname].includes(name)) {
        if (policy !== 'ACCEPT' && policy !== 'DROP' && policy !== '-') return { status: 1, stdout: '', stderr: `iptables-restore: line ${n} failed: Bad policy name.\n` };
        const ch = table.chains.get(name)!;
        table.chains.set(name, { ...ch, rules: opts.noflush ? ch.rules : [], policy: policy === '-' ? ch.policy : policy, counters: true });
      } else {
        try {
          checkChainName(name);
        } catch (e) {
          if (e instanceof ParamError) return fail(n, e.message);
          throw e;
        }
        if (!existing) table.chains.set(name, { name, builtin: false, pkts: 0, bytes: 0, rules: [] });
        // A user-defined chain named in a `:CHAIN` line is flushed even with --noflush (kube-proxy relies on it).
        else existing.rules = [];
      }
      continue;
    }
    let words = splitRestoreLine(line);
    let ctr: [number, number] | undefined;
    const cm = /^\[(\d+):(\d+)\]$/.exec(words[0] ?? '');
    if (cm) {
      ctr = [Number(cm[1]), Number(cm[2])];
      words = words.slice(1);
    }
    let c: IptCommand;
    try {
      c = parseIptables(words, hosts.forward);
    } catch (e) {
      if (e instanceof ParamError || e instanceof BadArgument) return fail(n, e.message);
      throw e;
    }
    const noSet = missingSet(p, c);
    if (noSet) return fail(n, `Set ${noSet} doesn't exist.\n`);
    const cmd = c.cmds[0];
    const ch = c.chain !== undefined ? table.chains.get(c.chain) : undefined;
    const target = c.rule.target;
    if (target.kind === 'jump' && !table.chains.has(target.chain) && missingJump === undefined) missingJump = target.chain;
    if (!ch && (cmd === 'A' || cmd === 'I' || cmd === 'D' || cmd === 'R')) return { status: 1, stdout: '', stderr: `iptables-restore: line ${n} failed: ${NO_CHAIN}\n` };
    if (opts.counters && ctr) [c.rule.pkts, c.rule.bytes] = ctr;
    switch (cmd) {
      case 'A':
        ch!.rules.push(c.rule);
        break;
      case 'I':
        ch!.rules.splice((c.rulenum ?? 1) - 1, 0, c.rule);
        break;
      case 'D': {
        const idx = c.rulenum !== undefined ? c.rulenum - 1 : ch!.rules.findIndex((x) => ruleEquals(x, c.rule));
        if (idx < 0 || idx >= ch!.rules.length) return { status: 1, stdout: '', stderr: `iptables-restore: line ${n} failed\n` };
        ch!.rules.splice(idx, 1);
        break;
      }
      case 'R':
        ch!.rules[c.rulenum! - 1] = c.rule;
        break;
      case 'F':
        for (const x of table.chains.values()) if (c.chain === undefined || x.name === c.chain) x.rules = [];
        break;
      case 'N':
        table.chains.set(c.chain!, { name: c.chain!, builtin: false, pkts: 0, bytes: 0, rules: [] });
        break;
      case 'X':
        if (c.chain) table.chains.delete(c.chain);
        break;
      case 'P':
        if (ch) ch.policy = c.policy === 'DROP' ? 'DROP' : 'ACCEPT';
        break;
      default:
        break;
    }
  }
  if (table) return { status: 1, stdout: '', stderr: `iptables-restore: COMMIT expected at line ${lines.length}\n` };
  if (opts.test) return ok();
  for (const t of pending) {
    const e = nfCommit(ns, t);
    if (e) return { status: 4, stdout: '', stderr: `iptables-restore v1.8.9 (nf_tables): ${commitMessage(e, 'RULE_APPEND', e.chain ?? '').slice(VERSION.length + 3)}` };
  }
  return ok();
}

async function iptablesRestore(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  const opts = { noflush: false, counters: false, test: false, table: undefined as string | undefined };
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-n' || a === '--noflush') opts.noflush = true;
    else if (a === '-c' || a === '--counters') opts.counters = true;
    else if (a === '-t' || a === '--test') opts.test = true;
    else if (a === '-T' || a === '--table') opts.table = args[++i];
    else if (a === '-v' || a === '--verbose') continue;
    else if (/^(-w|-W|--wait|--wait-interval)$/.test(a)) {
      // Ignored by xtables-restore; a following non-option word is their value (xs_has_arg).
      if (i + 1 < args.length && !args[i + 1].startsWith('-') && !args[i + 1].startsWith('!')) i++;
    } else if (/^(-w|-W)\d+$|^--wait(-interval)?=/.test(a)) continue;
    else if (a === '-V' || a === '--version') {
      p.stdout.write('iptables-restore v1.8.9 (nf_tables)\n');
      return 0;
    } else if (!a.startsWith('-') && file === undefined) file = a;
    else {
      p.stderr.write(`iptables-restore v1.8.9 (nf_tables): unknown arguments found on commandline\nTry \`iptables-restore -h' or 'iptables-restore --help' for more information.\n`);
      return 2;
    }
  }
  let text = '';
  if (file !== undefined) {
    try {
      text = kernelOf(p).vfs.readFile(file, p.vfsCtx());
    } catch {
      p.stderr.write(`Can't open ${file}: No such file or directory\n`);
      return 1;
    }
  } else {
    for (let i = 0; i < 1_000_000; i++) {
      const chunk = await p.stdin.read();
      if (chunk === null) break;
      text += chunk;
    }
  }
  const o = restore(p, text, opts);
  if (o.stdout) p.stdout.write(o.stdout);
  if (o.stderr) p.stderr.write(o.stderr);
  return o.status;
}

const OPTIONS = [
  { flag: '-t, --table', arg: 'TABLE', desc: 'table to manipulate (filter, nat, mangle, raw)' },
  { flag: '-A, --append', arg: 'CHAIN', desc: 'append a rule' },
  { flag: '-I, --insert', arg: 'CHAIN [N]', desc: 'insert a rule (at position N, default 1)' },
  { flag: '-D, --delete', arg: 'CHAIN N|RULE', desc: 'delete a rule by number or specification' },
  { flag: '-R, --replace', arg: 'CHAIN N', desc: 'replace rule N' },
  { flag: '-C, --check', arg: 'CHAIN', desc: 'check whether a rule exists' },
  { flag: '-L, --list', arg: '[CHAIN [N]]', desc: 'list rules' },
  { flag: '-S, --list-rules', arg: '[CHAIN [N]]', desc: 'print rules as commands' },
  { flag: '-F, --flush', arg: '[CHAIN]', desc: 'delete all rules' },
  { flag: '-Z, --zero', arg: '[CHAIN [N]]', desc: 'zero counters' },
  { flag: '-N, --new-chain', arg: 'CHAIN', desc: 'create a user chain' },
  { flag: '-X, --delete-chain', arg: '[CHAIN]', desc: 'delete an empty, unreferenced user chain' },
  { flag: '-E, --rename-chain', arg: 'OLD NEW', desc: 'rename a user chain' },
  { flag: '-P, --policy', arg: 'CHAIN TARGET', desc: 'set a built-in chain policy (ACCEPT or DROP)' },
  { flag: '-s, -d', arg: '[!] ADDR[/MASK]', desc: 'source / destination address' },
  { flag: '-i, -o', arg: '[!] IFACE', desc: 'input / output interface (+ is a wildcard)' },
  { flag: '-p', arg: '[!] PROTO', desc: 'protocol (tcp, udp, icmp, all or a number)' },
  { flag: '-m', arg: 'MATCH', desc: 'tcp udp icmp multiport state conntrack statistic comment addrtype mark iprange limit length recent' },
  { flag: '-w, -W', arg: '[SECONDS]', desc: 'wait for the xtables lock (never held here); -W is deprecated and ignored' },
  { flag: '-j', arg: 'TARGET', desc: 'ACCEPT DROP RETURN REJECT DNAT SNAT MASQUERADE REDIRECT MARK LOG NOTRACK or a chain' },
  { flag: '-n, -v, -x, --line-numbers', desc: 'listing: numeric, counters, exact counters, rule numbers' },
];

register({ name: 'iptables', summary: 'administration tool for IPv4 packet filtering and NAT', usage: 'iptables [-t table] -[ACDIRLSFZNXEP] ...', options: OPTIONS, run: iptables });
register({ name: 'iptables-nft', summary: 'iptables (nf_tables flavour)', hidden: true, run: iptables });
register({ name: 'iptables-save', summary: 'dump iptables rules', usage: 'iptables-save [-c] [-t table]', options: [{ flag: '-t, --table', arg: 'TABLE', desc: 'only this table' }, { flag: '-c, --counters', desc: 'include counters' }], run: iptablesSave });
register({ name: 'iptables-restore', summary: 'restore iptables rules', usage: 'iptables-restore [-n] [-c] [-T table] [FILE]', options: [{ flag: '-n, --noflush', desc: 'do not flush tables first' }, { flag: '-c, --counters', desc: 'restore counters' }, { flag: '-T, --table', arg: 'TABLE', desc: 'restore only this table' }, { flag: '-t, --test', desc: 'parse only' }], run: iptablesRestore });
register({ name: 'iptables-nft-save', summary: 'dump iptables rules', hidden: true, run: iptablesSave });
register({ name: 'iptables-nft-restore', summary: 'restore iptables rules', hidden: true, run: iptablesRestore });
