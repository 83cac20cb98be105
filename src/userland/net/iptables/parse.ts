// iptables command-line parsing as iptables 1.8.9 (xshared.c do_parse) does
// it: getopt_long over the core options plus the options of every loaded
// extension, `!` inverting the next option, the protocol's match loaded
// implicitly on the first unknown option after `-p`, and the same errors.

import { parseIp4, maskOf, plenOfMask } from '../../../kernel/addr.ts';
import { type Rule, type TableName, emptyRule } from '../../../kernel/netfilter/types.ts';
import { type ExtOption, MATCHES, ParamError, TARGETS } from './ext.ts';
import { PROTOCOLS } from './format.ts';

/** What the command asks for. */
export type CmdChar = 'A' | 'C' | 'D' | 'I' | 'R' | 'L' | 'S' | 'F' | 'Z' | 'N' | 'X' | 'E' | 'P' | 'V' | 'h';

/** A parsed iptables invocation. */
export interface IptCommand {
  cmds: CmdChar[];
  table: string;
  chain?: string;
  rulenum?: number;
  newName?: string;
  policy?: string;
  rule: Rule;
  /** The rule was given as a spec (for -D/-C without a number). */
  hasSpec: boolean;
  jump?: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** Notes iptables prints on stderr while parsing (`Ignoring deprecated --wait-interval option.`). */
  warnings?: string[];
  /** -c PKTS BYTES */
  counters?: [number, number];
}

interface CoreOpt {
  long: string;
  short: string;
  arg: 'none' | 'required' | 'optional';
}

const CORE: CoreOpt[] = [
  { long: 'append', short: 'A', arg: 'required' },
  { long: 'delete', short: 'D', arg: 'required' },
  { long: 'check', short: 'C', arg: 'required' },
  { long: 'insert', short: 'I', arg: 'required' },
  { long: 'replace', short: 'R', arg: 'required' },
  { long: 'list', short: 'L', arg: 'optional' },
  { long: 'list-rules', short: 'S', arg: 'optional' },
  { long: 'flush', short: 'F', arg: 'optional' },
  { long: 'zero', short: 'Z', arg: 'optional' },
  { long: 'new-chain', short: 'N', arg: 'required' },
  { long: 'delete-chain', short: 'X', arg: 'optional' },
  { long: 'rename-chain', short: 'E', arg: 'required' },
  { long: 'policy', short: 'P', arg: 'required' },
  { long: 'source', short: 's', arg: 'required' },
  { long: 'src', short: 's', arg: 'required' },
  { long: 'destination', short: 'd', arg: 'required' },
  { long: 'dst', short: 'd', arg: 'required' },
  { long: 'protocol', short: 'p', arg: 'required' },
  { long: 'in-interface', short: 'i', arg: 'required' },
  { long: 'jump', short: 'j', arg: 'required' },
  { long: 'table', short: 't', arg: 'required' },
  { long: 'match', short: 'm', arg: 'required' },
  { long: 'numeric', short: 'n', arg: 'none' },
  { long: 'out-interface', short: 'o', arg: 'required' },
  { long: 'verbose', short: 'v', arg: 'none' },
  { long: 'wait', short: 'w', arg: 'optional' },
  { long: 'wait-interval', short: 'W', arg: 'optional' },
  { long: 'exact', short: 'x', arg: 'none' },
  { long: 'fragments', short: 'f', arg: 'none' },
  { long: 'version', short: 'V', arg: 'none' },
  { long: 'help', short: 'h', arg: 'optional' },
  { long: 'line-numbers', short: '0', arg: 'none' },
  { long: 'modprobe', short: 'M', arg: 'required' },
  { long: 'set-counters', short: 'c', arg: 'required' },
  { long: 'goto', short: 'g', arg: 'required' },
  { long: 'ipv4', short: '4', arg: 'none' },
  { long: 'ipv6', short: '6', arg: 'none' },
];

const SHORT = new Map(CORE.map((o) => [o.short, o]));
const INVERTIBLE = new Set('sdpiof');

/** Parse an iptables rule number (1-based). */
function ruleNumber(s: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new ParamError(`Invalid rule number \`${s}'`);
  return Number(s);
}

/** Known standard verdicts. */
export const VERDICTS = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE']);

/** Parse `addr[/mask]` as iptables does; hostnames come from `resolve`. */
function parseAddr(s: string, resolve: (name: string) => number | undefined): [number, number] {
  const slash = s.indexOf('/');
  const a = slash < 0 ? s : s.slice(0, slash);
  const m = slash < 0 ? undefined : s.slice(slash + 1);
  let len = 32;
  if (m !== undefined) {
    if (/^\d+$/.test(m)) {
      len = Number(m);
      if (len > 32) throw new ParamError(`invalid mask \`${m}' specified`);
    } else {
      const mk = parseIp4(m);
      if (mk === undefined) throw new ParamError(`invalid mask \`${m}' specified`);
      const pl = plenOfMask(mk);
      if (pl < 0) throw new ParamError(`invalid mask \`${m}' specified`);
      len = pl;
    }
  }
  let addr = /^[\d.]+$/.test(a) ? parseIp4(a) : resolve(a);
  if (addr === undefined) throw new ParamError(`host/network \`${a}' not found`);
  addr = (addr & maskOf(len)) >>> 0;
  return [addr, len];
}

/** Protocol by name or number (`-p`). */
function parseProto(s: string): number {
  const low = s.toLowerCase();
  if (low === 'all') return 0;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n > 255) throw new ParamError(`unknown protocol "${s}" specified`);
    return n;
  }
  for (const [n, name] of Object.entries(PROTOCOLS)) if (name === low) return Number(n);
  if (low === 'ip') return 0;
  throw new ParamError(`unknown protocol "${s}" specified`);
}

interface LoadedExt {
  kind: 'match' | 'target';
  name: string;
  options: ExtOption[];
  /** index into rule.matches (matches) */
  index?: number;
}

/**
 * Parse iptables arguments. `resolve` turns a host name into an address
 * (from /etc/hosts). Throws ParamError with the real message.
 */
export function parseIptables(argv: string[], resolve: (name: string) => number | undefined): IptCommand {
  const c: IptCommand = { cmds: [], table: 'filter', rule: emptyRule(), hasSpec: false, numeric: false, verbose: false, exact: false, lineNumbers: false };
  const r = c.rule;
  const loaded: LoadedExt[] = [];
  let inv = false;
  let protoLoaded = false;
  const seen = new Set<string>();
  let i = 0;

  const setCmd = (ch: CmdChar): void => {
    const prev = c.cmds[0];
    if (prev && !((prev === 'L' && ch === 'Z') || (prev === 'Z' && ch === 'L'))) throw new ParamError(`Cannot use -${ch} with -${prev}`);
    c.cmds.push(ch);
  };
  const nextNonOpt = (): string | undefined => {
    const a = argv[i];
    if (a !== undefined && a[0] !== '-' && a[0] !== '!') {
      i++;
      return a;
    }
    return undefined;
  };
  const loadMatch = (name: string): void => {
    const ext = MATCHES.get(name);
    if (!ext) throw new ParamError(`Couldn't load match \`${name}':No such file or directory\n`);
    r.matches.push(ext.init());
    loaded.push({ kind: 'match', name, options: ext.options, index: r.matches.length - 1 });
  };

  const core = (ch: string, arg: string | undefined): void => {
    if (inv && !INVERTIBLE.has(ch)) throw new ParamError(`cannot have ! before -${ch}`);
    if ('sdpiofj'.includes(ch) || ch === 'g') {
      if (seen.has(ch) || (ch === 'g' && seen.has('j')) || (ch === 'j' && seen.has('g'))) throw new ParamError(`multiple -${ch} flags not allowed`);
      seen.add(ch);
    }
    switch (ch) {
      case 'A':
      case 'C':
      case 'D':
      case 'I':
      case 'R':
      case 'N':
      case 'E':
      case 'P':
        setCmd(ch);
        c.chain = arg!;
        if (ch === 'D' || ch === 'I') {
          const n = nextNonOpt();
          if (n !== undefined) c.rulenum = ruleNumber(n);
        } else if (ch === 'R') {
          const n = nextNonOpt();
          if (n === undefined) throw new ParamError('-R requires a rule number');
          c.rulenum = ruleNumber(n);
        } else if (ch === 'E') {
          const n = nextNonOpt();
          if (n === undefined) throw new ParamError('-E requires old-chain-name and new-chain-name');
          c.newName = n;
        } else if (ch === 'P') {
          const n = nextNonOpt();
          if (n === undefined) throw new ParamError('-P requires a chain and a policy');
          c.policy = n;
        }
        return;
      case 'L':
      case 'S':
      case 'F':
      case 'Z':
      case 'X':
        setCmd(ch);
        {
          // -L CHAIN -Z: the second command of the pair keeps the chain already named.
          const named = arg ?? nextNonOpt();
          if (named !== undefined || c.cmds.length === 1) c.chain = named;
        }
        if ((ch === 'L' || ch === 'S' || ch === 'Z') && c.chain !== undefined && c.cmds.length === 1) {
          const n = nextNonOpt();
          if (n !== undefined) c.rulenum = ruleNumber(n);
        }
        return;
      case 'V':
      case 'h':
        setCmd(ch);
        return;
      case 's':
      case 'd': {
        const [a, l] = parseAddr(arg!, resolve);
        if (ch === 's') [r.src, r.srcLen, r.srcInv] = [a, l, inv];
        else [r.dst, r.dstLen, r.dstInv] = [a, l, inv];
        c.hasSpec = true;
        return;
      }
      case 'p':
        r.proto = parseProto(arg!);
        r.protoInv = inv;
        if (inv && r.proto === 0) throw new ParamError('rule would never match protocol');
        c.hasSpec = true;
        return;
      case 'i':
      case 'o': {
        const name = arg!;
        if (name.length > 15) throw new ParamError(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
        if (ch === 'i') [r.iif, r.iifInv] = [name, inv];
        else [r.oif, r.oifInv] = [name, inv];
        c.hasSpec = true;
        return;
      }
      case 'f':
        r.frag = true;
        r.fragInv = inv;
        c.hasSpec = true;
        return;
      case 'j':
      case 'g': {
        const name = arg!;
        c.jump = name;
        c.hasSpec = true;
        if (ch === 'g') {
          r.target = { kind: 'jump', chain: name, goto: true };
          return;
        }
        if (VERDICTS.has(name)) r.target = { kind: 'verdict', verdict: name === 'QUEUE' ? 'DROP' : (name as 'ACCEPT' | 'DROP' | 'RETURN') };
        else {
          const ext = TARGETS.get(name === 'CT' ? 'NOTRACK' : name);
          if (ext) {
            r.target = ext.init();
            loaded.push({ kind: 'target', name, options: name === 'CT' ? [{ name: 'notrack', args: 0 }] : ext.options });
          } else r.target = { kind: 'jump', chain: name, goto: false };
        }
        return;
      }
      case 't':
        if (seen.has('t')) throw new ParamError('multiple -t flags not allowed');
        seen.add('t');
        c.table = arg!;
        return;
      case 'm':
        loadMatch(arg!);
        c.hasSpec = true;
        return;
      case 'n':
        c.numeric = true;
        return;
      case 'v':
        c.verbose = true;
        return;
      case 'x':
        c.exact = true;
        return;
      case '0':
        c.lineNumbers = true;
        return;
      case 'w':
      case 'W':
        // An optional value may also come as the next word when it is a number (iptables' xs_has_arg).
        if (arg === undefined && i < argv.length && /^\d+$/.test(argv[i])) arg = argv[i++];
        if (ch === 'W' && arg === undefined) throw new ParamError('wait interval value required');
        if (ch === 'W') (c.warnings ??= []).push('Ignoring deprecated --wait-interval option.\n');
        return;
      case 'c': {
        const b = argv[i];
        if (b === undefined || !/^\d+$/.test(arg!) || !/^\d+$/.test(b)) throw new ParamError('-c requires packet and byte counter');
        i++;
        c.counters = [Number(arg), Number(b)];
        return;
      }
      default:
        return;
    }
  };

  /** Find an extension option by (prefix of) name among loaded extensions; target first. */
  const findExtOpt = (name: string): { ext: LoadedExt; opt: ExtOption } | 'ambiguous' | undefined => {
    // Each `-m set` is its own instance (libxtables clones a match loaded twice); its option goes to the newest one.
    const matches = loaded.filter((l) => l.kind === 'match');
    const order = [...loaded.filter((l) => l.kind === 'target'), ...matches.filter((l) => l.name === 'set').reverse(), ...matches.filter((l) => l.name !== 'set')];
    for (const ext of order) {
      const o = ext.options.find((x) => x.name === name);
      if (o) return { ext, opt: o };
    }
    const cands: { ext: LoadedExt; opt: ExtOption }[] = [];
    for (const ext of order) for (const o of ext.options) if (o.name.startsWith(name)) cands.push({ ext, opt: o });
    const coreC = CORE.filter((o) => o.long.startsWith(name));
    if (cands.length + coreC.length > 1) return 'ambiguous';
    return cands[0];
  };

  const extOption = (ext: LoadedExt, opt: ExtOption, raw: string, inline: string | undefined): void => {
    const args: string[] = [];
    if (opt.args >= 1) {
      if (inline !== undefined) args.push(inline);
      else if (i < argv.length) args.push(argv[i++]);
      else throw new ParamError(`option "${raw}" requires an argument`);
    }
    if (opt.args === 2) {
      const b = argv[i];
      if (b === undefined || b[0] === '-' || b[0] === '!') throw new ParamError(`--${opt.name} requires two args.`);
      args.push(b);
      i++;
    }
    if (inv && !opt.invert) throw new ParamError(`${ext.name}: option "--${opt.name}" cannot be inverted.\n`);
    const x = { opt: opt.name, args, inv, rule: r };
    if (ext.kind === 'match') MATCHES.get(ext.name)!.parse(r.matches[ext.index!], x);
    else TARGETS.get(ext.name === 'CT' ? 'NOTRACK' : ext.name)!.parse(r.target, x);
  };

  while (i < argv.length) {
    const a = argv[i++];
    if (a === '!') {
      if (inv) throw new ParamError('multiple consecutive ! not allowed');
      inv = true;
      continue;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const exactCore = CORE.find((o) => o.long === name);
      const hit = exactCore ? undefined : findExtOpt(name);
      if (!exactCore && hit === undefined) {
        const coreC = CORE.filter((o) => o.long.startsWith(name));
        if (coreC.length === 1) {
          runCore(coreC[0], inline, a);
          continue;
        }
        if (coreC.length > 1) throw new ParamError(`option "${a}" is ambiguous`);
        // Load the protocol's match once, then retry (load_proto).
        const pname = PROTOCOLS[r.proto];
        if (!protoLoaded && r.proto && !r.protoInv && pname && MATCHES.has(pname) && !loaded.some((l) => l.name === pname)) {
          protoLoaded = true;
          loadMatch(pname);
          i--;
          continue;
        }
        throw new ParamError(`unknown option "${a}"`);
      }
      if (hit === 'ambiguous') throw new ParamError(`option "${a}" is ambiguous`);
      if (exactCore) runCore(exactCore, inline, a);
      else if (hit) extOption(hit.ext, hit.opt, a, inline);
      inv = false;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        const o = SHORT.get(ch);
        if (!o || ch === '0') throw new ParamError(`unknown option "-${ch}"`);
        if (o.arg === 'none') {
          core(ch, undefined);
          inv = false;
          continue;
        }
        const rest = a.slice(j + 1);
        if (o.arg === 'required') {
          let v: string;
          if (rest) v = rest;
          else if (i < argv.length) v = argv[i++];
          else throw new ParamError(`option "-${ch}" requires an argument`);
          core(ch, v);
        } else core(ch, rest || undefined);
        inv = false;
        break;
      }
      continue;
    }
    if (inv) throw new ParamError(`Bad argument \`${a}'`);
    throw new BadArgument(a);
  }
  if (inv) throw new ParamError("no command specified");

  function runCore(o: CoreOpt, inline: string | undefined, raw: string): void {
    let v: string | undefined = inline;
    if (o.arg === 'required' && v === undefined) {
      if (i < argv.length) v = argv[i++];
      else throw new ParamError(`option "${raw}" requires an argument`);
    }
    core(o.short, v);
    inv = false;
  }

  if (!c.cmds.length) throw new ParamError('no command specified');
  // Final checks of every extension (x6_fcheck).
  r.matches.forEach((m) => MATCHES.get(m.kind)!.final?.(m, r));
  const tl = loaded.find((l) => l.kind === 'target');
  if (tl) TARGETS.get(tl.name === 'CT' ? 'NOTRACK' : tl.name)!.final?.(r.target, r);
  return c;
}

/** A stray operand: iptables prints `Bad argument` without its usual prefix. */
export class BadArgument extends Error {
  constructor(arg: string) {
    super(`Bad argument \`${arg}'`);
  }
}

/** Valid table names. */
export function isTableName(s: string): s is TableName {
  return s === 'filter' || s === 'nat' || s === 'mangle' || s === 'raw';
}
