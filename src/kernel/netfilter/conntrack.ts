// Connection tracking (nf_conntrack): every tracked flow is one entry with
// an ORIGINAL and a REPLY tuple. NAT edits the REPLY tuple when it binds, so
// replies are found under the translated addresses and un-translated on the
// way back. Entries expire on the virtual clock with Linux's default
// timeouts; an entry becomes visible (confirmed) only when its first packet
// leaves the last hook (INPUT or POSTROUTING).
//
//   ORIGINAL  src=192.168.77.10 dst=203.0.113.80 id=49
//   REPLY     src=203.0.113.80  dst=203.0.113.254 id=49   ← after MASQUERADE

import type { Ip4 } from '../addr.ts';
import type { Ipv4Packet } from '../packet.ts';

/** Direction of a packet relative to its connection. */
export type CtDir = 0 | 1;
export const ORIGINAL: CtDir = 0;
export const REPLY: CtDir = 1;

/** The layer-4 protocols conntrack follows. */
export type CtProto = 'tcp' | 'udp' | 'icmp';

/** A connection tuple (struct nf_conntrack_tuple). ICMP: sport = dport = id. */
export interface Tuple {
  proto: CtProto;
  src: Ip4;
  dst: Ip4;
  sport: number;
  dport: number;
  /** ICMP type/code of this direction (echo request 8 ↔ reply 0). */
  type?: number;
  code?: number;
}

/** What a packet is to its connection (enum ip_conntrack_info, simplified). */
export type CtInfo = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

/** TCP conntrack states as /proc and conntrack -L print them. */
export type TcpCtState = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'CLOSE_WAIT' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSE';

/** Default timeouts in seconds (net.netfilter.nf_conntrack_*_timeout*). */
export const CT_TIMEOUTS = {
  icmp: 30,
  udp: 30,
  udpStream: 120,
  tcp: { SYN_SENT: 120, SYN_RECV: 60, ESTABLISHED: 432000, FIN_WAIT: 120, CLOSE_WAIT: 60, LAST_ACK: 30, TIME_WAIT: 120, CLOSE: 10 } as Record<TcpCtState, number>,
};

/** One tracked connection (struct nf_conn). */
export interface CtEntry {
  id: number;
  tuple: [Tuple, Tuple];
  confirmed: boolean;
  seenReply: boolean;
  assured: boolean;
  srcNat: boolean;
  dstNat: boolean;
  /** NAT bindings done for each manip type (nf_nat_initialized). */
  natInit: { src: boolean; dst: boolean };
  tcpState?: TcpCtState;
  /** Virtual time (ms) at which the entry expires. */
  expires: number;
  mark: number;
}

/** Result of looking a packet up. */
export interface CtLookup {
  entry: CtEntry;
  dir: CtDir;
}

const ICMP_ECHO_INVERSE: Record<number, number> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 17: 18, 18: 17 };
/** ICMP error types that quote a packet (and are RELATED to its connection). */
export const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);

/** Tuple of a packet, or undefined when conntrack cannot follow it. */
export function tupleOf(p: Ipv4Packet): Tuple | undefined {
  const l = p.payload;
  if (l.proto === 'icmp') {
    if (!(l.type in ICMP_ECHO_INVERSE)) return undefined;
    return { proto: 'icmp', src: p.src, dst: p.dst, sport: l.id, dport: l.id, type: l.type, code: l.code };
  }
  return { proto: l.proto, src: p.src, dst: p.dst, sport: l.sport, dport: l.dport };
}

/** The tuple of the other direction (nf_ct_invert_tuple). */
export function invert(t: Tuple): Tuple {
  const r: Tuple = { proto: t.proto, src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
  if (t.proto === 'icmp') {
    r.type = ICMP_ECHO_INVERSE[t.type ?? 8] ?? 0;
    r.code = t.code;
  }
  return r;
}

/** Hash key of a tuple. */
export function tupleKey(t: Tuple): string {
  return t.proto === 'icmp' ? `icmp ${t.src} ${t.dst} ${t.sport} ${t.type}` : `${t.proto} ${t.src} ${t.dst} ${t.sport} ${t.dport}`;
}

/** The per-namespace conntrack table. */
export class ConntrackTable {
  private readonly hash = new Map<string, CtLookup>();
  private readonly entries = new Set<CtEntry>();
  private nextId = 1;
  private readonly clockNow: () => number;
  /** Drops stale entries lazily; `now` is supplied by the caller's clock. */
  constructor(clockNow: () => number) {
    this.clockNow = clockNow;
  }

  /** Find the connection a tuple belongs to (expired entries are removed first). */
  lookup(t: Tuple): CtLookup | undefined {
    const hit = this.hash.get(tupleKey(t));
    if (!hit) return undefined;
    if (hit.entry.expires <= this.clockNow()) {
      this.remove(hit.entry);
      return undefined;
    }
    return hit;
  }

  /** True when a tuple is taken by a confirmed entry (NAT uniqueness). */
  taken(t: Tuple): boolean {
    return this.lookup(t) !== undefined;
  }

  /** A new, unconfirmed entry for a first packet. */
  create(orig: Tuple): CtEntry {
    return {
      id: this.nextId++,
      tuple: [orig, invert(orig)],
      confirmed: false,
      seenReply: false,
      assured: false,
      srcNat: false,
      dstNat: false,
      natInit: { src: false, dst: false },
      expires: this.clockNow() + 1000 * (orig.proto === 'icmp' ? CT_TIMEOUTS.icmp : orig.proto === 'udp' ? CT_TIMEOUTS.udp : CT_TIMEOUTS.tcp.SYN_SENT),
      mark: 0,
    };
  }

  /** Insert an entry into the hash (nf_conntrack_confirm). False on a clash. */
  confirm(e: CtEntry): boolean {
    if (e.confirmed) return true;
    const k0 = tupleKey(e.tuple[0]);
    const k1 = tupleKey(e.tuple[1]);
    if (this.lookup(e.tuple[0]) || this.lookup(e.tuple[1])) return false;
    e.confirmed = true;
    this.hash.set(k0, { entry: e, dir: ORIGINAL });
    this.hash.set(k1, { entry: e, dir: REPLY });
    this.entries.add(e);
    return true;
  }

  /** Remove an entry (expiry, conntrack -D, -F). */
  remove(e: CtEntry): void {
    if (!this.entries.delete(e)) return;
    for (const t of e.tuple) {
      const k = tupleKey(t);
      if (this.hash.get(k)?.entry === e) this.hash.delete(k);
    }
  }

  /** Live entries, oldest first. */
  list(): CtEntry[] {
    const now = this.clockNow();
    for (const e of [...this.entries]) if (e.expires <= now) this.remove(e);
    return [...this.entries];
  }

  /** Number of live entries. */
  get count(): number {
    return this.list().length;
  }

  /** Delete everything (conntrack -F). */
  flush(): number {
    const n = this.entries.size;
    this.entries.clear();
    this.hash.clear();
    return n;
  }

  /** Re-key an unconfirmed entry after NAT changed its reply tuple (no-op: keys are set at confirm). */
  setReply(e: CtEntry, reply: Tuple): void {
    e.tuple[1] = reply;
  }
}

/** Advance the protocol state machine for a packet and refresh the timeout (nf_conntrack_*_packet). */
export function ctPacket(e: CtEntry, dir: CtDir, p: Ipv4Packet, now: number): void {
  const l = p.payload;
  let secs: number;
  if (l.proto === 'icmp') {
    secs = CT_TIMEOUTS.icmp;
  } else if (l.proto === 'udp') {
    if (e.seenReply) {
      secs = CT_TIMEOUTS.udpStream;
      e.assured = true;
    } else secs = CT_TIMEOUTS.udp;
  } else {
    const f = l.flags;
    const s = e.tcpState;
    let n: TcpCtState | undefined = s;
    if (f.rst) n = 'CLOSE';
    else if (f.syn && !f.ack && dir === ORIGINAL) n = s === undefined || s === 'CLOSE' || s === 'TIME_WAIT' ? 'SYN_SENT' : s;
    else if (f.syn && f.ack && dir === REPLY) n = s === 'SYN_SENT' ? 'SYN_RECV' : s;
    else if (f.fin) n = s === 'ESTABLISHED' ? (dir === ORIGINAL ? 'FIN_WAIT' : 'CLOSE_WAIT') : s === 'FIN_WAIT' || s === 'CLOSE_WAIT' ? 'LAST_ACK' : s;
    else if (f.ack) {
      if (s === 'SYN_RECV' && dir === ORIGINAL) {
        n = 'ESTABLISHED';
        e.assured = true;
      } else if (s === 'LAST_ACK') n = 'TIME_WAIT';
      else if (s === undefined) n = 'ESTABLISHED';
    }
    e.tcpState = n ?? 'ESTABLISHED';
    secs = CT_TIMEOUTS.tcp[e.tcpState];
  }
  e.expires = now + secs * 1000;
}
