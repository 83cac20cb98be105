// DNS client: one query/response exchange over the transport (what dig,
// nslookup and host build on), and glibc's stub resolver (res_search with
// the search list and ndots, several servers, attempts and timeouts) behind
// getaddrinfo / gethostbyname / gethostbyaddr.

import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { kernelOf } from '../lib/sys.ts';
import { procVfs } from '../lib/resolve.ts';
import { transport } from './transport.ts';
import { CLASS_IN, RCODE, TYPE, canonName, decode, encode, newMessage, reverseName, type Message, type Question, type RR } from './wire.ts';
import { parseResolvConf, type ResolvConf } from './resolvconf.ts';

/** Outcome of one exchange with one server. */
export type Exchange =
  | { kind: 'answer'; msg: Message; size: number; rttMs: number; from: string }
  | { kind: 'timeout' }
  | { kind: 'refused' }
  /** connect()/sendto() failed locally or an ICMP error came back (errno name). */
  | { kind: 'neterror'; errno: string }
  | { kind: 'signal' };

/** BIND's lower-case text for an errno (`;; UDP setup ... failed: network unreachable.`). */
export const ISC_ERRTEXT: Record<string, string> = {
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ECONNREFUSED: 'connection refused',
  EADDRNOTAVAIL: 'address not available',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** A fresh query id from the host's seeded generator. */
export function queryId(p: Process): number {
  return kernelOf(p).rng.int(0, 0xffff);
}

/** Read a file as the process sees it ('' when missing). */
export function readFileOf(p: Process, path: string): string {
  try {
    return procVfs(p)?.readFile(path, p.vfsCtx()) ?? '';
  } catch {
    return '';
  }
}

/** The process's resolver configuration (/etc/resolv.conf, LOCALDOMAIN, RES_OPTIONS). */
export function resolvConfOf(p: Process): ResolvConf {
  return parseResolvConf(readFileOf(p, '/etc/resolv.conf'), kernelOf(p).hostname, p.env);
}

/**
 * Send `queries` (same socket, like glibc's parallel A+AAAA) to `server` and
 * wait up to `timeoutMs` for an answer to each. Answers come back in query order.
 */
export async function exchangeMany(p: Process, server: string, port: number, queries: Message[], timeoutMs: number, opts: { compress?: boolean } = {}): Promise<Exchange[]> {
  let sock;
  try {
    sock = transport().connect(p, server, port);
  } catch (e) {
    if (e instanceof KernelError) return queries.map(() => ({ kind: 'neterror', errno: e.errno }));
    throw e;
  }
  const clock = kernelOf(p).clock;
  const started = clock.now;
  const results: (Exchange | undefined)[] = queries.map(() => undefined);
  try {
    for (const q of queries) sock.send(encode(q, { compressRdata: opts.compress ?? true }));
  } catch (e) {
    sock.close();
    if (e instanceof KernelError) return queries.map(() => ({ kind: 'neterror', errno: e.errno }));
    throw e;
  }
  const deadline = started + timeoutMs;
  try {
    for (let reads = 0; reads < 256 && results.some((r) => !r); reads++) {
      const left = deadline - clock.now;
      const r = left > 0 ? await sock.recv(left) : ({ kind: 'timeout' } as const);
      if (r.kind === 'timeout' || r.kind === 'signal') {
        for (let i = 0; i < results.length; i++) results[i] ??= { kind: r.kind };
        break;
      }
      if (r.kind === 'refused' || r.kind === 'unreachable') {
        const ex: Exchange = r.kind === 'refused' ? { kind: 'refused' } : { kind: 'neterror', errno: r.errno };
        for (let i = 0; i < results.length; i++) results[i] ??= ex;
        break;
      }
      let msg: Message;
      try {
        msg = decode(r.data);
      } catch {
        continue;
      }
      const i = queries.findIndex((q, k) => !results[k] && q.id === msg.id && msg.qr && sameQuestion(q.questions[0], msg.questions[0]));
      if (i < 0) continue;
      results[i] = { kind: 'answer', msg, size: r.data.length, rttMs: clock.now - started, from: r.from };
    }
  } finally {
    sock.close();
  }
  return results.map((r) => r ?? { kind: 'timeout' });
}

/** One query, one answer (or why not). */
export async function exchange(p: Process, server: string, port: number, query: Message, timeoutMs: number): Promise<Exchange> {
  return (await exchangeMany(p, server, port, [query], timeoutMs))[0];
}

function sameQuestion(a: Question | undefined, b: Question | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.type === b.type && a.cls === b.cls && canonName(a.name) === canonName(b.name);
}

/** A query as glibc's res_mkquery builds it (RD set, no EDNS unless `options edns0`). */
export function stubQuery(p: Process, name: string, type: number): Message {
  const m = newMessage(queryId(p), { name, type, cls: CLASS_IN });
  m.rd = true;
  return m;
}

// ── glibc stub resolver ─────────────────────────────────────────────────

/** h_errno values of the resolver. */
export type HErrno = 'HOST_NOT_FOUND' | 'TRY_AGAIN' | 'NO_RECOVERY' | 'NO_DATA';

/**
 * res_send over the configured servers: `attempts` rounds, `timeout` s for
 * the first round (then doubled per round and split between servers, as
 * glibc does). A SERVFAIL, NOTIMP or REFUSED reply counts as a failed
 * server; when every try failed the error is ETIMEDOUT if some server
 * timed out, else ECONNREFUSED (which makes res_search give up at once).
 */
export async function resSend(p: Process, rc: ResolvConf, queries: Message[]): Promise<Message[] | { errno: 'ECONNREFUSED' | 'ETIMEDOUT' } | 'signal'> {
  let gotSomewhere = false;
  for (let attempt = 0; attempt < rc.attempts; attempt++) {
    for (let ns = 0; ns < rc.nameservers.length; ns++) {
      let secs = rc.timeout;
      if (attempt > 0) secs = Math.max(1, Math.floor((rc.timeout << attempt) / rc.nameservers.length));
      const server = rc.nameservers[ns];
      // The simulation carries no IPv6 UDP: an IPv6 server is unreachable.
      const res: Exchange[] = server.includes(':') ? queries.map(() => ({ kind: 'neterror', errno: 'ENETUNREACH' })) : await exchangeMany(p, server, 53, queries, secs * 1000);
      if (res.some((r) => r.kind === 'signal')) return 'signal';
      if (res.every((r) => r.kind === 'answer')) {
        const msgs = res.map((r) => (r as { msg: Message }).msg);
        if (!msgs.some((m) => m.rcode === RCODE.SERVFAIL || m.rcode === RCODE.NOTIMP || m.rcode === RCODE.REFUSED)) return msgs;
        continue;
      }
      if (res.some((r) => r.kind === 'timeout')) gotSomewhere = true;
    }
  }
  return { errno: gotSomewhere ? 'ETIMEDOUT' : 'ECONNREFUSED' };
}

/** What one res_query (one name, one or two types) concluded. */
interface QueryResult {
  ok: boolean;
  herrno?: HErrno;
  /** Answer messages (one per type), when any server answered. */
  msgs?: Message[];
  /** ECONNREFUSED from res_send (every server unreachable): searching stops. */
  refused?: boolean;
}

async function resQuery(p: Process, rc: ResolvConf, name: string, types: number[]): Promise<QueryResult | 'signal'> {
  const queries = types.map((t) => stubQuery(p, name, t));
  const r = await resSend(p, rc, queries);
  if (r === 'signal') return r;
  if ('errno' in r) return { ok: false, herrno: 'TRY_AGAIN', refused: r.errno === 'ECONNREFUSED' };
  if (r.some((m) => m.rcode === RCODE.NOERROR && m.answers.length > 0)) return { ok: true, msgs: r };
  const m = r.find((x) => x.rcode !== RCODE.NOERROR) ?? r[0];
  const herrno: HErrno = m.rcode === RCODE.NXDOMAIN ? 'HOST_NOT_FOUND' : m.rcode === RCODE.SERVFAIL ? 'TRY_AGAIN' : m.rcode === RCODE.NOERROR ? 'NO_DATA' : 'NO_RECOVERY';
  return { ok: false, herrno, msgs: r };
}

/** res_search: try the candidates of `name` (search list, ndots) until one answers. */
export async function resSearch(p: Process, name: string, types: number[], rc = resolvConfOf(p)): Promise<{ ok: true; name: string; msgs: Message[] } | { ok: false; herrno: HErrno } | 'signal'> {
  const dots = (name.match(/\./g) ?? []).length;
  const trailing = name.endsWith('.');
  let savedHerrno: HErrno | undefined;
  let gotNodata = false;
  let gotServfail = false;
  let triedAsIs = false;
  const bare = trailing ? name.slice(0, -1) : name;
  if (dots >= rc.ndots || trailing) {
    const r = await resQuery(p, rc, bare, types);
    if (r === 'signal') return r;
    if (r.ok) return { ok: true, name: bare, msgs: r.msgs! };
    savedHerrno = r.herrno;
    triedAsIs = true;
    if (trailing) return { ok: false, herrno: r.herrno! };
  }
  let done = false;
  for (const d of rc.search) {
    if (done) break;
    const cand = d ? `${bare}.${d}` : bare;
    const r = await resQuery(p, rc, cand, types);
    if (r === 'signal') return r;
    if (r.ok) return { ok: true, name: cand, msgs: r.msgs! };
    if (r.refused) return { ok: false, herrno: 'TRY_AGAIN' };
    switch (r.herrno) {
      case 'NO_DATA':
        gotNodata = true;
        break;
      case 'HOST_NOT_FOUND':
        break;
      case 'TRY_AGAIN':
        if (r.msgs?.some((m) => m.rcode === RCODE.SERVFAIL)) {
          gotServfail = true;
          break;
        }
        done = true;
        break;
      default:
        done = true;
    }
  }
  if (!triedAsIs) {
    const r = await resQuery(p, rc, bare, types);
    if (r === 'signal') return r;
    if (r.ok) return { ok: true, name: bare, msgs: r.msgs! };
    if (savedHerrno === undefined && !gotNodata && !gotServfail) return { ok: false, herrno: r.herrno! };
  }
  return { ok: false, herrno: savedHerrno ?? (gotNodata ? 'NO_DATA' : gotServfail ? 'TRY_AGAIN' : 'HOST_NOT_FOUND') };
}

/** A host entry as gethostbyname returns it. */
export interface HostEnt {
  name: string;
  aliases: string[];
  family: 4 | 6;
  addrs: string[];
}

/** Follow the CNAME chain of `qname` in an answer section; the final owner and the aliases passed. */
export function chaseCnames(answers: RR[], qname: string): { name: string; aliases: string[] } {
  let cur = qname;
  const aliases: string[] = [];
  for (let i = 0; i < 16; i++) {
    const c = answers.find((r) => r.data.type === 'CNAME' && canonName(r.name) === canonName(cur));
    if (!c || c.data.type !== 'CNAME') break;
    aliases.push(cur);
    cur = c.data.target;
  }
  return { name: cur, aliases };
}

/** Addresses of `type` owned by `owner` in an answer section. */
function addrsOf(answers: RR[], owner: string, type: 'A' | 'AAAA'): string[] {
  const out: string[] = [];
  for (const r of answers) if (r.data.type === type && canonName(r.name) === canonName(owner)) out.push(r.data.address);
  return out;
}

/** gethostbyname2 through DNS for one family. */
export async function dnsHostByName(p: Process, name: string, family: 4 | 6): Promise<HostEnt | HErrno | 'signal'> {
  const r = await resSearch(p, name, [family === 4 ? TYPE.A : TYPE.AAAA]);
  if (r === 'signal') return r;
  if (!r.ok) return r.herrno;
  const ans = r.msgs[0].answers;
  const chain = chaseCnames(ans, r.name);
  const addrs = addrsOf(ans, chain.name, family === 4 ? 'A' : 'AAAA');
  if (!addrs.length) return 'NO_DATA';
  return { name: chain.name, aliases: chain.aliases, family, addrs };
}

/** getaddrinfo's DNS part: A and AAAA in parallel (only one for a given family). */
export async function dnsAddrInfo(p: Process, name: string, family: 0 | 4 | 6): Promise<{ canonical: string; addrs: { family: 4 | 6; addr: string }[] } | HErrno | 'signal'> {
  const types = family === 4 ? [TYPE.A] : family === 6 ? [TYPE.AAAA] : [TYPE.A, TYPE.AAAA];
  const r = await resSearch(p, name, types);
  if (r === 'signal') return r;
  if (!r.ok) return r.herrno;
  const addrs: { family: 4 | 6; addr: string }[] = [];
  let canonical = r.name;
  for (const m of r.msgs) {
    const chain = chaseCnames(m.answers, r.name);
    const t = m.questions[0]?.type === TYPE.AAAA ? 'AAAA' : 'A';
    const found = addrsOf(m.answers, chain.name, t);
    if (found.length && canonical === r.name) canonical = chain.name;
    for (const a of found) addrs.push({ family: t === 'A' ? 4 : 6, addr: a });
  }
  if (!addrs.length) return 'NO_DATA';
  return { canonical, addrs };
}

/** gethostbyaddr through DNS: a PTR query for the reverse name. */
export async function dnsHostByAddr(p: Process, addr: string): Promise<HostEnt | HErrno | 'signal'> {
  const rev = reverseName(addr);
  if (!rev) return 'HOST_NOT_FOUND';
  const r = await resQuery(p, resolvConfOf(p), rev, [TYPE.PTR]);
  if (r === 'signal') return r;
  if (!r.ok) return r.herrno!;
  const ptr = r.msgs![0].answers.find((x) => x.data.type === 'PTR');
  if (!ptr || ptr.data.type !== 'PTR') return 'NO_DATA';
  return { name: ptr.data.target, aliases: [], family: addr.includes(':') ? 6 : 4, addrs: [addr] };
}
