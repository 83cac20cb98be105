// Host name resolution as glibc does it for simulated programs: the NSS
// `hosts:` line of /etc/nsswitch.conf (sources `files` and `dns`, with
// `[STATUS=action]` criteria), /etc/hosts, then the DNS stub resolver
// installed by userland/dns (queries over UDP through the simulated stack).
// Numeric addresses never hit the resolver.
//
//   getaddrinfo()   resolveHost()     ping, curl, nc, getent ahosts
//   gethostbyname2  getHostByName()   getent hosts
//   gethostbyaddr   getHostByAddr()   getent hosts ADDR, reverse names

import type { Process } from '../../kernel/proc.ts';
import { parseIp4Loose } from '../../kernel/addr.ts';
import { type DnsBackend, installedDnsBackend, setDnsBackend } from './dns-backend.ts';

/** One resolved address. */
export interface ResolvedAddr {
  family: 4 | 6;
  /** Dotted quad or IPv6 text. */
  addr: string;
  /** Canonical name (first name on the hosts line, or the DNS CNAME target). */
  canonical: string;
}

/** Why a lookup failed, with glibc's gai_strerror text. */
export type ResolveError = 'EAI_NONAME' | 'EAI_AGAIN' | 'EAI_FAIL';
export const GAI_TEXT: Record<ResolveError, string> = {
  EAI_NONAME: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
  EAI_FAIL: 'Non-recoverable failure in name resolution',
};

/** A host entry (struct hostent). */
export interface HostEntry {
  name: string;
  aliases: string[];
  family: 4 | 6;
  addrs: string[];
}

/** NSS status of one source. */
export type NssStatus = 'SUCCESS' | 'NOTFOUND' | 'UNAVAIL' | 'TRYAGAIN';

/** h_errno of the DNS resolver, as the backend reports it. */
export type HErrno = 'HOST_NOT_FOUND' | 'TRY_AGAIN' | 'NO_RECOVERY' | 'NO_DATA';

/** One /etc/hosts line. */
export interface HostsLine {
  addr: string;
  family: 4 | 6;
  names: string[];
}

/** Parse /etc/hosts text, ignoring malformed lines as glibc does (no names, bad address). */
export function parseHosts(text: string): HostsLine[] {
  const out: HostsLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, ...names] = line.split(/\s+/);
    if (!names.length) continue;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(addr)) {
      if (parseIp4Loose(addr) === undefined) continue;
      out.push({ addr, family: 4, names });
    } else if (/^[0-9a-fA-F:.]+$/.test(addr) && addr.includes(':')) out.push({ addr: addr.toLowerCase(), family: 6, names });
  }
  return out;
}

export { installedDnsBackend, setDnsBackend, type DnsBackend };

/** A source of the `hosts:` line and what to do on each status. */
interface NssSource {
  name: string;
  actions: Partial<Record<NssStatus, 'return' | 'continue'>>;
}

/** Parse the `hosts:` line (default `files dns` as glibc assumes without the file). */
export function nssHosts(p: Process): NssSource[] {
  const text = readOf(p, '/etc/nsswitch.conf');
  const m = text === undefined ? null : /^hosts:[ \t]*(.*)$/m.exec(text);
  const spec = m ? m[1].replace(/#.*/, '') : 'files dns';
  const out: NssSource[] = [];
  const re = /\[([^\]]*)\]|(\S+)/g;
  for (let g = re.exec(spec); g; g = re.exec(spec)) {
    if (g[2]) out.push({ name: g[2], actions: {} });
    else if (out.length) {
      for (const crit of g[1].trim().split(/\s+/)) {
        const cm = /^(!?)(SUCCESS|NOTFOUND|UNAVAIL|TRYAGAIN)=(return|continue)$/i.exec(crit);
        if (!cm) continue;
        const st = cm[2].toUpperCase() as NssStatus;
        const act = cm[3].toLowerCase() as 'return' | 'continue';
        const all: NssStatus[] = ['SUCCESS', 'NOTFOUND', 'UNAVAIL', 'TRYAGAIN'];
        for (const s of cm[1] ? all.filter((x) => x !== st) : [st]) out[out.length - 1].actions[s] = act;
      }
    }
  }
  return out;
}

function herrnoStatus(h: HErrno | 'signal'): NssStatus {
  return h === 'TRY_AGAIN' || h === 'signal' ? 'TRYAGAIN' : h === 'NO_RECOVERY' ? 'UNAVAIL' : 'NOTFOUND';
}

/** Walk the NSS sources; each returns a value or a status. */
async function nssWalk<T>(p: Process, lookup: (src: string) => Promise<T | NssStatus>): Promise<T | NssStatus> {
  let last: NssStatus = 'UNAVAIL';
  const sources = nssHosts(p);
  for (const s of sources.slice(0, 16)) {
    const r = await lookup(s.name);
    if (typeof r !== 'string') return r as T;
    last = r as NssStatus;
    const act = s.actions[last] ?? 'continue';
    if (act === 'return') break;
  }
  return last;
}

/** Read a file as the process sees it (undefined when missing). */
function readOf(p: Process, path: string): string | undefined {
  try {
    return procVfs(p)?.readFile(path, p.vfsCtx());
  } catch {
    return undefined;
  }
}

function hostsLines(p: Process): HostsLine[] {
  return parseHosts(readOf(p, '/etc/hosts') ?? '');
}

/** Lower-case comparison as glibc's files backend does (strcasecmp). */
function nameIs(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * getaddrinfo(): resolve `name` for `family` (0 = any; from /etc/hosts IPv6
 * results first, as RFC 3484 sorting puts ::1 before 127.0.0.1).
 */
export async function resolveHost(p: Process, name: string, family: 4 | 6 | 0 = 0): Promise<ResolvedAddr[] | ResolveError> {
  const n4 = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? parseIp4Loose(name) : undefined;
  if (n4 !== undefined && family !== 6) return [{ family: 4, addr: name, canonical: name }];
  if (family !== 4 && /^[0-9a-fA-F:]+$/.test(name) && name.includes(':')) return [{ family: 6, addr: name.toLowerCase(), canonical: name }];
  const r = await nssWalk<ResolvedAddr[]>(p, async (src) => {
    if (src === 'files') {
      const hits = hostsLines(p).filter((h) => h.names.some((n) => nameIs(n, name)) && (family === 0 || h.family === family));
      if (!hits.length) return 'NOTFOUND';
      const v6 = hits.filter((h) => h.family === 6);
      const v4 = hits.filter((h) => h.family === 4);
      return [...v6, ...v4].map((h) => ({ family: h.family, addr: h.addr, canonical: h.names[0] }));
    }
    if (src === 'dns') {
      const dnsBackend = installedDnsBackend();
      if (!dnsBackend) return 'TRYAGAIN';
      const d = await dnsBackend.addrInfo(p, name, family);
      if (typeof d === 'string') return herrnoStatus(d);
      return d.addrs.map((a) => ({ family: a.family, addr: a.addr, canonical: d.canonical }));
    }
    return 'UNAVAIL';
  });
  if (typeof r !== 'string') return r;
  return r === 'TRYAGAIN' ? 'EAI_AGAIN' : 'EAI_NONAME';
}

/** gethostbyname2(): one family; the /etc/hosts entry merges every matching line (`multi on`). */
export async function getHostByName(p: Process, name: string, family: 4 | 6): Promise<HostEntry | NssStatus> {
  return nssWalk<HostEntry>(p, async (src) => {
    if (src === 'files') {
      const hits = hostsLines(p).filter((h) => h.family === family && h.names.some((n) => nameIs(n, name)));
      if (!hits.length) return 'NOTFOUND';
      // `multi on`: addresses of every matching line; aliases are every other name on them.
      const canon = hits[0].names[0];
      const aliases: string[] = [];
      for (const h of hits) for (const n of h.names) if (n !== canon && !aliases.includes(n)) aliases.push(n);
      return { name: canon, aliases, family, addrs: hits.map((h) => h.addr) };
    }
    if (src === 'dns') {
      const dnsBackend = installedDnsBackend();
      if (!dnsBackend) return 'UNAVAIL';
      const d = await dnsBackend.hostByName(p, name, family);
      return typeof d === 'string' ? herrnoStatus(d) : d;
    }
    return 'UNAVAIL';
  });
}

/** gethostbyaddr(): /etc/hosts, then a PTR query. */
export async function getHostByAddr(p: Process, addr: string): Promise<HostEntry | NssStatus> {
  const family: 4 | 6 = addr.includes(':') ? 6 : 4;
  return nssWalk<HostEntry>(p, async (src) => {
    if (src === 'files') {
      const hit = hostsLines(p).find((h) => h.family === family && h.addr === addr.toLowerCase());
      return hit ? { name: hit.names[0], aliases: hit.names.slice(1), family, addrs: [hit.addr] } : 'NOTFOUND';
    }
    if (src === 'dns') {
      const dnsBackend = installedDnsBackend();
      if (!dnsBackend) return 'UNAVAIL';
      const d = await dnsBackend.hostByAddr(p, addr);
      return typeof d === 'string' ? herrnoStatus(d) : d;
    }
    return 'UNAVAIL';
  });
}

/** Reverse lookup in /etc/hosts only (a synchronous shortcut for callers that cannot wait). */
export function reverseHosts(p: Process, addr: string): string | undefined {
  return hostsLines(p).find((h) => h.addr === addr)?.names[0];
}

/** The VFS a process sees (its host's). */
export function procVfs(p: Process): import('../../kernel/vfs.ts').Vfs | undefined {
  return (p.netns as { kernel?: { vfs: import('../../kernel/vfs.ts').Vfs } } | undefined)?.kernel?.vfs;
}
