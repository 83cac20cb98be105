// NetworkPolicy enforcement as kube-router's network policy controller lays
// it out in iptables and ipset (cloudnativelabs/kube-router,
// pkg/controllers/netpol: npc_iptables.go, policy.go, pod.go, at commit
// 7c2c2779e397b15b85dc5fd2b6e6ff2c64c38596). Pure: from the API objects and
// the node's identity it derives
//
//  - the ipsets (KUBE-DST-… target pods of a policy, KUBE-SRC-… peers of an
//    ingress rule, KUBE-DST-… peers of an egress rule, ipBlocks as hash:net
//    with `nomatch` for `except`, named ports resolved per pod), written as
//    kube-router's ipset restore text (a TMP- set per option string, filled,
//    swapped in, flushed, destroyed);
//  - the filter-table rules: per policy a KUBE-NWPLCY-<hash> chain whose rules
//    mark allowed traffic 0x10000 and RETURN; per local pod a
//    KUBE-POD-FW-<hash> chain (common rules, traffic from the node, default
//    chain for directions no policy covers, one jump per policy, REJECT of
//    what no policy marked, then the netpol-ok mark 0x20000) entered from
//    KUBE-ROUTER-INPUT/FORWARD/OUTPUT, which accept marked traffic at the end.
//
// Chain names carry the sync version (the sync's start time in ns, base 10,
// here from the virtual clock), so each sync writes fresh chains and deletes
// the previous ones, as kube-router does. Left out (documented in
// docs/networkpolicy.md): the NFLOG rule before each REJECT (no nflog
// target here), the `-m physdev --physdev-is-bridged` duplicates of the
// FORWARD jumps (br_netfilter already sends bridged traffic through
// FORWARD, where the plain `-d`/`-s` jumps catch it), KUBE-NWPLCY-TAIL of
// --netpol-default-deny, IPv6.

import type { KObject } from './api.ts';
import { base32, sha256 } from './hash.ts';

export const KR_INPUT = 'KUBE-ROUTER-INPUT';
export const KR_FORWARD = 'KUBE-ROUTER-FORWARD';
export const KR_OUTPUT = 'KUBE-ROUTER-OUTPUT';
export const KR_DEFAULT = 'KUBE-NWPLCY-DEFAULT';
export const KR_COMMON = 'KUBE-NWPLCY-COMMON';
/** Built-in chain → kube-router's top-level chain (defaultChains). */
export const KR_TOP: [string, string][] = [
  ['INPUT', KR_INPUT],
  ['FORWARD', KR_FORWARD],
  ['OUTPUT', KR_OUTPUT],
];

const FAMILY = 'IPv4';
const h16 = (s: string): string => base32(sha256(s)).slice(0, 16);

/** KUBE-NWPLCY-<hash>: a policy's chain for one sync version. */
export function networkPolicyChainName(ns: string, name: string, version: string): string {
  return 'KUBE-NWPLCY-' + h16(ns + name + version + FAMILY);
}
/** KUBE-POD-FW-<hash>: a local pod's firewall chain for one sync version. */
export function podFirewallChainName(ns: string, pod: string, version: string): string {
  return 'KUBE-POD-FW-' + h16(ns + pod + version);
}
/** KUBE-DST-<hash>: the pods a policy selects (ingress target set). */
export function policyDestinationPodIPSetName(ns: string, name: string): string {
  return 'KUBE-DST-' + h16(ns + name + FAMILY);
}
/** KUBE-SRC-<hash>: the pods a policy selects (egress source set). */
export function policySourcePodIPSetName(ns: string, name: string): string {
  return 'KUBE-SRC-' + h16(ns + name + FAMILY);
}
const indexedSrcPods = (ns: string, name: string, i: number): string => 'KUBE-SRC-' + h16(`${ns}${name}ingressrule${i}${FAMILY}pod`);
const indexedDstPods = (ns: string, name: string, i: number): string => 'KUBE-DST-' + h16(`${ns}${name}egressrule${i}${FAMILY}pod`);
const indexedSrcBlock = (ns: string, name: string, i: number): string => 'KUBE-SRC-' + h16(`${ns}${name}ingressrule${i}${FAMILY}ipblock`);
const indexedDstBlock = (ns: string, name: string, i: number): string => 'KUBE-DST-' + h16(`${ns}${name}egressrule${i}${FAMILY}ipblock`);
const ingressNamedPortSet = (ns: string, name: string, i: number, j: number): string => 'KUBE-DST-' + h16(`${ns}${name}ingressrule${i}${j}${FAMILY}namedport`);
const egressNamedPortSet = (ns: string, name: string, i: number, j: number): string => 'KUBE-DST-' + h16(`${ns}${name}egressrule${i}${j}${FAMILY}namedport`);

/** The UUID kube-router appends to the comment of a positioned rule: base32(sha256(chain + args))[:16]. */
export function ruleUuid(chain: string, args: string[]): string {
  return h16(chain + args.join(''));
}

// ── selectors ────────────────────────────────────────────────────────────

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** LabelSelectorAsSelector + Matches: every label and expression must hold (an empty selector matches all). */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== String(v)) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const vals = (e.values ?? []).map(String);
    switch (e.operator) {
      case 'In':
        if (!has || !vals.includes(l[e.key])) return false;
        break;
      case 'NotIn':
        if (has && vals.includes(l[e.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// ── policy model (buildNetworkPoliciesInfo) ──────────────────────────────

/** isNetPolActionable: a pod with an address of its own that is not finished. */
export function isNetPolActionable(p: KObject): boolean {
  return !p.spec?.hostNetwork && !!p.status?.podIP && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

interface PortProto {
  protocol: string;
  port: string;
  endport: string;
}
interface NamedEps {
  protocol: string;
  port: string;
  ips: string[];
}
interface Rule {
  peers: string[];
  blocks: string[][];
  matchAll: boolean;
  matchAllPorts: boolean;
  ports: PortProto[];
  named: NamedEps[];
}
interface PolicyInfo {
  ns: string;
  name: string;
  type: 'ingress' | 'egress' | 'both';
  targets: KObject[];
  ingress: Rule[] | null;
  egress: Rule[] | null;
}

/** Named ports of pods: name → protocol → port → IPs (grabNamedPortFromPod). */
type NamedMap = Map<string, Map<string, Map<string, string[]>>>;

function grabNamedPorts(pods: KObject[], into: NamedMap): void {
  for (const p of pods) {
    for (const c of p.spec?.containers ?? []) {
      for (const port of c.ports ?? []) {
        if (!port.name) continue;
        const proto = port.protocol ?? 'TCP';
        let byProto = into.get(port.name);
        if (!byProto) into.set(port.name, (byProto = new Map()));
        let byPort = byProto.get(proto);
        if (!byPort) byProto.set(proto, (byPort = new Map()));
        const k = String(port.containerPort);
        byPort.set(k, [...(byPort.get(k) ?? []), p.status.podIP]);
      }
    }
  }
}

function processPorts(ports: { port?: number | string; protocol?: string; endPort?: number }[], named: NamedMap): { ports: PortProto[]; named: NamedEps[] } {
  const out: PortProto[] = [];
  const nm: NamedEps[] = [];
  for (const p of ports) {
    const protocol = p.protocol ?? 'TCP';
    if (p.port === undefined || p.port === null) out.push({ protocol, port: '', endport: '' });
    else if (typeof p.port === 'number' || /^\d+$/.test(String(p.port))) out.push({ protocol, port: String(p.port), endport: p.endPort !== undefined && p.endPort >= Number(p.port) ? String(p.endPort) : '' });
    else {
      const byPort = named.get(String(p.port))?.get(protocol);
      if (byPort) for (const [port, ips] of byPort) nm.push({ protocol, port, ips });
    }
  }
  return { ports: out, named: nm };
}

/** The IPv4 entries of an ipBlock peer (evalIPBlockPeer): /0 split in halves; `except` as nomatch. */
function ipBlockEntries(peer: { ipBlock?: { cidr: string; except?: string[] }; podSelector?: unknown; namespaceSelector?: unknown }): string[][] {
  if (!peer.ipBlock || peer.podSelector || peer.namespaceSelector || peer.ipBlock.cidr.includes(':')) return [];
  const out: string[][] = [];
  const halves = (extra: string[]): string[][] => [
    ['0.0.0.0/1', 'timeout', '0', ...extra],
    ['128.0.0.0/1', 'timeout', '0', ...extra],
  ];
  const c = peer.ipBlock.cidr;
  out.push(...(c.endsWith('/0') ? halves([]) : [[c, 'timeout', '0']]));
  for (const e of peer.ipBlock.except ?? []) out.push(...(e.endsWith('/0') ? halves(['nomatch']) : [[e, 'timeout', '0', 'nomatch']]));
  return out;
}

function evalPeer(policyNs: string, peer: { podSelector?: LabelSelector; namespaceSelector?: LabelSelector }, pods: KObject[], namespaces: KObject[]): KObject[] {
  if (peer.namespaceSelector) {
    const nss = new Set(namespaces.filter((n) => selectorMatches(peer.namespaceSelector, n.metadata.labels)).map((n) => n.metadata.name));
    return pods.filter((p) => nss.has(p.metadata.namespace!) && (!peer.podSelector || selectorMatches(peer.podSelector, p.metadata.labels)));
  }
  if (peer.podSelector) return pods.filter((p) => p.metadata.namespace === policyNs && selectorMatches(peer.podSelector, p.metadata.labels));
  return [];
}

function buildPolicies(policies: KObject[], pods: KObject[], namespaces: KObject[]): PolicyInfo[] {
  const live = pods.filter(isNetPolActionable);
  return policies.map((pol) => {
    const ns = pol.metadata.namespace!;
    const spec = pol.spec ?? {};
    const types: string[] = spec.policyTypes ?? [];
    const ing = types.includes('Ingress');
    const egr = types.includes('Egress');
    const targets = live.filter((p) => p.metadata.namespace === ns && selectorMatches(spec.podSelector ?? {}, p.metadata.labels));
    const namedIn: NamedMap = new Map();
    grabNamedPorts(targets, namedIn);
    const ingress: Rule[] | null = spec.ingress == null ? null : [];
    for (const r of spec.ingress ?? []) {
      const from = r?.from ?? [];
      const rule: Rule = { peers: [], blocks: [], matchAll: from.length === 0, matchAllPorts: !(r?.ports ?? []).length, ports: [], named: [] };
      for (const peer of from) {
        rule.peers.push(...evalPeer(ns, peer, live, namespaces).map((p) => p.status.podIP as string));
        rule.blocks.push(...ipBlockEntries(peer));
      }
      if (!rule.matchAllPorts) Object.assign(rule, processPorts(r.ports, namedIn));
      ingress!.push(rule);
    }
    const egress: Rule[] | null = spec.egress == null ? null : [];
    for (const r of spec.egress ?? []) {
      const to = r?.to ?? [];
      const rule: Rule = { peers: [], blocks: [], matchAll: to.length === 0, matchAllPorts: !(r?.ports ?? []).length, ports: [], named: [] };
      const namedOut: NamedMap = new Map();
      const hasNamed = (r?.ports ?? []).some((p: { port?: unknown }) => typeof p.port === 'string' && !/^\d+$/.test(p.port));
      if (rule.matchAll) {
        if (hasNamed) grabNamedPorts(live.filter((p) => p.metadata.namespace === ns), namedOut);
      } else {
        for (const peer of to) {
          const peerPods = evalPeer(ns, peer, live, namespaces);
          rule.peers.push(...peerPods.map((p) => p.status.podIP as string));
          grabNamedPorts(peerPods, namedOut);
          rule.blocks.push(...ipBlockEntries(peer));
        }
      }
      if (!rule.matchAllPorts) Object.assign(rule, processPorts(r.ports, namedOut));
      egress!.push(rule);
    }
    return { ns, name: pol.metadata.name, type: ing && egr ? 'both' : egr ? 'egress' : 'ingress', targets, ingress, egress };
  });
}

// ── sync output ──────────────────────────────────────────────────────────

/** What one sync writes. */
export interface NetpolSync {
  /** `ipset restore -exist` input. */
  ipset: string;
  /** Names of every set the policies use (others with KUBE-SRC-/KUBE-DST- are stale). */
  sets: string[];
  /** The filter-table rules (iptables-restore --noflush input, without the stale-chain deletions). */
  rules: string;
  /** Chains this sync created (policy and pod firewall chains). */
  chains: string[];
}

/** Inputs of one sync on one node. */
export interface NetpolInputs {
  policies: KObject[];
  pods: KObject[];
  namespaces: KObject[];
  nodeName: string;
  serviceCidr: string;
  nodePortRange: string;
  version: string;
}

const q = (s: string): string => `"${s}"`;

/** The rules kube-router keeps at the head of KUBE-ROUTER-INPUT (ensureTopLevelChains): service VIPs and node ports. */
export function inputWhitelist(serviceCidr: string, nodePortRange: string): string[][] {
  const specs = [
    ['-m', 'comment', '--comment', 'allow traffic to primary/secondary cluster IP range', '-d', serviceCidr, '-j', 'RETURN'],
    ['-p', 'tcp', '-m', 'comment', '--comment', 'allow LOCAL TCP traffic to node ports', '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', 'multiport', '--dports', nodePortRange, '-j', 'RETURN'],
    ['-p', 'udp', '-m', 'comment', '--comment', 'allow LOCAL UDP traffic to node ports', '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', 'multiport', '--dports', nodePortRange, '-j', 'RETURN'],
  ];
  return specs.map((s) => withUuid(KR_INPUT, s));
}

/** addUUIDForRuleSpec: the comment gets ` - <uuid>` of the chain and the arguments before it. */
export function withUuid(chain: string, args: string[]): string[] {
  const out = [...args];
  const i = out.indexOf('--comment');
  out[i + 1] = `${out[i + 1]} - ${ruleUuid(chain, args)}`;
  return out;
}

/** The jump from a built-in chain into kube-router's chain, with its UUID comment. */
export function topJump(builtin: string, custom: string): string[] {
  return withUuid(builtin, ['-m', 'comment', '--comment', 'kube-router netpol', '-j', custom]);
}

/** Quote a rule's words for iptables-restore (words with spaces in double quotes). */
export function restoreWords(args: string[]): string {
  return args.map((a) => (/[\s"]/.test(a) || a === '' ? q(a) : a)).join(' ');
}

/** One sync of kube-router's network policy controller on a node. */
export function buildNetpolSync(x: NetpolInputs): NetpolSync {
  const infos = buildPolicies(x.policies, x.pods, x.namespaces);
  const ipsets = new Map<string, { options: string; entries: string[][] }>();
  const refresh = (name: string, type: 'hash:ip' | 'hash:net', entries: string[][]): void => {
    ipsets.set(name, { options: `${type} timeout 0`, entries });
  };
  const ipEntries = (ips: string[]): string[][] => [...new Set(ips)].map((ip) => [ip, 'timeout', '0']);
  const lines: string[] = [];
  const chains: string[] = [];

  const append = (chain: string, comment: string, src: string, dst: string, protocol: string, port: string, endport: string): void => {
    const a = ['-A', chain, '-m', 'comment', '--comment', q(comment)];
    if (src) a.push('-m', 'set', '--match-set', src, 'src');
    if (dst) a.push('-m', 'set', '--match-set', dst, 'dst');
    if (protocol) a.push('-p', protocol.toLowerCase());
    if (port) a.push('--dport', endport ? `${port}:${endport}` : port);
    lines.push([...a, '-j', 'MARK', '--set-xmark', '0x10000/0x10000'].join(' '));
    lines.push([...a, '-m', 'mark', '--mark', '0x10000/0x10000', '-j', 'RETURN'].join(' '));
  };
  const cmt = (p: PolicyInfo, kind: string): string => `${p.ns}/${p.name} ${kind}`.slice(0, 120);

  // Policy chains (syncNetworkPolicyChains).
  for (const p of infos) {
    const chain = networkPolicyChainName(p.ns, p.name, x.version);
    lines.push(`:${chain} - [0:0]`);
    chains.push(chain);
    const targetIps = p.targets.map((t) => t.status.podIP as string);
    if (p.type !== 'egress') {
      const dstSet = policyDestinationPodIPSetName(p.ns, p.name);
      refresh(dstSet, 'hash:ip', ipEntries(targetIps));
      (p.ingress ?? []).forEach((r, i) => {
        if (r.peers.length) {
          const srcSet = indexedSrcPods(p.ns, p.name, i);
          refresh(srcSet, 'hash:ip', ipEntries(r.peers));
          for (const pp of r.ports) append(chain, cmt(p, 'ingress pods'), srcSet, dstSet, pp.protocol, pp.port, pp.endport);
          r.named.forEach((ep, j) => {
            const np = ingressNamedPortSet(p.ns, p.name, i, j);
            refresh(np, 'hash:ip', ipEntries(ep.ips));
            append(chain, cmt(p, 'ingress pods np'), srcSet, np, ep.protocol, ep.port, '');
          });
          if (!r.ports.length && !r.named.length) append(chain, cmt(p, 'ingress pods'), srcSet, dstSet, '', '', '');
        }
        if (r.matchAll && !r.matchAllPorts) {
          for (const pp of r.ports) append(chain, cmt(p, 'ingress any'), '', dstSet, pp.protocol, pp.port, pp.endport);
          r.named.forEach((ep, j) => {
            const np = ingressNamedPortSet(p.ns, p.name, i, j);
            refresh(np, 'hash:ip', ipEntries(ep.ips));
            append(chain, cmt(p, 'ingress any np'), '', np, ep.protocol, ep.port, '');
          });
        }
        if (r.matchAll && r.matchAllPorts) append(chain, cmt(p, 'ingress any'), '', dstSet, '', '', '');
        if (r.blocks.length) {
          const bs = indexedSrcBlock(p.ns, p.name, i);
          refresh(bs, 'hash:net', r.blocks);
          if (!r.matchAllPorts) {
            for (const pp of r.ports) append(chain, cmt(p, 'ingress cidr'), bs, dstSet, pp.protocol, pp.port, pp.endport);
            r.named.forEach((ep, j) => {
              const np = ingressNamedPortSet(p.ns, p.name, i, j);
              refresh(np, 'hash:net', ipEntries(ep.ips));
              append(chain, cmt(p, 'ingress cidr np'), bs, np, ep.protocol, ep.port, '');
            });
          } else append(chain, cmt(p, 'ingress cidr'), bs, dstSet, '', '', '');
        }
      });
    }
    if (p.type !== 'ingress') {
      const srcSet = policySourcePodIPSetName(p.ns, p.name);
      refresh(srcSet, 'hash:ip', ipEntries(targetIps));
      (p.egress ?? []).forEach((r, i) => {
        if (r.peers.length) {
          const dstSet = indexedDstPods(p.ns, p.name, i);
          refresh(dstSet, 'hash:ip', ipEntries(r.peers));
          for (const pp of r.ports) append(chain, cmt(p, 'egress pods'), srcSet, dstSet, pp.protocol, pp.port, pp.endport);
          r.named.forEach((ep, j) => {
            const np = egressNamedPortSet(p.ns, p.name, i, j);
            refresh(np, 'hash:ip', ipEntries(ep.ips));
            append(chain, cmt(p, 'egress pods np'), srcSet, np, ep.protocol, ep.port, '');
          });
          if (!r.ports.length && !r.named.length) append(chain, cmt(p, 'egress pods'), srcSet, dstSet, '', '', '');
        }
        if (r.matchAll && !r.matchAllPorts) {
          for (const pp of r.ports) append(chain, cmt(p, 'egress any'), srcSet, '', pp.protocol, pp.port, pp.endport);
          for (const ep of r.named) append(chain, cmt(p, 'egress any np'), srcSet, '', ep.protocol, ep.port, '');
        }
        if (r.matchAll && r.matchAllPorts) append(chain, cmt(p, 'egress any'), srcSet, '', '', '', '');
        if (r.blocks.length) {
          const bs = indexedDstBlock(p.ns, p.name, i);
          refresh(bs, 'hash:net', r.blocks);
          if (!r.matchAllPorts) for (const pp of r.ports) append(chain, cmt(p, 'egress cidr'), srcSet, bs, pp.protocol, pp.port, pp.endport);
          else append(chain, cmt(p, 'egress cidr'), srcSet, bs, '', '', '');
        }
      });
    }
  }

  // Top-level chains, rewritten whole each sync: the INPUT whitelist first.
  const top: Record<string, string[]> = { [KR_INPUT]: [], [KR_FORWARD]: [], [KR_OUTPUT]: [] };
  for (const w of inputWhitelist(x.serviceCidr, x.nodePortRange)) top[KR_INPUT].push(`-A ${KR_INPUT} ${restoreWords(w)}`);

  // Pod firewall chains (syncPodFirewallChains) for the pods on this node.
  const local = x.pods.filter((p) => p.spec?.nodeName === x.nodeName && isNetPolActionable(p)).sort((a, b) => (a.metadata.namespace! + '/' + a.metadata.name < b.metadata.namespace! + '/' + b.metadata.name ? -1 : 1));
  for (const pod of local) {
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name;
    const ip = pod.status.podIP as string;
    const fw = podFirewallChainName(ns, name, x.version);
    chains.push(fw);
    // The -I 1 inserts of setupPodNetpolRules, applied in order: the last inserted comes first.
    const head: string[] = [];
    let hasIn = false;
    let hasOut = false;
    for (const p of infos) {
      if (!p.targets.some((t) => t.status.podIP === ip)) continue;
      const c = q(`${p.ns}/${p.name} policy`);
      const pc = networkPolicyChainName(p.ns, p.name, x.version);
      if (p.type === 'both') {
        hasIn = hasOut = true;
        head.unshift(`-A ${fw} -m comment --comment ${c} -j ${pc}`);
      } else if (p.type === 'ingress') {
        hasIn = true;
        head.unshift(`-A ${fw} -d ${ip} -m comment --comment ${c} -j ${pc}`);
      } else {
        hasOut = true;
        head.unshift(`-A ${fw} -s ${ip} -m comment --comment ${c} -j ${pc}`);
      }
    }
    if (!hasIn) head.unshift(`-A ${fw} -d ${ip} -m comment --comment "default ingress" -j ${KR_DEFAULT}`);
    if (!hasOut) head.unshift(`-A ${fw} -s ${ip} -m comment --comment "default egress" -j ${KR_DEFAULT}`);
    head.unshift(`-A ${fw} -m comment --comment "from local node" -m addrtype --src-type LOCAL -d ${ip} -j ACCEPT`);
    head.unshift(`-A ${fw} -m comment --comment "common netpol rules" -j ${KR_COMMON}`);
    lines.push(`:${fw} - [0:0]`, ...head);
    // interceptPodInboundTraffic / interceptPodOutboundTraffic.
    const cin = q(`${ns}/${name} in`);
    const cout = q(`${ns}/${name} out`);
    top[KR_FORWARD].push(`-A ${KR_FORWARD} -m comment --comment ${cin} -d ${ip} -j ${fw}`);
    top[KR_OUTPUT].push(`-A ${KR_OUTPUT} -m comment --comment ${cin} -d ${ip} -j ${fw}`);
    for (const [, c] of KR_TOP) top[c].push(`-A ${c} -m comment --comment ${cout} -s ${ip} -j ${fw}`);
    // dropUnmarkedTrafficRules, then the netpol-ok mark.
    lines.push(`-A ${fw} -m comment --comment ${q(`${ns}/${name} reject`)} -m mark ! --mark 0x10000/0x10000 -j REJECT`);
    lines.push(`-A ${fw} -j MARK --set-mark 0/0x10000`);
    lines.push(`-A ${fw} -m comment --comment "set netpol-ok mark" -j MARK --set-mark 0x20000/0x20000`);
  }
  // ensureExplicitAccept: traffic that passed a pod's firewall is accepted.
  for (const [, c] of KR_TOP) top[c].push(`-A ${c} -m comment --comment "rule to explicitly ACCEPT traffic that comply to network policies" -m mark --mark 0x20000/0x20000 -j ACCEPT`);

  const rules = [`:${KR_INPUT} - [0:0]`, `:${KR_FORWARD} - [0:0]`, `:${KR_OUTPUT} - [0:0]`, ...lines, ...top[KR_INPUT], ...top[KR_FORWARD], ...top[KR_OUTPUT]].join('\n') + '\n';

  // BuildIPSetRestore: sets sorted by name, one TMP- set per option string.
  const names = [...ipsets.keys()].sort();
  const tmp = new Map<string, string>();
  let ip = '';
  for (const n of names) {
    const s = ipsets.get(n)!;
    let t = tmp.get(s.options);
    if (!t) {
      t = 'TMP-' + base32(sha256('tmp:' + s.options)).slice(0, 16);
      tmp.set(s.options, t);
      ip += `create ${t} ${s.options}\nflush ${t}\n`;
    }
    for (const e of s.entries) ip += `add ${t} ${e.join(' ')}\n`;
    ip += `create ${n} ${s.options}\nswap ${t} ${n}\nflush ${t}\n`;
  }
  for (const t of [...tmp.values()].sort()) ip += `destroy ${t}\n`;
  return { ipset: ip, sets: names, rules, chains };
}

/** The static chains kube-router ensures at start (ensureCommonPolicyChain, ensureDefaultNetworkPolicyChain), as iptables arguments. */
export function staticChainRules(): [string, string[]][] {
  return [
    [KR_COMMON, ['-m', 'comment', '--comment', 'rule to drop invalid state for pod', '-m', 'conntrack', '--ctstate', 'INVALID', '-j', 'DROP']],
    [KR_COMMON, ['-m', 'comment', '--comment', 'rule for stateful firewall for pod', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT']],
    // utils.CommonICMPRules (IPv4): echo-request, destination-unreachable, time-exceeded.
    [KR_COMMON, ['-m', 'comment', '--comment', 'allow icmp echo requests', '-p', 'icmp', '--icmp-type', 'echo-request', '-j', 'ACCEPT']],
    [KR_COMMON, ['-m', 'comment', '--comment', 'allow icmp destination unreachable messages', '-p', 'icmp', '--icmp-type', 'destination-unreachable', '-j', 'ACCEPT']],
    [KR_COMMON, ['-m', 'comment', '--comment', 'allow icmp time exceeded messages', '-p', 'icmp', '--icmp-type', 'time-exceeded', '-j', 'ACCEPT']],
    [KR_DEFAULT, ['-j', 'MARK', '-m', 'comment', '--comment', 'rule to mark traffic matching a network policy', '--set-xmark', '0x10000/0x10000']],
  ];
}
