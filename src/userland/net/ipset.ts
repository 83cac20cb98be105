// ipset(8) (ipset 7.17, protocol 7) on the kernel's IP sets
// (kernel/netfilter/ipset.ts): create, add, del, test, list (-name, -terse,
// -output save), save, restore, flush, destroy, rename, swap, version.
// Messages and exit codes as recorded on Debian 12 (fidelity/goldens/120-ipset.json):
// kernel refusals exit 1, command-line mistakes exit 2 with the help hint.

import type { Process } from '../../kernel/proc.ts';
import { register, notSimulatedMessage, declareNotSimulated, NOT_SIMULATED_STATUS } from '../registry.ts';
import { nsOf } from '../lib/sys.ts';
import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { nfTable, nfTableNames } from '../../kernel/netfilter/netfilter.ts';
import type { NetNs } from '../../kernel/netns.ts';
import {
  IPSET_TYPES,
  IpsetError,
  ipsetAdd,
  ipsetCreate,
  ipsetDel,
  ipsetDestroy,
  ipsetEntries,
  ipsetFlush,
  ipsetListRefs,
  ipsetMemory,
  ipsetOf,
  ipsetSwap,
  ipsetTestEntry,
  type IpSet,
  type IpsetEntry,
} from '../../kernel/netfilter/ipset.ts';

const V = 'ipset v7.17';
const TRY = "Try `ipset help' for more information.\n";

/** A command-line mistake (exit 2, with the help hint). */
class Usage extends Error {}
/** A syntax error in an argument (exit 1, no hint). */
class Syntax extends Error {}

const COMMANDS: Record<string, string> = Object.setPrototypeOf(
  { create: 'create', n: 'create', '-N': 'create', add: 'add', '-A': 'add', del: 'del', '-D': 'del', test: 'test', '-T': 'test', destroy: 'destroy', x: 'destroy', '-X': 'destroy', list: 'list', '-L': 'list', save: 'save', '-S': 'save', restore: 'restore', '-R': 'restore', flush: 'flush', '-F': 'flush', rename: 'rename', e: 'rename', '-E': 'rename', swap: 'swap', w: 'swap', '-W': 'swap', version: 'version', '-V': 'version', '-v': 'version', help: 'help', '-H': 'help', '-h': 'help' },
  null,
);

const PROTOS: Record<string, number> = Object.setPrototypeOf({ tcp: 6, udp: 17 }, null);
const PROTO_NAME: Record<number, string> = { 6: 'tcp', 17: 'udp' };

for (const item of ['family inet6', 'netmask', 'skbinfo', 'forceadd', 'markmask', 'hash:mac', 'hash:ip,mac', 'hash:net,iface', 'hash:net,net', 'hash:net,port,net', 'hash:ip,mark', 'bitmap:ip', 'bitmap:ip,mac', 'bitmap:port timeout/counters/comment', 'address and port ranges in elements', 'list:set before', 'list:set after', '-file', '-output xml', '-resolve']) {
  declareNotSimulated({ tool: 'ipset', kind: item.startsWith('-') ? 'option' : 'attribute', item, why: 'IPv4 sets of types hash:ip, hash:net, hash:ip,port, hash:net,port, hash:ip,port,ip, hash:ip,port,net, bitmap:port (plain range) and list:set (appended members) are simulated' });
}

/** Kernel references of a set: iptables rules naming it (in every table) and list:set memberships. */
function refs(ns: NetNs, name: string): number {
  let n = 0;
  for (const t of nfTableNames(ns)) {
    const tab = nfTable(ns, t);
    if (!tab) continue;
    for (const c of tab.chains.values()) for (const r of c.rules) for (const m of r.matches) if (m.kind === 'set' && m.name === name) n++;
  }
  return n;
}

function parseAddr(s: string): number {
  const a = parseIp4(s);
  if (a === undefined) throw new Syntax(`Syntax error: cannot parse ${s}: resolving to IPv4 address failed`);
  return a;
}

function parseNet(s: string): { ip: number; cidr: number } {
  const [a, c] = s.split('/');
  const ip = parseAddr(a);
  if (c === undefined) return { ip, cidr: 32 };
  const cidr = Number(c);
  if (!/^\d+$/.test(c) || cidr < 1 || cidr > 32) throw new Syntax(`Syntax error: '${c}' is out of range 1-32`);
  return { ip, cidr };
}

function parsePortPart(s: string, whole: string): { proto: number; port: number } {
  if (s === undefined) throw new Syntax(`Syntax error: Second element is missing from ${whole}.`);
  let proto = 6;
  let port = s;
  const i = s.indexOf(':');
  if (i >= 0) {
    const pn = s.slice(0, i);
    if (!Object.hasOwn(PROTOS, pn)) throw new Syntax(`Syntax error: cannot parse '${pn}' as a protocol`);
    proto = PROTOS[pn];
    port = s.slice(i + 1);
  }
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65535) throw new Syntax(`Syntax error: '${port}' is out of range 0-65535\nSyntax error: '${PROTO_NAME[proto]}' is invalid as number\ncannot parse '${port}' as a ${PROTO_NAME[proto]} port`);
  return { proto, port: n };
}

/** The element of an add/del/test line for a set's type. */
function parseElem(set: IpSet, s: string): Pick<IpsetEntry, 'ip' | 'cidr' | 'proto' | 'port' | 'member' | 'ip2' | 'cidr2'> {
  switch (set.type) {
    case 'bitmap:port': {
      if (/^(?:[a-z]+:)?\d+-\d+$/.test(s)) throw new NotSim('address and port ranges in elements');
      // The protocol part is accepted and dropped: a bitmap holds port numbers only.
      return { ip: 0, cidr: 0, port: parsePortPart(s, s).port };
    }
    case 'hash:ip,port,ip':
    case 'hash:ip,port,net': {
      const [a, p, b] = s.split(',');
      if (b === undefined) {
        if (p !== undefined) parsePortPart(p, s);
        throw new Syntax(`Syntax error: ${p === undefined ? 'Second' : 'Third'} element is missing from ${s}.`);
      }
      if (a.includes('/') || a.includes('-') || (set.type === 'hash:ip,port,ip' && (b.includes('/') || b.includes('-'))) || /^(?:[a-z]+:)?\d+-\d+$/.test(p)) throw new NotSim('address and port ranges in elements');
      const ip = parseAddr(a);
      const pp = parsePortPart(p, s);
      if (set.type === 'hash:ip,port,ip') return { ip, cidr: 32, ...pp, ip2: parseAddr(b), cidr2: 32 };
      const n = b.split('/');
      const cidr2 = n[1] === undefined ? 32 : Number(n[1]);
      const ip2 = parseAddr(n[0]);
      if (n[1] !== undefined && (!/^\d+$/.test(n[1]) || cidr2 < 1 || cidr2 > 32)) throw new IpsetError('The value of the CIDR parameter of the IP address is invalid');
      return { ip, cidr: 32, ...pp, ip2, cidr2 };
    }
    case 'hash:ip':
      if (s.includes('/') || s.includes('-')) {
        const a = s.split(/[/-]/)[0];
        parseAddr(a);
        throw new Syntax(`Syntax error: plain IP address must be supplied: ${s}`);
      }
      return { ip: parseAddr(s), cidr: 32 };
    case 'hash:net':
      return parseNet(s);
    case 'hash:ip,port': {
      const [a, p] = s.split(',');
      if (a.includes('/')) throw new Syntax(`Syntax error: plain IP address must be supplied: ${a}`);
      const ip = parseAddr(a);
      return { ip, cidr: 32, ...parsePortPart(p, s) };
    }
    case 'hash:net,port': {
      const [a, p] = s.split(',');
      return { ...parseNet(a), ...parsePortPart(p, s) };
    }
    default:
      return { ip: 0, cidr: 0, member: s };
  }
}

function fmtElem(set: IpSet, e: IpsetEntry): string {
  if (set.type === 'list:set') return e.member ?? '';
  if (set.type === 'bitmap:port') return String(e.port);
  let s = fmtIp4(e.ip) + (set.type.startsWith('hash:net') && e.cidr !== 32 ? `/${e.cidr}` : '');
  if (e.port !== undefined) s += `,${PROTO_NAME[e.proto ?? 6] ?? e.proto}:${e.port}`;
  if (e.ip2 !== undefined) s += `,${fmtIp4(e.ip2)}${set.type === 'hash:ip,port,net' && e.cidr2 !== 32 ? `/${e.cidr2}` : ''}`;
  return s;
}

function entryLine(ns: NetNs, set: IpSet, e: IpsetEntry): string {
  let s = fmtElem(set, e);
  // ip_set_timeout_get: whole seconds left (a dump always comes some time after the add: a partly elapsed second counts as gone), at least 1.
  if (set.timeout !== undefined) s += ` timeout ${e.expires === undefined ? 0 : Math.max(1, Math.floor((e.expires - ns.kernel.clock.now - 1) / 1000))}`;
  if (set.counters) s += ` packets ${e.packets} bytes ${e.bytes}`;
  if (set.comment && e.comment !== undefined) s += ` comment "${e.comment}"`;
  if (e.nomatch) s += ' nomatch';
  return s;
}

/** Members in listing order: hash:net lists the newest first (its per-prefix buckets), others in insertion order. */
function members(ns: NetNs, set: IpSet): IpsetEntry[] {
  const all = ipsetEntries(set, ns.kernel.clock.now);
  // A bitmap lists its bits in port order.
  if (set.type === 'bitmap:port') return all.sort((a, b) => (a.port ?? 0) - (b.port ?? 0));
  return set.type.startsWith('hash:net') || set.type === 'hash:ip,port,net' ? all.reverse() : all;
}

function header(set: IpSet): string {
  if (set.type === 'list:set') return `size ${set.size}`;
  if (set.type === 'bitmap:port') return `range ${set.portRange![0]}-${set.portRange![1]}`;
  let h = `family inet hashsize ${set.hashsize} maxelem ${set.maxelem}`;
  if (set.timeout !== undefined) h += ` timeout ${set.timeout}`;
  if (set.counters) h += ' counters';
  if (set.comment) h += ' comment';
  return `${h} bucketsize 12 initval 0x${(set.initval >>> 0).toString(16).padStart(8, '0')}`;
}

function listText(ns: NetNs, set: IpSet, terse: boolean): string {
  let s = `Name: ${set.name}\nType: ${set.type}\nRevision: ${IPSET_TYPES[set.type]}\nHeader: ${header(set)}\nSize in memory: ${ipsetMemory(set, ns.kernel.clock.now)}\nReferences: ${refs(ns, set.name) + ipsetListRefs(ns, set.name)}\nNumber of entries: ${ipsetEntries(set, ns.kernel.clock.now).length}\n`;
  if (!terse) s += 'Members:\n' + members(ns, set).map((e) => entryLine(ns, set, e) + '\n').join('');
  return s;
}

function saveText(ns: NetNs, set: IpSet): string {
  return `create ${set.name} ${set.type} ${header(set)}\n` + members(ns, set).map((e) => `add ${set.name} ${entryLine(ns, set, e)}\n`).join('');
}

interface Globals {
  exist: boolean;
  quiet: boolean;
  name: boolean;
  terse: boolean;
  output?: string;
}

/** Run one ipset command (argv without the program name); returns [status, stdout, stderr]. */
function runOne(p: Process, ns: NetNs, words: string[], g: Globals, lineNo?: number): [number, string, string] {
  const rest: string[] = [];
  let cmd: string | undefined;
  const gl = { ...g };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (cmd === undefined && Object.hasOwn(COMMANDS, w)) {
      cmd = COMMANDS[w];
      continue;
    }
    if (w === '-exist' || w === '!') gl.exist = true;
    else if (w === '-quiet' || w === '-q') gl.quiet = true;
    else if (w === '-name' || w === '-n') gl.name = true;
    else if (w === '-terse' || w === '-t') gl.terse = true;
    else if (w === '-sorted' || w === '-s') continue;
    else if (w === '-output' || w === '-o') gl.output = words[++i];
    else if (w === '-resolve' || w === '-r' || w === '-file' || w === '-f') throw new NotSim(w === '-r' ? '-resolve' : w === '-f' ? '-file' : w);
    else if (cmd === undefined) throw new Usage(`No command specified: unknown argument ${w}`);
    else rest.push(w);
  }
  if (cmd === undefined) throw new Usage('No command specified.');
  if (gl.output === 'xml') throw new NotSim('-output xml');
  if (gl.output !== undefined && gl.output !== 'plain' && gl.output !== 'save') throw new Usage(`Syntax error: argument of -output must be plain, save or xml, not ${gl.output}`);
  const st = ipsetOf(ns);
  const need = (n: number): void => {
    if (rest.length < n) throw new Usage(`Missing ${n === 1 ? '' : 'second '}mandatory argument to command ${cmd}`);
  };
  const getSet = (name: string): IpSet => {
    const s = st.sets.get(name);
    if (!s) throw new IpsetError('The set with the given name does not exist');
    return s;
  };
  switch (cmd) {
    case 'version':
      return [0, `${V}, protocol version: 7\n`, ''];
    case 'help':
      return [0, `${V}\n\nUsage: ipset [options] COMMAND\n\nCommands:\ncreate SETNAME TYPENAME [type-specific-options]\nadd    SETNAME ENTRY\ndel    SETNAME ENTRY\ntest   SETNAME ENTRY\ndestroy [SETNAME]\nlist   [SETNAME]\nsave   [SETNAME]\nrestore\nflush  [SETNAME]\nrename FROM-SETNAME TO-SETNAME\nswap   FROM-SETNAME TO-SETNAME\nhelp [TYPENAME]\nversion\n`, ''];
    case 'create': {
      need(1);
      need(2);
      const [name, type, ...opts] = rest;
      if (name.length > 31) throw new Syntax(`Syntax error: setname '${name}' is longer than 31 characters`);
      if (!Object.hasOwn(IPSET_TYPES, type)) {
        if (['hash:mac', 'hash:ip,mac', 'hash:net,iface', 'hash:net,net', 'hash:net,port,net', 'hash:ip,mark', 'bitmap:ip', 'bitmap:ip,mac', 'bitmap:port'].includes(type)) throw new NotSim(type);
        throw new Syntax(`Syntax error: typename '${type}' is unknown`);
      }
      const set: IpSet = { name, type, hashsize: 1024, maxelem: 65536, counters: false, comment: false, size: 8, initval: p.kernel.rng.u32(), entries: new Map() };
      for (let i = 0; i < opts.length; i++) {
        const o = opts[i];
        const num = (max: number): number => {
          const v = opts[++i];
          if (v === undefined) throw new Usage(`Missing mandatory argument of option \`${o}'`);
          const n = Number(v);
          if (!/^\d+$/.test(v) || n > max) throw new Syntax(`Syntax error: '${v}' is out of range 0-${max}`);
          return n;
        };
        const hash = type.startsWith('hash:');
        if (type === 'bitmap:port' && ['timeout', 'counters', 'comment'].includes(o)) throw new NotSim('bitmap:port timeout/counters/comment');
        if (o === 'range' && type === 'bitmap:port') {
          const v = opts[++i];
          if (v === undefined) throw new Usage(`Missing mandatory argument of option \`${o}'`);
          const m = /^(\d+)-(\d+)$/.exec(v);
          if (!m) throw new Syntax(`Syntax error: '${v}' is invalid as number`);
          const a = Number(m[1]);
          const b = Number(m[2]);
          for (const x of [m[1], m[2]]) if (Number(x) > 65535) throw new Syntax(`Syntax error: '${x}' is out of range 0-65535`);
          set.portRange = a <= b ? [a, b] : [b, a];
        } else if (o === 'family' && hash) {
          const f = opts[++i];
          if (f === 'inet6') throw new NotSim('family inet6');
          if (f !== 'inet') throw new Syntax(`Syntax error: unknown family ${f}`);
        } else if (o === 'hashsize' && hash) set.hashsize = Math.max(64, 2 ** Math.ceil(Math.log2(Math.max(1, num(2 ** 31)))));
        else if (o === 'maxelem' && hash) set.maxelem = num(2 ** 32 - 1);
        else if (o === 'timeout') set.timeout = num(2147483);
        else if (o === 'counters') set.counters = true;
        else if (o === 'comment') set.comment = true;
        else if (o === 'size' && !hash) set.size = Math.max(4, num(2 ** 32 - 1));
        else if (o === 'bucketsize' || o === 'initval') {
          const v = opts[++i];
          if (o === 'initval' && v && /^0x[0-9a-f]+$/i.test(v)) set.initval = parseInt(v, 16);
        } else if (['netmask', 'skbinfo', 'forceadd', 'markmask'].includes(o)) throw new NotSim(o);
        else throw new Usage(`Unknown argument: \`${o}'`);
      }
      if (type === 'bitmap:port' && !set.portRange) throw new Usage("Mandatory option `range' is missing");
      ipsetCreate(ns, set, gl.exist);
      return [0, '', ''];
    }
    case 'add':
    case 'del':
    case 'test': {
      need(1);
      const set = getSet(rest[0]);
      need(2);
      const elem = parseElem(set, rest[1]);
      const e: IpsetEntry = { ...elem, packets: 0, bytes: 0 };
      let timeout = set.timeout;
      for (let i = 2; i < rest.length; i++) {
        const o = rest[i];
        if (o === 'timeout' && set.timeout !== undefined && cmd === 'add') {
          const v = rest[++i];
          if (!/^\d+$/.test(v ?? '')) throw new Syntax(`Syntax error: '${v}' is out of range 0-2147483`);
          timeout = Number(v);
        } else if (o === 'nomatch' && (set.type.startsWith('hash:net') || set.type === 'hash:ip,port,net')) e.nomatch = true;
        else if (o === 'comment' && set.comment && cmd === 'add') e.comment = rest[++i] ?? '';
        else if ((o === 'packets' || o === 'bytes') && set.counters && cmd === 'add') e[o] = Number(rest[++i] ?? 0);
        else if (set.type === 'list:set' && (o === 'before' || o === 'after')) throw new NotSim(`list:set ${o}`);
        else throw new Usage(`Unknown argument: \`${o}'`);
      }
      if (timeout) e.expires = ns.kernel.clock.now + timeout * 1000;
      if (cmd === 'add') ipsetAdd(ns, set, e, gl.exist);
      else if (cmd === 'del') ipsetDel(ns, set, e, gl.exist);
      else {
        const shown = fmtElem(set, e);
        if (ipsetTestEntry(ns, set, elem)) return [0, '', gl.quiet ? '' : `Warning: ${shown} is in set ${set.name}.\n`];
        return [1, '', gl.quiet ? '' : `${shown} is NOT in set ${set.name}.\n`];
      }
      return [0, '', ''];
    }
    case 'list':
    case 'save': {
      if (rest.length > 1) throw new Usage(`Unknown argument ${rest[1]}`);
      const sets = rest.length ? [getSet(rest[0])] : [...st.sets.values()];
      if (cmd === 'save' || gl.output === 'save') return [0, sets.map((s) => saveText(ns, s)).join(''), ''];
      if (gl.name) return [0, sets.map((s) => s.name + '\n').join(''), ''];
      return [0, sets.map((s) => listText(ns, s, gl.terse)).join('\n'), ''];
    }
    case 'flush':
      if (rest.length) getSet(rest[0]);
      ipsetFlush(ns, rest[0]);
      return [0, '', ''];
    case 'destroy':
      ipsetDestroy(ns, rest[0], (n) => refs(ns, n));
      return [0, '', ''];
    case 'rename': {
      need(1);
      need(2);
      const s = getSet(rest[0]);
      if (st.sets.has(rest[1])) throw new IpsetError('A set with the new name already exists');
      if (refs(ns, rest[0]) + ipsetListRefs(ns, rest[0]) > 0) throw new IpsetError('Set cannot be renamed: it is in use by another system');
      const next = new Map<string, IpSet>();
      for (const [k, v] of st.sets) next.set(k === rest[0] ? rest[1] : k, v);
      s.name = rest[1];
      st.sets = next;
      return [0, '', ''];
    }
    case 'swap':
      need(1);
      need(2);
      getSet(rest[0]);
      getSet(rest[1]);
      ipsetSwap(ns, rest[0], rest[1]);
      return [0, '', ''];
    case 'restore':
      return [0, '', ''];
  }
  void lineNo;
  return [0, '', ''];
}

/** An item this simulation does not model. */
class NotSim extends Error {}

function fail(e: unknown, lineNo?: number): [number, string, string] {
  const at = lineNo !== undefined ? `Error in line ${lineNo}: ` : '';
  if (e instanceof Usage) return [2, '', `${V}: ${e.message}\n${TRY}`];
  if (e instanceof Syntax || e instanceof IpsetError) return [1, '', `${V}: ${at}${e.message}\n`];
  if (e instanceof NotSim) return [NOT_SIMULATED_STATUS, '', notSimulatedMessage('ipset', e.message)];
  throw e;
}

/** Split a restore line into words (double quotes group, as ipset's restore parser does for comments). */
function splitLine(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2]);
  return out;
}

async function readAll(p: Process): Promise<string> {
  let s = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) return s;
    s += c;
    if (s.length > 16 * 1024 * 1024) return s;
  }
}

register({
  name: 'ipset',
  summary: 'administration tool for IP sets (hash:ip, hash:net, hash:ip,port, hash:net,port, hash:ip,port,ip, hash:ip,port,net, bitmap:port, list:set)',
  usage: 'ipset [-exist] [-name|-terse] [-output plain|save] COMMAND [SETNAME [ENTRY|TYPENAME ...]]',
  subcommands: ['create', 'add', 'del', 'test', 'destroy', 'list', 'save', 'restore', 'flush', 'rename', 'swap', 'version', 'help'],
  async run(p) {
    const ns = nsOf(p);
    const argv = p.argv.slice(1);
    const g: Globals = { exist: false, quiet: false, name: false, terse: false };
    const isRestore = argv.some((w) => w === 'restore' || w === '-R');
    let res: [number, string, string];
    try {
      res = runOne(p, ns, argv, g);
    } catch (e) {
      res = fail(e);
    }
    if (!isRestore || res[0] !== 0) {
      p.stdout.write(res[1]);
      p.stderr.write(res[2]);
      return res[0];
    }
    const exist = argv.includes('-exist') || argv.includes('!');
    const lines = (await readAll(p)).split('\n');
    for (const [i, raw] of lines.entries()) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      if (line === 'COMMIT') continue;
      const words = splitLine(line);
      if (words[0] === 'restore' || words[0] === '-R') {
        p.stderr.write(`${V}: Error in line ${i + 1}: Restore command is not supported in restore mode\n`);
        return 1;
      }
      try {
        const r = runOne(p, ns, words, { ...g, exist }, i + 1);
        p.stdout.write(r[1]);
        p.stderr.write(r[2]);
        if (r[0] !== 0 && words[0] !== 'test') return r[0];
      } catch (e) {
        const r = fail(e, i + 1);
        p.stdout.write(r[1]);
        p.stderr.write(r[2]);
        return r[0];
      }
    }
    return 0;
  },
});
