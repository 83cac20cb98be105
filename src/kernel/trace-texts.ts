// The packet path's narration as data. Every traced step (TraceStep in
// packet.ts) carries a step id and its parameters; its English text is
// rendered from this dictionary when the step is recorded (`what`), so the
// CLIs, transcripts and tests that read English read the same bytes as
// before ids existed. Lab checks never read `what`: they test the id and
// parameters (eslint.config.js, labs block). Other languages render the id
// and parameters from their own dictionary (Korean: src/i18n/path.ts); the
// kernel holds only the English templates.
//
// `{x}` is a parameter: a value shown as it is (an address, a device, a
// rule, an errno text) or a nested step text (a reason inside a sentence,
// `tm('rpf.noRouteBack', …)`), rendered in the same language.

export const TRACE_TEXTS = {
  // ── routing (stack.ts: ipRcv, ipForward, route output) ──
  'route.local': '{ip} is a local address → deliver locally',
  'route.notForwarding': '{ip} is not a local address and net.ipv4.ip_forward is 0 in {ns}: dropped',
  'route.noneNet': 'no route to {ip} (network unreachable)',
  'route.noneType': 'no route to {ip} ({type})',
  'route.forwardVia': 'forward {ip} via {gw} dev {dev}',
  'route.forwardDev': 'forward {ip} via dev {dev}',
  'route.outLocal': 'route to {ip}: local (loopback) src {src}',
  'route.outVia': 'route to {ip}: via {gw} dev {dev} src {src}',
  'route.outDev': 'route to {ip}: dev {dev} src {src}',
  'route.ttlExpired': 'TTL expired while forwarding {pkt}: ICMP time exceeded',
  'route.fragNeeded': '{n}-byte packet with DF set does not fit the MTU {mtu} of {dev}: ICMP fragmentation needed (mtu = {mtu})',
  // ── reverse path filter (stack.ts: fib_validate_source) ──
  'rpf.drop': 'reverse path filter (rp_filter={n}, {mode}) on {dev} in {ns}: {why}: dropped',
  'rpf.strict': 'strict',
  'rpf.loose': 'loose',
  'rpf.noRouteBack': 'no route back to {ip}',
  'rpf.martian': '{ip} is a {type} address (martian source)',
  'rpf.wrongDev': 'the route back to {ip} leaves by {out}, not {dev}',
  // ── neighbours and ARP ──
  'neigh.known': '{ip} is {mac} ({state})',
  'neigh.queued': '{ip} not in the neighbour table of {dev}: ARP request, packet queued',
  'neigh.failed': 'no ARP reply from {ip} after {n} requests: neighbour FAILED',
  'neigh.unreachable': '{ip} did not answer ARP on {dev}: host unreachable',
  'arp.request': '{dev}: who-has {ip} tell {src} (broadcast)',
  'arp.probe': '{dev}: who-has {ip} tell {src} (unicast probe)',
  'arp.us': '{dev}: who-has {ip} — that is us, replying is-at {mac}',
  'arp.proxy': '{dev}: who-has {ip} — routed out of {out}, proxy_arp answers is-at {mac}',
  'arp.reply': '{dev}: {ip} is-at {mac} (neighbour REACHABLE)',
  // ── VXLAN (dev/vxlan.ts) ──
  'vxlan.sent': '{dev}: VXLAN vni {vni} → {dst} (UDP from {src})',
  'vxlan.rcv': 'VXLAN vni {vni} from {src}: inner frame delivered on {dev}',
  'vxlan.noVtep': '{dev}: no remote VTEP for {mac} (no fdb entry, no remote): dropped',
  'vxlan.noRoute': '{dev}: no route to the remote VTEP {ip}: dropped',
  'vxlan.circular': '{dev}: the route to the remote VTEP {ip} leaves through {dev} itself (circular route): dropped',
  'vxlan.noDevice': 'VXLAN socket on UDP port {port}: no device with vni {vni}: dropped',
  'vxlan.notVxlan': 'VXLAN socket on UDP port {port}: not a VXLAN datagram: dropped',
  // ── bridges (stack.ts: br_handle_frame) ──
  'bridge.known': '{br}: {mac} is known on port {port} (FDB) → forwarded',
  'bridge.unknown': '{br}: {mac} unknown in the FDB → flooded',
  'bridge.broadcast': '{br}: broadcast from {port} flooded to the other ports',
  'bridge.multicast': '{br}: multicast from {port} flooded to the other ports',
  'bridge.mtu': '{br}: frame larger than the MTU {mtu} of port {port}: dropped',
  'bridge.stpLearning': '{br}: port {port} is in STP state learning: source learned, frame dropped',
  'bridge.stpDrop': '{br}: port {port} is in STP state {state}: frame dropped',
  // ── devices and links ──
  'link.vethSent': 'sent on {dev} → veth peer {peer} in {ns}',
  'link.wireSent': 'sent on {dev} → wire {wire} → {host} {peer}',
  'link.sent': '{kind} {dev} → {peer}',
  'link.arrived': '{pkt} arrived on {dev}',
  'link.down': '{dev} is down',
  'link.vethPeerDown': '{dev}: veth peer is down, frame dropped',
  'link.hopLimit': 'frame dropped on {dev}: hop limit (a bridging loop?)',
  'link.vethMtu': '{dev}: {n}-byte packet is larger than the MTU {mtu} of veth peer {peer}: dropped',
  'link.fragmented': '{n}-byte packet is larger than the MTU {mtu} of {dev}: sent as {k} fragments',
  'link.reassembled': 'fragments of {pkt} reassembled ({n} bytes)',
  // ── ICMP, TCP, UDP ──
  'icmp.echo': 'echo request from {ip} → echo reply',
  'icmp.noRouteBack': 'cannot route the echo reply to {ip}: {err}',
  'icmp.pmtu': 'fragmentation needed for {ip} (mtu = {mtu}): path MTU learned',
  'udp.noSocket': 'no socket on UDP port {port}: ICMP port unreachable',
  'sock.noRoute': 'no route to {ip}: connect: {err}',
  'sock.connectFailed': 'connect to {ip} port {port} failed: {err}',
  // ── netfilter (netfilter/netfilter.ts) ──
  'nf.rule': 'iptables -t {table} {chain} rule {n} ({spec})',
  'nf.policyDrop': '{table} {chain}: policy DROP (no rule accepted the packet)',
  'nf.policyDropped': 'dropped by the policy DROP of iptables -t {table} {chain}',
  'nf.verdict': '{rule} → {verdict}',
  'nf.dropped': 'dropped by {rule}',
  'nf.rejected': 'rejected by {rule}',
  'nf.trace': '{rule} → TRACE: the packet is traced from here on (xtables-monitor --trace shows each rule it meets)',
  'nf.bindDst': '{rule}: {target} binds the connection, destination → {to}',
  'nf.bindSrc': '{rule}: {target} binds the connection, source → {to}',
  'nat.src': '{hook} nat: source {from} → {to}',
  'nat.dst': '{hook} nat: destination {from} → {to}',
  'nat.replySrc': '{hook} nat: reply of a translated connection, source {from} → {to}',
  'nat.replyDst': '{hook} nat: reply of a translated connection, destination {from} → {to}',
  // ── IPVS (ipvs/ipvs.ts, stack.ts) ──
  'ipvs.reply': 'IPVS: reply from real server {from} → source back to {to}',
  'ipvs.noDest': 'IPVS: {proto} {vip} has no real server → port unreachable',
  'ipvs.sched': 'IPVS: {proto} {vip} {sched} → real server {rs} ({fwd})',
  'ipvs.noRoute': 'IPVS: no route to real server {ip}',
} as const satisfies Record<string, string>;

/** A step id of the dictionary. */
export type TraceId = keyof typeof TRACE_TEXTS;

/** A parameter: a value shown as it is, or a nested step text. */
export type TraceParam = string | number | TraceMsg;

/** A step's text as data: its id and parameters. */
export interface TraceMsg {
  readonly id: TraceId;
  readonly params?: Readonly<Record<string, TraceParam>>;
}

/** The parameter names of a template. */
type Names<S extends string> = S extends `${string}{${infer N}}${infer R}` ? N | Names<R> : never;
/** The parameters step `I` takes. */
export type TraceParamsOf<I extends TraceId> = Names<(typeof TRACE_TEXTS)[I]>;

/** A step text with its parameters (the compiler checks their names against the English template). */
export function tm<I extends TraceId>(id: I, ...params: [TraceParamsOf<I>] extends [never] ? [] : [Record<TraceParamsOf<I>, TraceParam>]): TraceMsg {
  return params.length ? { id, params: params[0] } : { id };
}

/** `{name}`, and `{name|particle}` (Korean templates). */
export const TRACE_PLACEHOLDER = /\{(\w+)(?:\|([^}]+))?\}/g;

/** A step text in English (what `TraceStep.what` holds). */
export function traceEnglish(msg: TraceMsg): string {
  const t = (TRACE_TEXTS as Record<string, string>)[msg.id];
  if (t === undefined) return msg.id;
  const params = msg.params ?? {};
  return t.replace(TRACE_PLACEHOLDER, (x, name: string) => {
    const v = params[name];
    if (v === undefined) return x;
    return typeof v === 'object' ? traceEnglish(v) : String(v);
  });
}

/** Whether `x` has the shape of a step text with a known id (data from the worker or storage may not). */
export function isTraceMsg(x: unknown): x is TraceMsg {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  if (typeof o.id !== 'string' || !Object.hasOwn(TRACE_TEXTS, o.id)) return false;
  if (o.params === undefined) return true;
  if (typeof o.params !== 'object' || o.params === null) return false;
  return Object.values(o.params).every((v) => typeof v === 'string' || typeof v === 'number' || isTraceMsg(v));
}
