// Wire formats as small typed values. Frames are structured objects, not
// byte arrays; sizes are computed from the real header lengths so counters,
// `ping` byte counts and tcpdump lengths are right.
//
//   EthFrame ─┬─ ArpPacket
//             └─ Ipv4Packet ─┬─ IcmpMessage
//                            ├─ UdpDatagram
//                            └─ TcpSegment

import type { Ip4, Mac } from './addr.ts';
import { traceEnglish, type TraceId, type TraceMsg, type TraceParam } from './trace-texts.ts';

/** One decision on a packet's path (what the packet-path view and checks explain). */
export interface TraceStep {
  /** Virtual time (ms). */
  at: number;
  /** Host and namespace, e.g. `host/red`. */
  where: string;
  /** Stage, e.g. `routing`, `neigh`, `bridge`, `netfilter`, `xmit`, `rcv`, `drop`. */
  stage: string;
  /** The decision as data: a step id of TRACE_TEXTS (trace-texts.ts)… */
  id: TraceId;
  /** …and its parameters (values, or nested step texts). */
  params?: Readonly<Record<string, TraceParam>>;
  /** The decision in English, rendered from the id and parameters when recorded. */
  what: string;
}

/** A trace shared by a packet and everything it causes (replies, errors). */
export interface Trace {
  steps: TraceStep[];
  /** Bound on recorded steps. */
  max: number;
}

export interface ArpPacket {
  op: 'request' | 'reply';
  sha: Mac;
  spa: Ip4;
  tha: Mac;
  tpa: Ip4;
}

export interface IcmpMessage {
  proto: 'icmp';
  type: number;
  code: number;
  /** Echo identifier and sequence (types 0/8). */
  id: number;
  seq: number;
  /** Payload length in bytes (echo data, or the quoted datagram for errors). */
  dataLen: number;
  /** Echo: virtual send time carried in the payload (as ping's timestamp). */
  sentAt?: number;
  /** Errors: the offending datagram (header + first bytes). */
  quoted?: Ipv4Packet;
  /** Redirect gateway / frag-needed MTU. */
  gateway?: Ip4;
  mtu?: number;
}

export interface UdpDatagram {
  proto: 'udp';
  sport: number;
  dport: number;
  data: string;
  /** A VXLAN datagram: the 8-byte VXLAN header (flags I, the VNI) and the inner Ethernet frame; `data` is empty. */
  vxlan?: { vni: number; frame: EthFrame };
}

export interface TcpFlags {
  syn?: boolean;
  ack?: boolean;
  fin?: boolean;
  rst?: boolean;
  psh?: boolean;
  urg?: boolean;
}

export interface TcpSegment {
  proto: 'tcp';
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  flags: TcpFlags;
  window: number;
  data: string;
  /** The options the segment carries, in wire order (what tcpdump prints). */
  options?: TcpOption[];
}

/** One TCP option (RFC 9293 MSS, RFC 2018 SACK-permitted, RFC 7323 timestamps and window scale, NOP padding). */
export type TcpOption = { kind: 'mss'; mss: number } | { kind: 'sackOK' } | { kind: 'ts'; val: number; ecr: number } | { kind: 'nop' } | { kind: 'wscale'; shift: number };

const TCP_OPT_LEN: Record<TcpOption['kind'], number> = { mss: 4, sackOK: 2, ts: 10, nop: 1, wscale: 3 };

/** Bytes of a TCP header with these options (20 plus the options, padded to 4). */
export function tcpHeaderLen(options: readonly TcpOption[] | undefined): number {
  let n = 0;
  for (const o of options ?? []) n += TCP_OPT_LEN[o.kind];
  return 20 + Math.ceil(n / 4) * 4;
}

export type L4 = IcmpMessage | UdpDatagram | TcpSegment;

export interface Ipv4Packet {
  src: Ip4;
  dst: Ip4;
  ttl: number;
  tos: number;
  id: number;
  /** Don't-fragment bit. */
  df: boolean;
  payload: L4;
  /**
   * Set on a fragment: byte offset of its data in the original datagram,
   * more-fragments flag, and how many data bytes it carries. The payload
   * stays the whole L4 message (the first fragment's header is what
   * reassembly keeps); lengths and counters come from `len`.
   */
  frag?: { off: number; mf: boolean; len: number };
}

export interface Ipv6Packet {
  /** Only what loopback ping6 needs. */
  src: string;
  dst: string;
  hlim: number;
  payload: IcmpMessage;
}

/**
 * An 802.1D configuration BPDU (sent to 01:80:c2:00:00:00 with an LLC
 * header). Bridge ids are 16 hex digits (priority then MAC), times in
 * centiseconds except `messageAge` (ms).
 */
export interface Bpdu {
  root: string;
  cost: number;
  bridge: string;
  port: number;
  messageAge: number;
  maxAge: number;
  helloTime: number;
  forwardDelay: number;
}

export interface EthFrame {
  src: Mac;
  dst: Mac;
  type: 'arp' | 'ipv4' | 'ipv6' | 'stp';
  payload: ArpPacket | Ipv4Packet | Ipv6Packet | Bpdu;
  /** Metadata that travels with the buffer but is not on the wire. */
  trace?: Trace;
}

/** Bytes of an L4 payload including its header. */
export function l4Len(p: L4): number {
  switch (p.proto) {
    case 'icmp':
      return 8 + p.dataLen;
    case 'udp':
      return 8 + (p.vxlan ? 8 + frameLen(p.vxlan.frame) : utf8Len(p.data));
    case 'tcp':
      return tcpHeaderLen(p.options) + utf8Len(p.data);
  }
}

/** Total length field of an IPv4 packet. */
export function ip4Len(p: Ipv4Packet): number {
  return 20 + (p.frag ? p.frag.len : l4Len(p.payload));
}

/**
 * An upper bound of ip4Len that never scans payload text (UTF-8 is at most
 * 3 bytes per UTF-16 unit): size checks against an MTU use it first and
 * compute the exact length only for packets that might not fit.
 */
export function ip4LenMax(p: Ipv4Packet): number {
  if (p.frag) return 20 + p.frag.len;
  const l = p.payload;
  switch (l.proto) {
    case 'icmp':
      return 28 + l.dataLen;
    case 'udp':
      return l.vxlan ? 36 + frameLen(l.vxlan.frame) : 28 + 3 * l.data.length;
    case 'tcp':
      return 60 + 3 * l.data.length;
  }
}

/**
 * ip_do_fragment: split a datagram (or a fragment) into pieces of at most
 * `mtu` bytes; data per piece is a multiple of 8, the last one carries the
 * rest and the original more-fragments flag.
 */
export function fragmentIp4(p: Ipv4Packet, mtu: number): Ipv4Packet[] {
  const base = p.frag?.off ?? 0;
  const total = p.frag ? p.frag.len : l4Len(p.payload);
  const lastMf = p.frag?.mf ?? false;
  const chunk = Math.max(8, Math.floor((mtu - 20) / 8) * 8);
  const out: Ipv4Packet[] = [];
  for (let off = 0; off < total; off += chunk) {
    const len = Math.min(chunk, total - off);
    const last = off + len >= total;
    const q = cloneIp4(p);
    q.df = false;
    q.frag = { off: base + off, mf: last ? lastMf : true, len };
    out.push(q);
  }
  return out;
}

/** Bytes of a frame on the wire (Ethernet header, no FCS), as interface counters count. */
export function frameLen(f: EthFrame): number {
  switch (f.type) {
    case 'arp':
      return 14 + 28;
    case 'ipv4':
      return 14 + ip4Len(f.payload as Ipv4Packet);
    case 'ipv6':
      return 14 + 40 + 8 + (f.payload as Ipv6Packet).payload.dataLen;
    case 'stp':
      // 802.3 header, LLC (3), configuration BPDU (35).
      return 14 + 3 + 35;
  }
}

/** UTF-8 length of a string (payloads are text in this simulation). */
export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Deep copy of an IPv4 packet (NAT and TTL changes must not leak to other copies). */
export function cloneIp4(p: Ipv4Packet): Ipv4Packet {
  const payload = { ...p.payload } as L4;
  if (payload.proto === 'tcp') payload.flags = { ...payload.flags };
  if (payload.proto === 'icmp' && payload.quoted) payload.quoted = cloneIp4(payload.quoted);
  if (payload.proto === 'udp' && payload.vxlan) payload.vxlan = { vni: payload.vxlan.vni, frame: cloneFrame(payload.vxlan.frame) };
  const q = { ...p, payload };
  if (p.frag) q.frag = { ...p.frag };
  return q;
}

/** Deep copy of a frame (a frame delivered to two ports must be two buffers). */
export function cloneFrame(f: EthFrame): EthFrame {
  let payload: EthFrame['payload'];
  if (f.type === 'ipv4') payload = cloneIp4(f.payload as Ipv4Packet);
  else if (f.type === 'arp') payload = { ...(f.payload as ArpPacket) };
  else if (f.type === 'stp') payload = { ...(f.payload as Bpdu) };
  else payload = { ...(f.payload as Ipv6Packet), payload: { ...(f.payload as Ipv6Packet).payload } };
  return { src: f.src, dst: f.dst, type: f.type, payload, trace: f.trace };
}

/** Record a step on a trace, if the packet carries one: its id and parameters, and their English text. */
export function traceStep(t: Trace | undefined, at: number, where: string, stage: string, msg: TraceMsg): void {
  if (t && t.steps.length < t.max) t.steps.push({ at, where, stage, id: msg.id, ...(msg.params ? { params: msg.params } : {}), what: traceEnglish(msg) });
}
