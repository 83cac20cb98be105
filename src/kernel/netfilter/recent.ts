// xt_recent: named lists of recently seen addresses, per network namespace.
// A rule with `-m recent --set` adds the packet's source (or destination)
// address with a time stamp; `--rcheck`/`--update` match when the address is
// listed (within `--seconds`, at least `--hitcount` times); `--remove` drops
// it. kube-proxy's ClientIP session affinity is built on it: KUBE-SEP-X
// `--set`s the client, KUBE-SVC-X `--rcheck`s every KUBE-SEP list first.
// The lists live as long as a rule names them (checkentry/destroy keep a
// reference count) and are shown and edited in /proc/net/xt_recent/NAME.
//
// Behaviour follows net/netfilter/xt_recent.c (recent_mt, recent_entry_*,
// recent_seq_show, recent_mt_proc_write); defaults ip_list_tot=100 entries
// per list, ip_pkt_list_tot=20 time stamps per entry.

import { type Ip4, fmtIp4, parseIp4 } from '../addr.ts';
import type { NetNs } from '../netns.ts';
import { registerXtRecent } from '../procfs.ts';

/** Per-list entry cap (module parameter ip_list_tot). */
export const RECENT_LIST_TOT = 100;
/** Time stamps kept per entry (ip_pkt_list_tot). */
export const RECENT_PKT_LIST_TOT = 20;
/** Longest list name (XT_RECENT_NAME_LEN - 1). */
export const RECENT_NAME_MAX = 199;

/** One listed address. */
export interface RecentEntry {
  addr: Ip4;
  ttl: number;
  /** Time stamps (virtual ms), oldest first, at most `max`. */
  stamps: number[];
  /** e->index: where the next stamp goes in the kernel's ring (shown as oldest_pkt). */
  index: number;
}

/** One named list. */
export interface RecentTable {
  name: string;
  /** Entries in LRU order: the first is the least recently updated. */
  entries: Map<Ip4, RecentEntry>;
  /** Stamps kept per entry (max of ip_pkt_list_tot and the largest hitcount). */
  max: number;
}

const tablesOf = new WeakMap<NetNs, Map<string, RecentTable>>();

/** The lists of a namespace (created on first use). */
export function recentTables(ns: NetNs): Map<string, RecentTable> {
  let m = tablesOf.get(ns);
  if (!m) tablesOf.set(ns, (m = new Map()));
  return m;
}

/** Make the namespace's lists exactly those named by rules (checkentry creates, the last destroy frees). */
export function recentSync(ns: NetNs, wanted: Map<string, number>): void {
  const m = recentTables(ns);
  for (const name of [...m.keys()]) if (!wanted.has(name)) m.delete(name);
  for (const [name, hit] of wanted) {
    const t = m.get(name);
    const max = Math.max(RECENT_PKT_LIST_TOT, Math.min(hit, 65535));
    if (!t) m.set(name, { name, entries: new Map(), max });
    else t.max = Math.max(t.max, max);
  }
}

function touch(t: RecentTable, e: RecentEntry, now: number): void {
  e.stamps.push(now);
  if (e.stamps.length > t.max) e.stamps.shift();
  e.index = (e.index % t.max) + 1;
  t.entries.delete(e.addr);
  t.entries.set(e.addr, e);
}

function add(t: RecentTable, addr: Ip4, ttl: number, now: number): RecentEntry {
  if (t.entries.size >= RECENT_LIST_TOT) {
    const oldest = t.entries.keys().next().value as Ip4;
    t.entries.delete(oldest);
  }
  const e: RecentEntry = { addr, ttl, stamps: [], index: 0 };
  touch(t, e, now);
  return e;
}

/** The parameters of one recent match (struct xt_recent_mtinfo). */
export interface RecentInfo {
  cmd: 'set' | 'rcheck' | 'update' | 'remove';
  seconds: number;
  reap: boolean;
  hitcount: number;
  rttl: boolean;
  name: string;
  mask: Ip4;
  side: 'src' | 'dst';
  inv: boolean;
}

/** recent_mt: does the packet match, updating the list as the kernel does. */
export function recentMatch(ns: NetNs, m: RecentInfo, pkt: { src: Ip4; dst: Ip4; ttl: number }, forwarded: boolean, now: number): boolean {
  let ret = m.inv;
  const t = recentTables(ns).get(m.name);
  if (!t) return ret;
  const addr = ((m.side === 'dst' ? pkt.dst : pkt.src) & m.mask) >>> 0;
  // The TTL as seen before forwarding.
  const ttl = forwarded ? pkt.ttl + 1 : pkt.ttl;
  let e = t.entries.get(addr);
  if (e && m.rttl && e.ttl !== ttl) e = undefined;
  if (!e) {
    if (m.cmd !== 'set') return ret;
    add(t, addr, ttl, now);
    return !ret;
  }
  if (m.cmd === 'set') ret = !ret;
  else if (m.cmd === 'remove') {
    t.entries.delete(e.addr);
    return !ret;
  } else {
    const since = now - m.seconds * 1000;
    let hits = 0;
    for (const s of e.stamps) {
      if (m.seconds && s < since) continue;
      if (!m.hitcount || ++hits >= m.hitcount) {
        ret = !ret;
        break;
      }
    }
    if (m.reap) {
      // recent_entry_reap: the least recently used entry goes when its newest stamp is too old.
      const lru = t.entries.values().next().value as RecentEntry;
      if (lru !== e && lru.stamps[lru.stamps.length - 1] < since) t.entries.delete(lru.addr);
    }
  }
  if (m.cmd === 'set' || (m.cmd === 'update' && ret !== m.inv)) {
    touch(t, e, now);
    e.ttl = ttl;
  }
  return ret;
}

/** jiffies at virtual time `ms` (HZ 250, starting at INITIAL_JIFFIES as Linux does). */
function jiffies(ms: number): number {
  return (4294667296 + Math.floor(ms / 4)) % 2 ** 32;
}

/** /proc/net/xt_recent/NAME (recent_seq_show). */
export function recentProcRead(t: RecentTable): string {
  let s = '';
  for (const e of t.entries.values()) {
    s += `src=${fmtIp4(e.addr)} ttl: ${e.ttl} last_seen: ${jiffies(e.stamps[e.stamps.length - 1])} oldest_pkt: ${e.index} ${e.stamps.map((x) => jiffies(x)).join(', ')}\n`;
  }
  return s;
}

/** A write to /proc/net/xt_recent/NAME (recent_mt_proc_write): `/` flushes, `+ADDR` adds, `-ADDR` removes; false = EINVAL. */
export function recentProcWrite(t: RecentTable, data: string, now: number): boolean {
  const c = data[0];
  if (c === '/') {
    t.entries.clear();
    return true;
  }
  if (c !== '+' && c !== '-') return false;
  const addr = parseIp4(data.slice(1).trim());
  if (addr === undefined) return false;
  const e = t.entries.get(addr);
  if (c === '+') {
    if (e) touch(t, e, now);
    else add(t, addr, 0, now);
  } else if (e) t.entries.delete(addr);
  return true;
}

/** Whether xt_recent was ever used in the namespace (then /proc/net/xt_recent exists). */
export function recentLoaded(ns: NetNs): boolean {
  return tablesOf.has(ns);
}

// /proc/net/xt_recent shows the lists from now on (procfs.ts does not import this module).
registerXtRecent({ recentLoaded, recentProcRead, recentProcWrite, recentTables });
