// How iptables 1.8.9 prints rules: the `-L` table (print_firewall with its
// FMT_* column widths), the `-S` / iptables-save rule spec, and the chain
// headers. Names (hosts, services, protocols) are looked up only without -n.

import { fmtIp4, plenOfMask, maskOf } from '../../../kernel/addr.ts';
import type { Chain, Rule, Table } from '../../../kernel/netfilter/types.ts';
import { matchExt, targetExt, targetName } from './ext.ts';

/** Protocol names iptables knows (its own list, then /etc/protocols). */
export const PROTOCOLS: Record<number, string> = { 1: 'icmp', 2: 'igmp', 4: 'ipencap', 6: 'tcp', 17: 'udp', 33: 'dccp', 41: 'ipv6', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp', 136: 'udplite' };

/** Listing flags (-n -v -x --line-numbers). */
export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** Reverse lookup of an address (/etc/hosts), used without -n. */
  hostName(addr: number): string | undefined;
}

/** Mask suffix as xtables_ipmask_to_numeric prints it ('' for /32). */
function maskText(len: number, mask?: number): string {
  if (mask !== undefined) {
    const pl = plenOfMask(mask);
    if (pl < 0) return '/' + fmtIp4(mask);
    len = pl;
  }
  return len === 32 ? '' : `/${len}`;
}

/** /etc/networks of Debian (getnetbyaddr). */
const NETWORKS: Record<number, string> = { 0: 'default', 0x7f000000: 'loopback', 0xa9fe0000: 'link-local' };

function addrText(addr: number, len: number, f: ListFormat, raw?: number): string {
  if (f.numeric) return fmtIp4(addr) + maskText(len, raw);
  const name = (len === 32 ? f.hostName(addr) : undefined) ?? f.hostName(addr) ?? NETWORKS[addr];
  return (name ?? fmtIp4(addr)) + maskText(len, raw);
}

/** xtables_print_num: counters in a 5/8/10-wide column, K/M/G unless -x. */
export function fmtNum(n: number, f: { exact: boolean }, _width: number, noTable = false): string {
  if (f.exact) return noTable ? `${n} ` : `${String(n).padStart(8)} `;
  if (n <= 99999) return noTable ? `${n} ` : `${String(n).padStart(5)} `;
  const units = ['K', 'M', 'G', 'T'];
  let v = n;
  for (const u of units) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999 || u === 'T') return noTable ? `${v}${u} ` : `${String(v).padStart(4)}${u} `;
  }
  return `${n} `;
}

/** Header line of a chain listing. */
export function chainHeader(c: Chain, refs: number, f: ListFormat): string {
  if (!c.builtin) return `Chain ${c.name} (${refs} references)\n`;
  let s = `Chain ${c.name} (policy ${c.policy}`;
  if (f.verbose) s += ` ${fmtNum(c.pkts, f, 0, true)}packets, ${fmtNum(c.bytes, f, 0, true)}bytes`;
  return s + ')\n';
}

/** The column titles line. */
export function columnHeader(f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += 'num  ';
  if (f.verbose) s += f.exact ? `${'pkts'.padStart(8)} ${'bytes'.padStart(10)} ` : ` pkts bytes `;
  s += 'target    ';
  s += ' prot ';
  s += 'opt';
  if (f.verbose) s += ' in     out    ';
  s += ` ${'source'.padEnd(19)} `;
  s += ` ${'destination'.padEnd(19)} `;
  return s + '\n';
}

/** Name of a target in the -L target column. */
function listTargetName(r: Rule): string {
  if (r.target.kind === 'NOTRACK') return 'CT';
  return targetName(r.target);
}

/** One rule as a -L line (print_firewall). */
export function ruleLine(r: Rule, num: number, f: ListFormat): string {
  let s = '';
  if (f.lineNumbers) s += `${String(num).padEnd(4)} `;
  if (f.verbose) {
    s += fmtNum(r.pkts, f, 8);
    s += fmtNum(r.bytes, f, 10);
  }
  s += `${listTargetName(r).padEnd(9)} `;
  s += r.protoInv ? '!' : ' ';
  s += (f.numeric ? String(r.proto) : r.proto === 0 ? 'all' : PROTOCOLS[r.proto] ?? String(r.proto)).padEnd(5);
  s += `${r.fragInv ? '!' : '-'}${r.frag ? 'f' : '-'} `;
  if (f.verbose) {
    const iif = (r.iifInv ? '!' : '') + (r.iif || (f.numeric ? '*' : 'any'));
    const oif = (r.oifInv ? '!' : '') + (r.oif || (f.numeric ? '*' : 'any'));
    s += ` ${iif.padEnd(6)} ${oif.padEnd(6)} `;
  }
  s += r.srcInv ? '!' : ' ';
  s += `${(r.srcLen === 0 && !f.numeric ? 'anywhere' : addrText(r.src, r.srcLen, f)).padEnd(19)} `;
  s += r.dstInv ? '!' : ' ';
  s += `${(r.dstLen === 0 && !f.numeric ? 'anywhere' : addrText(r.dst, r.dstLen, f)).padEnd(19)} `;
  for (const m of r.matches) s += matchExt(m).print(m, f.numeric, r);
  const te = targetExt(r.target);
  if (te) s += te.print(r.target, f.numeric, r);
  else if (r.target.kind === 'jump' && r.target.goto) s += ` [goto] `;
  return s + '\n';
}

/** Protocol as -S prints it. */
function protoName(n: number): string {
  return PROTOCOLS[n] ?? String(n);
}

/** The rule spec after `-A CHAIN` (save form), e.g. ` -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j ACCEPT`. */
export function ruleSpec(r: Rule, counters?: string): string {
  let s = '';
  if (r.srcLen || r.srcInv) s += `${r.srcInv ? ' !' : ''} -s ${fmtIp4(r.src)}/${r.srcLen}`;
  if (r.dstLen || r.dstInv) s += `${r.dstInv ? ' !' : ''} -d ${fmtIp4(r.dst)}/${r.dstLen}`;
  if (r.iif) s += `${r.iifInv ? ' !' : ''} -i ${r.iif}`;
  if (r.oif) s += `${r.oifInv ? ' !' : ''} -o ${r.oif}`;
  if (r.proto) s += `${r.protoInv ? ' !' : ''} -p ${protoName(r.proto)}`;
  if (r.frag) s += `${r.fragInv ? ' !' : ''} -f`;
  for (const m of r.matches) s += ` -m ${m.kind}${matchExt(m).save(m, r)}`;
  // `-S -v`: the counters sit between the matches and the target.
  if (counters) s += counters;
  const t = r.target;
  if (t.kind === 'jump') s += ` ${t.goto ? '-g' : '-j'} ${t.chain}`;
  else if (t.kind !== 'none') {
    s += ` -j ${targetName(t)}`;
    const te = targetExt(t);
    if (te) s += te.save(t, r);
  }
  return s;
}

/** Number of rules in the table jumping to `name`. */
export function refCount(t: Table, name: string): number {
  let n = 0;
  for (const c of t.chains.values()) for (const r of c.rules) if (r.target.kind === 'jump' && r.target.chain === name) n++;
  return n;
}

/** Chains in listing order: built-ins in kernel order, then user chains sorted by name. */
export function orderedChains(t: Table): Chain[] {
  const all = [...t.chains.values()];
  return [...all.filter((c) => c.builtin), ...all.filter((c) => !c.builtin).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))];
}

/** `-S` listing of a table or one chain. */
export function listRules(t: Table, chain: string | undefined, num: number | undefined, verbose: boolean): string {
  let out = '';
  const chains = orderedChains(t).filter((c) => chain === undefined || c.name === chain);
  const ctr = (p: number, b: number): string => (verbose ? ` -c ${p} ${b}` : '');
  if (num === undefined) for (const c of chains) out += c.builtin ? `-P ${c.name} ${c.policy}${ctr(c.pkts, c.bytes)}\n` : `-N ${c.name}\n`;
  for (const c of chains) {
    c.rules.forEach((r, i) => {
      if (num === undefined || num === i + 1) out += `-A ${c.name}${ruleSpec(r, ctr(r.pkts, r.bytes))}\n`;
    });
  }
  return out;
}

/** `-L` listing of a table or one chain (with rule number: only that rule's line). */
export function listTable(t: Table, chain: string | undefined, num: number | undefined, f: ListFormat): string {
  const chains = orderedChains(t).filter((c) => chain === undefined || c.name === chain);
  if (num !== undefined) {
    const c = chains[0];
    const r = c?.rules[num - 1];
    return r ? ruleLine(r, num, f) : '';
  }
  let out = '';
  chains.forEach((c, i) => {
    if (i) out += '\n';
    out += chainHeader(c, refCount(t, c.name), f);
    out += columnHeader(f);
    c.rules.forEach((r, j) => (out += ruleLine(r, j + 1, f)));
  });
  return out;
}

/** ctime(3)-style date of a virtual time, as the iptables-save banner shows it. */
export function ctimeText(epochMs: number): string {
  const d = new Date(epochMs);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** One table in iptables-save format (without the banner lines). */
export function saveTable(t: Table, counters: boolean): string {
  let out = `*${t.name}\n`;
  const chains = orderedChains(t);
  for (const c of chains) out += `:${c.name} ${c.builtin ? c.policy : '-'} [${c.pkts}:${c.bytes}]\n`;
  for (const c of chains) for (const r of c.rules) out += `${counters ? `[${r.pkts}:${r.bytes}] ` : ''}-A ${c.name}${ruleSpec(r)}\n`;
  return out + 'COMMIT\n';
}

export { maskOf };
