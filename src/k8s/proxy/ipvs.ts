// kube-proxy's IPVS mode (pkg/proxy/ipvs/proxier.go): every ClusterIP (and
// load-balancer VIP) is bound to the dummy interface kube-ipvs0 (so the node
// accepts packets for it) and becomes a virtual server with the `rr`
// scheduler and one masqueraded real server per endpoint; NodePorts become
// virtual servers on each node address. Beside IPVS the proxier keeps its
// addresses and ports in IP sets (ipset.go ipsetInfo: KUBE-CLUSTER-IP
// hash:ip,port, KUBE-NODE-PORT-TCP bitmap:port, KUBE-LOOP-BACK
// hash:ip,port,ip, …) and writes a fixed, small iptables ruleset that
// matches them with `-m set --match-set` (writeIptablesRules): the rule count
// does not grow with the number of Services.
//
//   PREROUTING/OUTPUT ─> nat KUBE-SERVICES ─(-s 127.0.0.0/8)─> RETURN
//        ├─(KUBE-LOAD-BALANCER dst,dst)─> KUBE-LOAD-BALANCER ─(…-LOCAL)─> RETURN | KUBE-MARK-MASQ
//        ├─(KUBE-CLUSTER-IP dst,dst, ! -s clusterCIDR)─> KUBE-MARK-MASQ
//        ├─(addrtype LOCAL)─> KUBE-NODE-PORT ─(-p tcp KUBE-NODE-PORT-LOCAL-TCP dst)─> RETURN
//        │                                  └─(-p tcp KUBE-NODE-PORT-TCP dst)─> KUBE-MARK-MASQ
//        └─(KUBE-CLUSTER-IP / KUBE-LOAD-BALANCER dst,dst)─> ACCEPT      then IPVS at LOCAL_IN/LOCAL_OUT
//   INPUT ─> filter KUBE-IPVS-FILTER (a NEW packet to a kube-ipvs0 address that is no service port: REJECT)
//         ─> KUBE-PROXY-FIREWALL ─(KUBE-LOAD-BALANCER-FW)─> KUBE-SOURCE-RANGES-FIREWALL ─(…-SOURCE-CIDR dst,dst,src)─> RETURN | DROP
//   POSTROUTING ─> KUBE-POSTROUTING (KUBE-LOOP-BACK hairpin and 0x4000-marked → MASQUERADE)
//
// The sets are created as ipset/ipset.go's createSet asks for them (`create
// NAME TYPE family inet hashsize 1024 maxelem 65536`, bitmap:port with
// `range 0-65535`) and their members kept equal to what the sync computed
// (syncIPSetEntries: add the missing, delete the stale).

import type { Kernel } from '../../kernel/kernel.ts';
import { inNet, parseIp4 } from '../../kernel/addr.ts';
import { ipvsOf } from '../../kernel/ipvs/ipvs.ts';
import { ipsetAdd, ipsetCreate, ipsetDel, ipsetEntries, ipsetOf, type IpSet, type IpsetEntry } from '../../kernel/netfilter/ipset.ts';
import { categorizeEndpoints, clusterEndpoints, externalPolicyLocal, internalPolicyLocal, type EndpointInfo, type ServicePortInfo } from './model.ts';
import { MASQ_MARK, type JumpChain } from './iptables.ts';

/** The ipvs proxier's iptablesJumpChain list (nat and filter), ensured with EnsureRule(Prepend). */
export const IPVS_JUMP_CHAINS: JumpChain[] = [
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'OUTPUT', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-SERVICES', srcChain: 'PREROUTING', comment: 'kubernetes service portals', extraArgs: [] },
  { table: 'nat', dstChain: 'KUBE-POSTROUTING', srcChain: 'POSTROUTING', comment: 'kubernetes postrouting rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FORWARD', srcChain: 'FORWARD', comment: 'kubernetes forwarding rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-NODE-PORT', srcChain: 'INPUT', comment: 'kubernetes health check rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-PROXY-FIREWALL', srcChain: 'INPUT', comment: 'kube-proxy firewall rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-PROXY-FIREWALL', srcChain: 'FORWARD', comment: 'kube-proxy firewall rules', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-IPVS-FILTER', srcChain: 'INPUT', comment: 'kubernetes ipvs access filter', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-IPVS-OUT-FILTER', srcChain: 'OUTPUT', comment: 'kubernetes ipvs access filter', extraArgs: [] },
];

/** iptablesChains: the chains each sync declares, per table, in order. */
const NAT_CHAINS = ['KUBE-SERVICES', 'KUBE-POSTROUTING', 'KUBE-NODE-PORT', 'KUBE-LOAD-BALANCER', 'KUBE-MARK-MASQ'];
const FILTER_CHAINS = ['KUBE-FORWARD', 'KUBE-NODE-PORT', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'KUBE-IPVS-FILTER', 'KUBE-IPVS-OUT-FILTER'];

/** One set of the proxier (ipsetInfo): name, type and the comment its iptables rules carry. */
export interface IpvsSetInfo {
  name: string;
  type: string;
  comment: string;
}

/** ipsetInfo, in its order (the IPv4 names). */
export const IPVS_SETS: IpvsSetInfo[] = [
  { name: 'KUBE-LOOP-BACK', type: 'hash:ip,port,ip', comment: 'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose' },
  { name: 'KUBE-CLUSTER-IP', type: 'hash:ip,port', comment: 'Kubernetes service cluster ip + port for masquerade purpose' },
  { name: 'KUBE-EXTERNAL-IP', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port for masquerade and filter purpose' },
  { name: 'KUBE-EXTERNAL-IP-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service external ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER', type: 'hash:ip,port', comment: 'Kubernetes service lb portal' },
  { name: 'KUBE-LOAD-BALANCER-FW', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port for load balancer with sourceRange' },
  { name: 'KUBE-LOAD-BALANCER-LOCAL', type: 'hash:ip,port', comment: 'Kubernetes service load balancer ip + port with externalTrafficPolicy=local' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-IP', type: 'hash:ip,port,ip', comment: 'Kubernetes service load balancer ip + port + source IP for packet filter purpose' },
  { name: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', type: 'hash:ip,port,net', comment: 'Kubernetes service load balancer ip + port + source cidr for packet filter purpose' },
  { name: 'KUBE-NODE-PORT-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-TCP', type: 'bitmap:port', comment: 'Kubernetes nodeport TCP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port for masquerade purpose' },
  { name: 'KUBE-NODE-PORT-LOCAL-UDP', type: 'bitmap:port', comment: 'Kubernetes nodeport UDP port with externalTrafficPolicy=local' },
  { name: 'KUBE-NODE-PORT-SCTP-HASH', type: 'hash:ip,port', comment: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'" },
  { name: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', type: 'hash:ip,port', comment: "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'" },
  { name: 'KUBE-HEALTH-CHECK-NODE-PORT', type: 'bitmap:port', comment: 'Kubernetes health check node port' },
  { name: 'KUBE-IPVS-IPS', type: 'hash:ip', comment: 'Addresses on the ipvs interface' },
];

const SET = new Map(IPVS_SETS.map((s) => [s.name, s]));

/** ipsetWithIptablesChain: set, table, from-chain, target, match directions, protocol. */
const SET_RULES: { set: string; table: 'nat' | 'filter'; from: string; to: string; dirs: string; proto: string }[] = [
  { set: 'KUBE-LOOP-BACK', table: 'nat', from: 'KUBE-POSTROUTING', to: 'MASQUERADE', dirs: 'dst,dst,src', proto: '' },
  { set: 'KUBE-LOAD-BALANCER', table: 'nat', from: 'KUBE-SERVICES', to: 'KUBE-LOAD-BALANCER', dirs: 'dst,dst', proto: '' },
  { set: 'KUBE-LOAD-BALANCER-LOCAL', table: 'nat', from: 'KUBE-LOAD-BALANCER', to: 'RETURN', dirs: 'dst,dst', proto: '' },
  { set: 'KUBE-NODE-PORT-LOCAL-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', dirs: 'dst', proto: 'tcp' },
  { set: 'KUBE-NODE-PORT-TCP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', dirs: 'dst', proto: 'tcp' },
  { set: 'KUBE-NODE-PORT-LOCAL-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', dirs: 'dst', proto: 'udp' },
  { set: 'KUBE-NODE-PORT-UDP', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', dirs: 'dst', proto: 'udp' },
  { set: 'KUBE-NODE-PORT-LOCAL-SCTP-HASH', table: 'nat', from: 'KUBE-NODE-PORT', to: 'RETURN', dirs: 'dst,dst', proto: 'sctp' },
  { set: 'KUBE-NODE-PORT-SCTP-HASH', table: 'nat', from: 'KUBE-NODE-PORT', to: 'KUBE-MARK-MASQ', dirs: 'dst,dst', proto: 'sctp' },
  { set: 'KUBE-LOAD-BALANCER-FW', table: 'filter', from: 'KUBE-PROXY-FIREWALL', to: 'KUBE-SOURCE-RANGES-FIREWALL', dirs: 'dst,dst', proto: '' },
  { set: 'KUBE-LOAD-BALANCER-SOURCE-CIDR', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', dirs: 'dst,dst,src', proto: '' },
  { set: 'KUBE-LOAD-BALANCER-SOURCE-IP', table: 'filter', from: 'KUBE-SOURCE-RANGES-FIREWALL', to: 'RETURN', dirs: 'dst,dst,src', proto: '' },
];

/** Options of one node's IPVS proxier. */
export interface IpvsProxierOptions {
  /** --cluster-cidr (LocalDetector ClusterCIDR): `! -s CIDR` on the cluster-IP masquerade rule. */
  clusterCidr?: string;
  masqueradeAll?: boolean;
  /** --hostname-override: whose endpoints are local. */
  nodeName?: string;
  /** The node's primary address (a loadBalancerSourceRanges entry holding it admits the node). */
  nodeIP?: string;
  /** Addresses outside kube-ipvs0 (nodeAddressSet): a VIP among them is not bound to kube-ipvs0. */
  nodeAddresses?: string[];
}

/** What one sync computed: each set's members (Entry.String() spelling) and the load-balancer entries the node may not reach. */
export interface IpvsSyncPlan {
  sets: Map<string, string[]>;
  /** lbNoNodeAccessIPPortProtocolEntries: VIP, protocol, port. */
  lbNoNodeAccess: { ip: string; proto: string; port: number }[];
}

/** The set members and blocked load-balancer entries of one sync (syncProxyRules' ipset part). */
export function planIpvsSync(ports: ServicePortInfo[], opts: IpvsProxierOptions = {}): IpvsSyncPlan {
  const sets = new Map<string, string[]>(IPVS_SETS.map((s) => [s.name, []]));
  const put = (set: string, e: string): void => {
    const l = sets.get(set)!;
    if (!l.includes(e)) l.push(e);
  };
  const lbNoNodeAccess: IpvsSyncPlan['lbNoNodeAccess'] = [];
  const nodeAddrs = new Set(opts.nodeAddresses ?? []);
  const nodeIP = opts.nodeIP ? parseIp4(opts.nodeIP) : undefined;
  for (const sp of ports) {
    // SCTP services are left to the iptables-mode model (IPVS here forwards TCP and UDP).
    if (sp.protocol === 'SCTP') continue;
    const proto = sp.protocol.toLowerCase();
    for (const e of sp.endpoints) if (opts.nodeName && e.nodeName === opts.nodeName) put('KUBE-LOOP-BACK', `${e.ip},${proto}:${e.port},${e.ip}`);
    put('KUBE-CLUSTER-IP', `${sp.clusterIP},${proto}:${sp.port}`);
    put('KUBE-IPVS-IPS', sp.clusterIP);
    for (const vip of sp.loadBalancerVIPs) {
      const entry = `${vip},${proto}:${sp.port}`;
      put('KUBE-LOAD-BALANCER', entry);
      if (externalPolicyLocal(sp)) put('KUBE-LOAD-BALANCER-LOCAL', entry);
      if (sp.loadBalancerSourceRanges.length) {
        put('KUBE-LOAD-BALANCER-FW', entry);
        let allowFromNode = false;
        for (const cidr of sp.loadBalancerSourceRanges) {
          put('KUBE-LOAD-BALANCER-SOURCE-CIDR', `${entry},${cidr}`);
          const [net, len] = cidr.split('/');
          if (nodeIP !== undefined && inNet(nodeIP, parseIp4(net)!, Number(len))) allowFromNode = true;
        }
        if (allowFromNode) put('KUBE-LOAD-BALANCER-SOURCE-IP', `${entry},${vip}`);
        else lbNoNodeAccess.push({ ip: vip, proto, port: sp.port });
      }
      if (!nodeAddrs.has(vip)) put('KUBE-IPVS-IPS', vip);
    }
    if (sp.nodePort) {
      const np = proto === 'tcp' ? 'KUBE-NODE-PORT-TCP' : 'KUBE-NODE-PORT-UDP';
      put(np, String(sp.nodePort));
      if (externalPolicyLocal(sp)) put(proto === 'tcp' ? 'KUBE-NODE-PORT-LOCAL-TCP' : 'KUBE-NODE-PORT-LOCAL-UDP', String(sp.nodePort));
    }
    if (sp.healthCheckNodePort) put('KUBE-HEALTH-CHECK-NODE-PORT', String(sp.healthCheckNodePort));
  }
  return { sets, lbNoNodeAccess };
}

/** The iptables-restore input of the IPVS proxier's sync (writeIptablesRules). */
export function buildIpvsIptablesRestore(plan: IpvsSyncPlan, opts: IpvsProxierOptions = {}): string {
  const chainLine = (c: string): string => `:${c} - [0:0]`;
  const nat: string[] = [];
  const filter: string[] = [];
  const has = (set: string): boolean => (plan.sets.get(set) ?? []).length > 0;
  const comment = (set: string): string => `-m comment --comment "${SET.get(set)!.comment}"`;
  nat.push('-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN');
  for (const r of SET_RULES) {
    if (!has(r.set)) continue;
    (r.table === 'nat' ? nat : filter).push(`-A ${r.from}${r.proto ? ` -p ${r.proto}` : ''} ${comment(r.set)} -m set --match-set ${r.set} ${r.dirs} -j ${r.to}`);
  }
  if (has('KUBE-CLUSTER-IP')) {
    const m = `-A KUBE-SERVICES ${comment('KUBE-CLUSTER-IP')} -m set --match-set KUBE-CLUSTER-IP`;
    if (opts.masqueradeAll) nat.push(`${m} dst,dst -j KUBE-MARK-MASQ`);
    else if (opts.clusterCidr) nat.push(`${m} dst,dst ! -s ${opts.clusterCidr} -j KUBE-MARK-MASQ`);
    else nat.push(`${m} src,dst -j KUBE-MARK-MASQ`);
  }
  nat.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
  nat.push('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
  filter.push('-A KUBE-SOURCE-RANGES-FIREWALL -j DROP');
  for (const e of plan.lbNoNodeAccess) filter.push(`-A KUBE-IPVS-OUT-FILTER -s ${e.ip} -m ipvs --vaddr ${e.ip} --vproto ${e.proto} --vport ${e.port} -j DROP`);
  // acceptIPVSTraffic: last in KUBE-SERVICES.
  for (const s of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) if (has(s)) nat.push(`-A KUBE-SERVICES -m set --match-set ${s} dst,dst -j ACCEPT`);
  filter.push(`-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark ${MASQ_MARK}/${MASQ_MARK} -j ACCEPT`);
  filter.push('-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  filter.push(`-A KUBE-NODE-PORT ${comment('KUBE-HEALTH-CHECK-NODE-PORT')} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`);
  for (const s of ['KUBE-LOAD-BALANCER', 'KUBE-CLUSTER-IP', 'KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) filter.push(`-A KUBE-IPVS-FILTER -m set --match-set ${s} dst,dst -j RETURN`);
  filter.push('-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN');
  filter.push('-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT');
  nat.push(`-A KUBE-POSTROUTING -m mark ! --mark ${MASQ_MARK}/${MASQ_MARK} -j RETURN`);
  nat.push(`-A KUBE-POSTROUTING -j MARK --xor-mark ${MASQ_MARK}`);
  nat.push('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  nat.push(`-A KUBE-MARK-MASQ -j MARK --or-mark ${MASQ_MARK}`);
  return ['*nat', ...NAT_CHAINS.map(chainLine), ...nat, 'COMMIT', '*filter', ...FILTER_CHAINS.map(chainLine), ...filter, 'COMMIT', ''].join('\n');
}

const PROTO_NUM: Record<string, number> = { tcp: 6, udp: 17 };

/** An element in Entry.String() spelling as the kernel stores it (what `ipset add NAME ENTRY` parses). */
function parseEntry(type: string, s: string): IpsetEntry {
  const base = { packets: 0, bytes: 0 };
  if (type === 'bitmap:port') return { ip: 0, cidr: 0, port: Number(s), ...base };
  if (type === 'hash:ip') return { ip: parseIp4(s)!, cidr: 32, ...base };
  const [a, pp, c] = s.split(',');
  const [proto, port] = pp.split(':');
  const e: IpsetEntry = { ip: parseIp4(a)!, cidr: 32, proto: PROTO_NUM[proto], port: Number(port), ...base };
  if (c !== undefined) {
    const [n, len] = c.split('/');
    e.ip2 = parseIp4(n)!;
    e.cidr2 = len === undefined ? 32 : Number(len);
  }
  return e;
}

/** ensureIPSet + syncIPSetEntries: create the proxier's sets if missing, then make their members the planned ones. */
export function syncIpvsSets(k: Kernel, plan: IpvsSyncPlan): void {
  const ns = k.initNs;
  const st = ipsetOf(ns);
  for (const info of IPVS_SETS) {
    let set = st.sets.get(info.name);
    if (!set || set.type !== info.type) {
      // `ipset create NAME TYPE family inet hashsize 1024 maxelem 65536 -exist` (bitmap:port: `range 0-65535`).
      const fresh: IpSet = { name: info.name, type: info.type, hashsize: 1024, maxelem: 65536, counters: false, comment: false, size: 8, initval: k.rng.u32(), entries: new Map() };
      if (info.type === 'bitmap:port') fresh.portRange = [0, 65535];
      try {
        ipsetCreate(ns, fresh, true);
      } catch {
        continue;
      }
      set = st.sets.get(info.name)!;
    }
    const want = (plan.sets.get(info.name) ?? []).map((s) => parseEntry(info.type, s));
    const key = (e: IpsetEntry): string => `${e.ip}/${e.cidr}/${e.proto ?? ''}/${e.port ?? ''}/${e.ip2 ?? ''}/${e.cidr2 ?? ''}`;
    const wantKeys = new Set(want.map(key));
    for (const e of ipsetEntries(set, k.clock.now)) if (!wantKeys.has(key(e))) ipsetDel(ns, set, e, true);
    for (const e of want) ipsetAdd(ns, set, e, true);
  }
}

/** The endpoints a virtual server gets (syncEndpoint): local ones for a Local policy when any, else the cluster ones. */
function vsEndpoints(sp: ServicePortInfo, nodeName: string | undefined, onlyLocal: boolean): EndpointInfo[] {
  if (!onlyLocal) return clusterEndpoints(sp);
  const c = categorizeEndpoints(sp, nodeName);
  return c.local.length ? c.local : c.cluster;
}

/** Bring IPVS and kube-ipvs0 in line with the service ports. */
export function syncIpvs(k: Kernel, ports: ServicePortInfo[], opts: IpvsProxierOptions = {}): void {
  const ns = k.initNs;
  let dummy = ns.devByName('kube-ipvs0');
  if (!dummy) dummy = ns.linkAdd({ name: 'kube-ipvs0', kind: 'dummy' });
  const t = ipvsOf(ns);
  const want = new Set<string>();
  const bind = new Set<number>();
  /** What kube-ipvs0 holds: one dump per sync, not one per service address. */
  const bound = new Set(ns.addrDump(dummy).map((a) => a.local));
  const nodeAddrs = ipvsNodeAddresses(k);
  for (const sp of ports) {
    if (sp.protocol === 'SCTP') continue;
    const vips: { addr: string; port: number; onlyLocal: boolean; bind: boolean }[] = [{ addr: sp.clusterIP, port: sp.port, onlyLocal: internalPolicyLocal(sp), bind: true }];
    for (const vip of sp.loadBalancerVIPs) vips.push({ addr: vip, port: sp.port, onlyLocal: externalPolicyLocal(sp), bind: !nodeAddrs.includes(vip) });
    if (sp.nodePort) for (const a of nodeAddrs) vips.push({ addr: a, port: sp.nodePort, onlyLocal: externalPolicyLocal(sp), bind: false });
    for (const v of vips) {
      want.add(`${sp.protocol} ${v.addr}:${v.port}`);
      const s = t.find(sp.protocol as 'TCP' | 'UDP', v.addr, v.port) ?? t.addService({ proto: sp.protocol as 'TCP' | 'UDP', addr: v.addr, port: v.port, sched: 'rr' });
      const eps = vsEndpoints(sp, opts.nodeName, v.onlyLocal);
      const keep = eps.map((e) => `${e.ip}:${e.port}`);
      s.dests = s.dests.filter((d) => keep.includes(`${d.addr}:${d.port}`));
      for (const e of eps) if (!s.dests.some((d) => d.addr === e.ip && d.port === e.port)) s.dests.push({ addr: e.ip, port: e.port, weight: 1, fwd: 'Masq', activeConns: 0, inactConns: 0 });
      if (v.bind) {
        const ip = parseIp4(v.addr)!;
        bind.add(ip);
        if (!bound.has(ip)) {
          ns.addrAdd(dummy, { local: ip, prefixlen: 32, noprefixroute: true });
          bound.add(ip);
        }
      }
    }
  }
  for (const s of [...t.services]) if (!want.has(`${s.proto} ${s.addr}:${s.port}`)) t.delService(s.proto, s.addr, s.port);
  for (const ip of bound) if (!bind.has(ip)) ns.addrDel(dummy, ip, 32);
}

/** The node addresses NodePorts are served on (nodeAddressSet less loopback, pod bridge and veths). */
export function ipvsNodeAddresses(k: Kernel): string[] {
  const fmt = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  const ns = k.initNs;
  return ns
    .linkDump()
    .filter((l) => l.ifname !== 'kube-ipvs0' && l.linkType !== 'loopback' && !l.ifname.startsWith('cni') && !l.ifname.startsWith('veth'))
    .flatMap((l) => ns.addrDump(l.dev))
    .map((a) => fmt(a.local));
}
