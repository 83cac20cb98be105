// IP Virtual Server: a table of virtual services (protocol, VIP, port,
// scheduler) each with real servers, per network namespace, as
// net/netfilter/ipvs keeps it, and its packet path for the masquerading
// (NAT) forwarding method kube-proxy's IPVS mode uses.
//
//   client ──> VIP:vport ──LOCAL_IN/LOCAL_OUT──> ip_vs_in: connection lookup,
//              or schedule (rr) a real server → DNAT to RIP:rport ──> out
//   RIP:rport ──> client ──FORWARD/LOCAL_IN──> ip_vs_out: the connection's
//              reply → SNAT back to VIP:vport ──> client
//
// Connections (struct ip_vs_conn) live in their own table with IPVS's
// timeouts; the packet's conntrack entry gets the real server as its reply
// tuple (ip_vs_update_conntrack), so iptables NAT (kube-proxy's
// KUBE-POSTROUTING MASQUERADE) binds and un-binds around it. `ipvsadm`
// reads and writes the table; kube-proxy programs it.

import type { NetNs } from '../netns.ts';
import type { IpvsImpl, Skb } from '../stack.ts';
import { fmtIp4, parseIp4 } from '../addr.ts';
import { cloneIp4, ip4Len, traceStep } from '../packet.ts';
import { tm, type TraceMsg } from '../trace-texts.ts';
import { nfOf, type SkbCt } from '../netfilter/netfilter.ts';
import { ORIGINAL, invert } from '../netfilter/conntrack.ts';

/** Packet and byte counters (struct ip_vs_kstats). */
export interface IpvsStats {
  conns: number;
  inpkts: number;
  outpkts: number;
  inbytes: number;
  outbytes: number;
}

const zeroStats = (): IpvsStats => ({ conns: 0, inpkts: 0, outpkts: 0, inbytes: 0, outbytes: 0 });

/** A real server behind a virtual service. */
export interface IpvsDest {
  addr: string;
  port: number;
  weight: number;
  fwd: 'Masq' | 'Route' | 'Tunnel';
  activeConns: number;
  inactConns: number;
  stats?: IpvsStats;
}

/** A virtual service. */
export interface IpvsService {
  proto: 'TCP' | 'UDP';
  addr: string;
  port: number;
  sched: string;
  dests: IpvsDest[];
  /** rr cursor. */
  next: number;
  stats?: IpvsStats;
}

/** IPVS TCP states as `ipvsadm -Lnc` names them. */
type ConnState = 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'TIME_WAIT' | 'CLOSE' | 'UDP';

/** Timeouts in seconds (ip_vs_proto_tcp.c tcp_timeouts, udp_timeouts). */
const TIMEOUT: Record<ConnState, number> = { SYN_RECV: 60, ESTABLISHED: 900, FIN_WAIT: 120, TIME_WAIT: 120, CLOSE: 10, UDP: 300 };

/** One connection (struct ip_vs_conn): client, virtual and real address. */
export interface IpvsConn {
  proto: 'TCP' | 'UDP';
  caddr: number;
  cport: number;
  vaddr: number;
  vport: number;
  daddr: number;
  dport: number;
  svc: IpvsService;
  dest: IpvsDest;
  state: ConnState;
  /** Counted in the dest's InActConn (IP_VS_CONN_F_INACTIVE). */
  inactive: boolean;
  expires: number;
}

/** The IPVS state of one namespace. */
export class IpvsTable {
  readonly services: IpvsService[] = [];
  /** Connections by client→virtual key and by real→client key. */
  private readonly inConns = new Map<string, IpvsConn>();
  private readonly outConns = new Map<string, IpvsConn>();

  find(proto: string, addr: string, port: number): IpvsService | undefined {
    return this.services.find((s) => s.proto === proto && s.addr === addr && s.port === port);
  }

  /** ip_vs_add_service (EEXIST when present). */
  addService(s: Omit<IpvsService, 'dests' | 'next'>): IpvsService {
    const have = this.find(s.proto, s.addr, s.port);
    if (have) return have;
    const n: IpvsService = { ...s, dests: [], next: 0 };
    this.services.push(n);
    return n;
  }

  delService(proto: string, addr: string, port: number): boolean {
    const i = this.services.findIndex((s) => s.proto === proto && s.addr === addr && s.port === port);
    if (i < 0) return false;
    this.services.splice(i, 1);
    return true;
  }

  /** Round-robin over dests with weight > 0 (ip_vs_rr_schedule). */
  schedule(s: IpvsService): IpvsDest | undefined {
    const live = s.dests.filter((d) => d.weight > 0);
    if (!live.length) return undefined;
    const d = live[s.next % live.length];
    s.next = (s.next + 1) % live.length;
    return d;
  }

  /** Live connections; expired ones are released first (ip_vs_conn_expire). */
  conns(now: number): IpvsConn[] {
    for (const c of [...this.inConns.values()]) if (c.expires <= now) this.expire(c);
    return [...this.inConns.values()];
  }

  /** A connection by its client→virtual side. */
  lookupIn(proto: string, caddr: number, cport: number, vaddr: number, vport: number, now: number): IpvsConn | undefined {
    return this.live(this.inConns.get(`${proto} ${caddr}:${cport} ${vaddr}:${vport}`), now);
  }

  /** A connection by its real server→client side (a reply). */
  lookupOut(proto: string, daddr: number, dport: number, caddr: number, cport: number, now: number): IpvsConn | undefined {
    return this.live(this.outConns.get(`${proto} ${daddr}:${dport} ${caddr}:${cport}`), now);
  }

  /** ip_vs_conn_new + ip_vs_bind_dest. */
  newConn(c: IpvsConn): void {
    this.inConns.set(`${c.proto} ${c.caddr}:${c.cport} ${c.vaddr}:${c.vport}`, c);
    this.outConns.set(`${c.proto} ${c.daddr}:${c.dport} ${c.caddr}:${c.cport}`, c);
    if (c.inactive) c.dest.inactConns++;
    else c.dest.activeConns++;
  }

  private live(c: IpvsConn | undefined, now: number): IpvsConn | undefined {
    if (c && c.expires <= now) {
      this.expire(c);
      return undefined;
    }
    return c;
  }

  private expire(c: IpvsConn): void {
    this.inConns.delete(`${c.proto} ${c.caddr}:${c.cport} ${c.vaddr}:${c.vport}`);
    this.outConns.delete(`${c.proto} ${c.daddr}:${c.dport} ${c.caddr}:${c.cport}`);
    if (c.inactive) c.dest.inactConns = Math.max(0, c.dest.inactConns - 1);
    else c.dest.activeConns = Math.max(0, c.dest.activeConns - 1);
  }
}

const tables = new WeakMap<NetNs, IpvsTable>();

/** The IPVS table of a namespace (created on first use, as loading ip_vs does). */
export function ipvsOf(ns: NetNs): IpvsTable {
  let t = tables.get(ns);
  if (!t) {
    tables.set(ns, (t = new IpvsTable()));
    ns.kernel.stack.ipvs ??= IPVS_HOOKS;
  }
  return t;
}

/** Whether IPVS was ever used in a namespace. */
export function hasIpvs(ns: NetNs): boolean {
  return tables.has(ns);
}

/** Move a TCP connection through IPVS's states and the dest's active/inactive counters (set_tcp_state). */
function tcpState(c: IpvsConn, flags: { syn?: boolean; ack?: boolean; fin?: boolean; rst?: boolean }, fromClient: boolean, now: number): void {
  let s = c.state;
  if (flags.rst) s = 'CLOSE';
  else if (flags.fin) s = s === 'FIN_WAIT' || s === 'TIME_WAIT' ? 'TIME_WAIT' : 'FIN_WAIT';
  else if (flags.syn && fromClient) s = s === 'TIME_WAIT' || s === 'CLOSE' ? 'SYN_RECV' : s;
  else if (flags.ack && fromClient && s === 'SYN_RECV') s = 'ESTABLISHED';
  const inactive = s !== 'ESTABLISHED';
  if (inactive !== c.inactive) {
    if (inactive) {
      c.dest.activeConns = Math.max(0, c.dest.activeConns - 1);
      c.dest.inactConns++;
    } else {
      c.dest.inactConns = Math.max(0, c.dest.inactConns - 1);
      c.dest.activeConns++;
    }
    c.inactive = inactive;
  }
  c.state = s;
  c.expires = now + TIMEOUT[s] * 1000;
}

function count(st: IpvsStats | undefined, dir: 'in' | 'out', bytes: number): void {
  if (!st) return;
  if (dir === 'in') {
    st.inpkts++;
    st.inbytes += bytes;
  } else {
    st.outpkts++;
    st.outbytes += bytes;
  }
}

/** The hooks the stack calls (ip_vs_ops4). */
export const IPVS_HOOKS: IpvsImpl = {
  hook(hook, ns, skb) {
    const t = tables.get(ns);
    const p = skb.pkt;
    const l = p.payload;
    if (!t || (l.proto !== 'tcp' && l.proto !== 'udp')) return 'accept';
    const proto = l.proto === 'tcp' ? 'TCP' : 'UDP';
    const now = ns.kernel.clock.now;
    const say = (msg: TraceMsg): void => {
      if (skb.trace) traceStep(skb.trace, now, ns.label, 'ipvs', msg);
    };
    // ip_vs_out: a reply from a real server of one of our connections.
    const r = t.lookupOut(proto, p.src, l.sport, p.dst, l.dport, now);
    if (r) {
      const q = cloneIp4(p);
      q.src = r.vaddr;
      (q.payload as typeof l).sport = r.vport;
      if (l.proto === 'tcp') tcpState(r, l.flags, false, now);
      else r.expires = now + TIMEOUT.UDP * 1000;
      count(r.svc.stats, 'out', ip4Len(p));
      count(r.dest.stats, 'out', ip4Len(p));
      say(tm('ipvs.reply', { from: `${fmtIp4(p.src)}:${l.sport}`, to: `${fmtIp4(r.vaddr)}:${r.vport}` }));
      skb.pkt = q;
      return 'accept';
    }
    if (hook === 'FORWARD') return 'accept';
    // ip_vs_in: a request to a virtual service.
    let c = t.lookupIn(proto, p.src, l.sport, p.dst, l.dport, now);
    if (!c) {
      const svc = t.services.length ? t.find(proto, fmtIp4(p.dst), l.dport) : undefined;
      if (!svc) return 'accept';
      // tcp_conn_schedule: only a SYN opens a connection.
      if (l.proto === 'tcp' && !(l.flags.syn && !l.flags.ack)) return 'accept';
      const dest = t.schedule(svc);
      if (!dest) {
        // ip_vs_leave: no real server → ICMP port unreachable.
        say(tm('ipvs.noDest', { proto: svc.proto, vip: `${svc.addr}:${svc.port}` }));
        ns.kernel.stack.icmpSendError(ns, skb, 3, 3);
        return 'drop';
      }
      svc.stats ??= zeroStats();
      dest.stats ??= zeroStats();
      svc.stats.conns++;
      dest.stats.conns++;
      c = { proto, caddr: p.src, cport: l.sport, vaddr: p.dst, vport: l.dport, daddr: parseIp4(dest.addr)!, dport: dest.port, svc, dest, state: l.proto === 'tcp' ? 'SYN_RECV' : 'UDP', inactive: true, expires: now + (l.proto === 'tcp' ? TIMEOUT.SYN_RECV : TIMEOUT.UDP) * 1000 };
      t.newConn(c);
      say(tm('ipvs.sched', { proto: svc.proto, vip: `${svc.addr}:${svc.port}`, sched: svc.sched, rs: `${dest.addr}:${dest.port}`, fwd: dest.fwd }));
      updateConntrack(ns, skb, c);
    } else if (l.proto === 'tcp') tcpState(c, l.flags, true, now);
    else c.expires = now + TIMEOUT.UDP * 1000;
    count(c.svc.stats, 'in', ip4Len(p));
    count(c.dest.stats, 'in', ip4Len(p));
    const q = cloneIp4(p);
    q.dst = c.daddr;
    (q.payload as typeof l).dport = c.dport;
    skb.pkt = q;
    skb.ipvs = { proto: l.proto === 'tcp' ? 6 : 17, vaddr: c.vaddr, vport: c.vport };
    return hook === 'INPUT' ? 'xmit' : 'accept';
  },
};

/**
 * ip_vs_update_conntrack: the connection's reply will come from the real
 * server, so its conntrack reply tuple says so before the entry is
 * confirmed (IPVS runs before conntrack's confirm at LOCAL_IN; an entry the
 * INPUT hook already confirmed is taken back and confirmed at POSTROUTING).
 */
function updateConntrack(ns: NetNs, skb: Skb, c: IpvsConn): void {
  const ct = skb.ctinfo as SkbCt | undefined;
  const e = ct?.entry;
  if (!ct || !e || ct.dir !== ORIGINAL || ct.info !== 'NEW') return;
  if (e.confirmed) {
    nfOf(ns).conntrack.remove(e);
    e.confirmed = false;
  }
  e.tuple[1] = invert({ ...e.tuple[0], dst: c.daddr, dport: c.dport });
}
