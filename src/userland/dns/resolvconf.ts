// /etc/resolv.conf as glibc's res_init reads it (resolv/res_init.c): a
// keyword must be followed by a blank, lines starting with `;` or `#` are
// comments, unknown or malformed lines are silently ignored, at most three
// name servers, `domain` and `search` override each other (last one wins),
// and with no `nameserver` line the resolver asks 127.0.0.1.

import { isIp4, isIp6 } from './wire.ts';

/** The resolver configuration of a process. */
export interface ResolvConf {
  /** Server addresses in order (at most 3); [127.0.0.1] when none is configured. */
  nameservers: string[];
  /** Search list (from `search`, or the single `domain`, or the host name's domain). */
  search: string[];
  /** options ndots:N (default 1, at most 15). */
  ndots: number;
  /** options timeout:N seconds per try (default 5, at most 30). */
  timeout: number;
  /** options attempts:N rounds over the servers (default 2, at most 5). */
  attempts: number;
  rotate: boolean;
  /** options timeout:/attempts: given explicitly (dig and nslookup honour them). */
  timeoutSet: boolean;
  attemptsSet: boolean;
  /** True when no `nameserver` line was usable (the 127.0.0.1 default applies). */
  defaultServer: boolean;
}

/** glibc's MAXNS. */
export const MAXNS = 3;

/** Parse resolv.conf text. `hostname` supplies the default domain (after its first dot). */
export function parseResolvConf(text: string, hostname = '', env: Record<string, string> = {}): ResolvConf {
  const rc: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2, rotate: false, timeoutSet: false, attemptsSet: false, defaultServer: false };
  let haveSearch = false;
  const applyOptions = (words: string[]): void => {
    for (const w of words) {
      const num = (key: string, max: number): number | undefined => {
        if (!w.startsWith(key)) return undefined;
        const n = parseInt(w.slice(key.length), 10);
        return Number.isNaN(n) ? undefined : Math.min(Math.max(n, 0), max);
      };
      const nd = num('ndots:', 15);
      if (nd !== undefined) rc.ndots = nd;
      const to = num('timeout:', 30);
      if (to !== undefined) {
        rc.timeout = Math.max(to, 1);
        rc.timeoutSet = true;
      }
      const at = num('attempts:', 5);
      if (at !== undefined) {
        rc.attempts = Math.max(at, 1);
        rc.attemptsSet = true;
      }
      if (w === 'rotate') rc.rotate = true;
    }
  };
  for (const raw of text.split('\n')) {
    if (raw.startsWith(';') || raw.startsWith('#')) continue;
    const kw = /^(nameserver|domain|search|options)[ \t]/.exec(raw);
    if (!kw) continue;
    const rest = raw.slice(kw[0].length);
    const words = rest.split(/[ \t]+/).filter(Boolean);
    switch (kw[1]) {
      case 'nameserver': {
        const a = (words[0] ?? '').split(/[;#]/)[0];
        if (rc.nameservers.length < MAXNS && (isIp4(a) || isIp6(a))) rc.nameservers.push(a);
        break;
      }
      case 'domain': {
        const d = (words[0] ?? '').split(/[;#]/)[0];
        if (d) {
          rc.search = [d.replace(/\.$/, '')];
          haveSearch = true;
        }
        break;
      }
      case 'search': {
        const list: string[] = [];
        for (const w of words) {
          if (w.startsWith(';') || w.startsWith('#')) break;
          list.push(w.replace(/\.$/, ''));
        }
        if (list.length) {
          rc.search = list.filter((d) => d !== '');
          haveSearch = true;
        }
        break;
      }
      case 'options':
        applyOptions(words);
        break;
    }
  }
  if (env.LOCALDOMAIN !== undefined) {
    rc.search = env.LOCALDOMAIN.split(/[ \t\n]+/).filter(Boolean);
    haveSearch = true;
  }
  if (env.RES_OPTIONS) applyOptions(env.RES_OPTIONS.split(/\s+/));
  if (!haveSearch) {
    const dot = hostname.indexOf('.');
    if (dot >= 0 && hostname.slice(dot + 1)) rc.search = [hostname.slice(dot + 1)];
  }
  if (!rc.nameservers.length) {
    rc.nameservers = ['127.0.0.1'];
    rc.defaultServer = true;
  }
  return rc;
}

/**
 * The names res_search tries for `name`, in order (glibc resolv/res_query.c):
 * a trailing dot means exactly that name; with at least `ndots` dots the name
 * is tried as-is first, then with each search domain appended, then as-is
 * last if it has fewer dots than ndots.
 */
export function searchCandidates(name: string, rc: Pick<ResolvConf, 'search' | 'ndots'>): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = (name.match(/\./g) ?? []).length;
  const out: string[] = [];
  if (dots >= rc.ndots) out.push(name);
  for (const d of rc.search) out.push(d ? `${name}.${d}` : name);
  if (dots < rc.ndots) out.push(name);
  return [...new Set(out)];
}
