// Host name resolution as glibc's getaddrinfo does it for simulated programs:
// /etc/nsswitch.conf `hosts:` order, /etc/hosts, then DNS (see dns.ts when
// present). Numeric addresses never hit the resolver.

import type { Process } from '../../kernel/proc.ts';
import { parseIp4Loose } from '../../kernel/addr.ts';

/** One resolved address. */
export interface ResolvedAddr {
  family: 4 | 6;
  /** Dotted quad or IPv6 text. */
  addr: string;
  /** Canonical name (first name on the hosts line, or the DNS CNAME target). */
  canonical: string;
}

/** Why a lookup failed, with glibc's gai_strerror text. */
export type ResolveError = 'EAI_NONAME' | 'EAI_AGAIN';
export const GAI_TEXT: Record<ResolveError, string> = {
  EAI_NONAME: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
};

/** Parse /etc/hosts text into (address, names) lines, ignoring malformed ones as glibc does. */
export function parseHosts(text: string): { addr: string; family: 4 | 6; names: string[] }[] {
  const out: { addr: string; family: 4 | 6; names: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, ...names] = line.split(/\s+/);
    if (!names.length) continue;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(addr)) {
      if (parseIp4Loose(addr) === undefined) continue;
      out.push({ addr, family: 4, names });
    } else if (/^[0-9a-fA-F:]+$/.test(addr) && addr.includes(':')) out.push({ addr: addr.toLowerCase(), family: 6, names });
  }
  return out;
}

/** A pluggable DNS backend (installed by the DNS module). */
export type DnsBackend = (p: Process, name: string, family: 4 | 6 | 0) => Promise<ResolvedAddr[] | ResolveError>;
let dnsBackend: DnsBackend | undefined;

/** Install the DNS client used after /etc/hosts. */
export function setDnsBackend(b: DnsBackend): void {
  dnsBackend = b;
}

/**
 * getaddrinfo(): resolve `name` for `family` (0 = any; IPv6 results first
 * for AF_UNSPEC, as RFC 3484 sorting puts ::1 before 127.0.0.1).
 */
export async function resolveHost(p: Process, name: string, family: 4 | 6 | 0 = 0): Promise<ResolvedAddr[] | ResolveError> {
  const k = (p as unknown as { kernel?: unknown }).kernel;
  void k;
  const vfs = procVfs(p);
  const n4 = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? parseIp4Loose(name) : undefined;
  if (n4 !== undefined && family !== 6) return [{ family: 4, addr: name, canonical: name }];
  let order = ['files', 'dns'];
  try {
    const ns = vfs?.readFile('/etc/nsswitch.conf', p.vfsCtx()) ?? '';
    const m = /^hosts:\s*(.*)$/m.exec(ns);
    if (m) order = m[1].split(/\s+/).filter((w) => w && !w.startsWith('['));
  } catch {
    /* missing nsswitch.conf: glibc default */
  }
  for (const src of order) {
    if (src === 'files') {
      let text = '';
      try {
        text = vfs?.readFile('/etc/hosts', p.vfsCtx()) ?? '';
      } catch {
        text = '';
      }
      const hits = parseHosts(text).filter((h) => h.names.includes(name) && (family === 0 || h.family === family));
      if (hits.length) {
        const v6 = hits.filter((h) => h.family === 6);
        const v4 = hits.filter((h) => h.family === 4);
        return [...v6, ...v4].map((h) => ({ family: h.family, addr: h.addr, canonical: h.names[0] }));
      }
    } else if (src === 'dns') {
      if (/^[\d.]+$/.test(name)) return 'EAI_AGAIN';
      if (dnsBackend) return dnsBackend(p, name, family);
      return 'EAI_AGAIN';
    }
  }
  return 'EAI_NONAME';
}

/** Reverse lookup in /etc/hosts only (what ping and others print). */
export function reverseHosts(p: Process, addr: string): string | undefined {
  const vfs = procVfs(p);
  let text = '';
  try {
    text = vfs?.readFile('/etc/hosts', p.vfsCtx()) ?? '';
  } catch {
    return undefined;
  }
  return parseHosts(text).find((h) => h.addr === addr)?.names[0];
}

/** The VFS a process sees (its host's). */
export function procVfs(p: Process): import('../../kernel/vfs.ts').Vfs | undefined {
  return (p.netns as { kernel?: { vfs: import('../../kernel/vfs.ts').Vfs } } | undefined)?.kernel?.vfs;
}
