// MetalLB (v0.14, layer-2 mode) as metallb-native.yaml installs it: the
// metallb-system namespace, the IPAddressPool and L2Advertisement custom
// resources (metallb.io/v1beta1, printed with their CRDs'
// additionalPrinterColumns), the `controller` Deployment that assigns
// LoadBalancer addresses, and the `speaker` DaemonSet (hostNetwork) whose
// elected pod answers ARP for each address.
//
// What follows the upstream sources (metallb/metallb, read for this model):
// - internal/allocator/allocator.go: a requested IP must lie in a pool ("%q
//   is not allowed in config"); otherwise every auto-assign pool is tried,
//   addresses in order, .0/.255 skipped with avoidBuggyIPs; nothing free is
//   "no available IPs".
// - controller/service.go: events IPAllocated `Assigned IP %q` and
//   AllocationFailed `Failed to allocate IP for %q: %s`; spec.loadBalancerIP
//   or the metallb.io/loadBalancerIPs annotation (or the deprecated
//   metallb.universe.tf one) asks for an address; the
//   metallb.io/ip-allocated-from-pool annotation records the pool.
// - speaker/layer2_controller.go ShouldAnnounce: only a service with a
//   serving endpoint is announced; candidate nodes are those with a speaker
//   (those with a local endpoint under externalTrafficPolicy Local), sorted
//   by sha256(node + "#" + ip), and the first one announces.
// Pools are tried in name order (upstream ranges over a Go map).

import { parseIp4, fmtIp4 } from '../kernel/addr.ts';
import type { ApiServer, KObject } from './api.ts';
import type { ApiReader, KubeClient } from './client.ts';
import { sha256 } from './hash.ts';

export const METALLB_NS = 'metallb-system';
export const METALLB_VERSION = 'v0.14.9';

/** Annotations the controller reads and writes. */
export const ANN_LB_IPS = 'metallb.io/loadBalancerIPs';
export const ANN_LB_IPS_OLD = 'metallb.universe.tf/loadBalancerIPs';
export const ANN_POOL = 'metallb.io/address-pool';
export const ANN_POOL_OLD = 'metallb.universe.tf/address-pool';
export const ANN_FROM_POOL = 'metallb.io/ip-allocated-from-pool';
export const ANN_FROM_POOL_OLD = 'metallb.universe.tf/ip-allocated-from-pool';

/** A parsed pool. */
export interface Pool {
  name: string;
  autoAssign: boolean;
  avoidBuggyIPs: boolean;
  /** Address ranges [first, last] as unsigned ints, in spec order. */
  ranges: [number, number][];
}

/** Parse one `addresses` entry: a CIDR or a `first-last` range. */
export function parseRange(s: string): [number, number] | undefined {
  const t = s.trim();
  if (t.includes('-')) {
    const [a, b] = t.split('-').map((x) => parseIp4(x.trim()));
    if (a === undefined || b === undefined || a >>> 0 > b >>> 0) return undefined;
    return [a >>> 0, b >>> 0];
  }
  const [a, l] = t.split('/');
  const ip = parseIp4(a);
  const n = Number(l ?? '32');
  if (ip === undefined || !/^\d+$/.test(l ?? '32') || n > 32) return undefined;
  const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
  const lo = (ip & mask) >>> 0;
  return [lo, (lo | (~mask >>> 0)) >>> 0];
}

/** The pools of the IPAddressPool objects in metallb-system, by name. */
export function poolsOf(api: ApiReader): Pool[] {
  return api
    .list('IPAddressPool', METALLB_NS)
    .map((o) => ({
      name: o.metadata.name,
      autoAssign: o.spec?.autoAssign !== false,
      avoidBuggyIPs: !!o.spec?.avoidBuggyIPs,
      ranges: ((o.spec?.addresses ?? []) as string[]).map(parseRange).filter((r): r is [number, number] => !!r),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const buggy = (ip: number): boolean => (ip & 0xff) === 0 || (ip & 0xff) === 255;

/** poolFor: the pool owning an address ('' if none). */
export function poolFor(pools: Pool[], ip: number): string {
  for (const p of pools) {
    if (p.avoidBuggyIPs && buggy(ip)) continue;
    if (p.ranges.some(([lo, hi]) => ip >>> 0 >= lo && ip >>> 0 <= hi)) return p.name;
  }
  return '';
}

/** The addresses a Service asks for (annotation or spec.loadBalancerIP), or an error text. */
export function desiredIps(svc: KObject): { ips: string[]; error?: string } {
  const ann = svc.metadata.annotations ?? {};
  const a = ann[ANN_LB_IPS] ?? ann[ANN_LB_IPS_OLD] ?? '';
  const spec = (svc.spec?.loadBalancerIP ?? '') as string;
  if (!a && !spec) return { ips: [] };
  if (a && spec) return { ips: [], error: `service can not have both ${ANN_LB_IPS} and svc.Spec.LoadBalancerIP` };
  if (a) {
    const ips = a.split(',').map((x) => x.trim());
    if (ips.some((x) => parseIp4(x) === undefined)) return { ips: [], error: `invalid ${ANN_LB_IPS}: "${a}"` };
    return { ips };
  }
  if (parseIp4(spec) === undefined) return { ips: [], error: `invalid spec.loadBalancerIP "${spec}"` };
  return { ips: [spec] };
}

/** The outcome of allocating for one Service. */
export type Allocation = { ip: string; pool: string } | { error: string };

/**
 * Allocate an address for `key` (ns/name) given the addresses other
 * services hold (ip → key).
 */
export function allocate(pools: Pool[], key: string, svc: KObject, used: Map<string, string>): Allocation {
  const want = desiredIps(svc);
  if (want.error) return { error: want.error };
  const ann = svc.metadata.annotations ?? {};
  const desiredPool = ann[ANN_POOL] ?? ann[ANN_POOL_OLD] ?? '';
  if (want.ips.length) {
    const ip = want.ips[0];
    const pool = poolFor(pools, parseIp4(ip)!);
    if (!pool) return { error: `"${ip}" is not allowed in config` };
    const other = used.get(ip);
    if (other && other !== key) return { error: `can't change sharing key for "${key}", address also in use by ${other}` };
    if (desiredPool && desiredPool !== pool) return { error: `requested loadBalancer IP(s) ["${ip}"] is not compatible with requested address pool ${desiredPool}` };
    return { ip, pool };
  }
  const tryPool = (p: Pool): Allocation | undefined => {
    for (const [lo, hi] of p.ranges) {
      for (let a = lo; a <= hi && a - lo < 1 << 20; a++) {
        if (p.avoidBuggyIPs && buggy(a)) continue;
        const ip = fmtIp4(a);
        const other = used.get(ip);
        if (!other || other === key) return { ip, pool: p.name };
      }
    }
    return undefined;
  };
  if (desiredPool) {
    const p = pools.find((x) => x.name === desiredPool);
    if (!p) return { error: `unknown pool "${desiredPool}"` };
    return tryPool(p) ?? { error: `no available IPs in pool "${desiredPool}"` };
  }
  for (const p of pools) {
    if (!p.autoAssign) continue;
    const r = tryPool(p);
    if (r) return r;
  }
  return { error: 'no available IPs' };
}

/** Compare two byte strings (bytes.Compare). */
function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** ShouldAnnounce's election: candidate nodes sorted by sha256(node + "#" + ip); the first announces. */
export function electNodes(nodes: string[], ip: string): string[] {
  const h = new Map(nodes.map((n) => [n, sha256(`${n}#${ip}`)]));
  return [...nodes].sort((a, b) => cmpBytes(h.get(a)!, h.get(b)!));
}

/** Does an L2Advertisement cover a pool on a node? (empty ipAddressPools = every pool; nodeSelectors by matchLabels). */
export function l2Covers(api: ApiReader, pool: string, node: string): boolean {
  const n = api.get('Node', undefined, node);
  return api.list('L2Advertisement', METALLB_NS).some((adv) => {
    const pools = (adv.spec?.ipAddressPools ?? []) as string[];
    const sels = (adv.spec?.ipAddressPoolSelectors ?? []) as { matchLabels?: Record<string, string> }[];
    const poolObj = api.get('IPAddressPool', METALLB_NS, pool);
    const poolOk = (!pools.length && !sels.length) || pools.includes(pool) || sels.some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => poolObj?.metadata.labels?.[k] === v));
    const nodeSels = (adv.spec?.nodeSelectors ?? []) as { matchLabels?: Record<string, string> }[];
    const nodeOk = !nodeSels.length || nodeSels.some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => n?.metadata.labels?.[k] === v));
    return poolOk && nodeOk;
  });
}

/** A MetalLB-style event on an object (source component metallb-controller or metallb-speaker). */
export function metallbEvent(api: Pick<KubeClient, 'create' | 'now'>, obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, component: string, host?: string): void {
  try {
    const t = api.now();
    api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: '', generateName: `${obj.metadata.name}.`, namespace: obj.metadata.namespace },
      type,
      reason,
      message,
      involvedObject: { apiVersion: 'v1', kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid },
      source: { component, ...(host ? { host } : {}) },
      count: 1,
      firstTimestamp: t,
      lastTimestamp: t,
      reportingComponent: component,
    });
  } catch {
    // events are best effort
  }
}

/** A JSON log line as MetalLB's go-kit logger writes it (keys in the order given, ts from the virtual clock). */
export function metallbLog(api: Pick<KubeClient, 'now'>, level: string, kv: Record<string, unknown>): string {
  return JSON.stringify({ ...kv, level, ts: api.now() }) + '\n';
}

/** The objects of metallb-native.yaml that matter here: namespace, controller Deployment, speaker DaemonSet. */
export function metallbObjects(): KObject[] {
  const labels = (component: string): Record<string, string> => ({ app: 'metallb', component });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: METALLB_NS, labels: { 'pod-security.kubernetes.io/audit': 'privileged', 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged' } }, spec: {}, status: { phase: 'Active' } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'controller', namespace: METALLB_NS, labels: labels('controller') },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 3,
        selector: { matchLabels: labels('controller') },
        template: {
          metadata: { labels: labels('controller') },
          spec: { serviceAccountName: 'controller', nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'controller', image: `quay.io/metallb/controller:${METALLB_VERSION}`, args: ['--port=7472', '--log-level=info'], ports: [{ containerPort: 7472, name: 'monitoring' }] }] },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'speaker', namespace: METALLB_NS, labels: labels('speaker') },
      spec: {
        selector: { matchLabels: labels('speaker') },
        template: {
          metadata: { labels: labels('speaker') },
          spec: {
            hostNetwork: true,
            serviceAccountName: 'speaker',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            tolerations: [
              { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule', operator: 'Exists' },
              { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule', operator: 'Exists' },
            ],
            containers: [{ name: 'speaker', image: `quay.io/metallb/speaker:${METALLB_VERSION}`, args: ['--port=7472', '--log-level=info'], ports: [{ containerPort: 7472, name: 'monitoring' }, { containerPort: 7946, name: 'memberlist-tcp' }, { containerPort: 7946, name: 'memberlist-udp', protocol: 'UDP' }] }],
          },
        },
      },
    },
  ];
}

/** kubectl apply -f metallb-native.yaml: create what is missing. */
export function installMetalLB(api: ApiServer): void {
  for (const o of metallbObjects()) if (!api.get(o.kind, o.metadata.namespace, o.metadata.name)) api.create(o);
}

/** A pool and its L2Advertisement, as a lab or lesson would apply them. */
export function metallbPool(name: string, addresses: string[], opts: { autoAssign?: boolean; avoidBuggyIPs?: boolean } = {}): KObject[] {
  return [
    { apiVersion: 'metallb.io/v1beta1', kind: 'IPAddressPool', metadata: { name, namespace: METALLB_NS }, spec: { addresses, ...opts } },
    { apiVersion: 'metallb.io/v1beta1', kind: 'L2Advertisement', metadata: { name, namespace: METALLB_NS }, spec: { ipAddressPools: [name] } },
  ];
}
