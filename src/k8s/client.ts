// The Kubernetes API as its clients see it: the seam between the programs
// that talk to the API server and the server. Real kubectl reads its
// kubeconfig for the server's address and talks HTTPS to it; here a cluster
// serves a `KubeApi` object on each of its nodes, and kubectl gets it with
// `kubeClient(kernel)` (the node it runs on tells which cluster, as the
// kubeconfig would). The daemons that run in the cluster's pods (kube-proxy,
// flanneld, kube-router, CoreDNS's kubernetes plugin, ingress-nginx,
// MetalLB) get the same API with `inClusterConfig(kernel)`, as client-go's
// rest.InClusterConfig finds the server from inside a pod, together with
// what their DaemonSet's flags and the node tell them (node name, CIDRs).
// Everything that crosses is plain data (copies of objects, watch events
// carrying copies, errors as ApiError) or the caller's own streams: no
// client holds the server's stored objects, its controllers or a node's
// kubelet. Logs, exec and attach go through the API server, which proxies
// them to the pod's kubelet.
//
//   kubectl (userland/k8s/kubectl*.ts) ──KubeApi──> server.ts ──> ApiServer (api.ts), kubelets (kubelet.ts)
//   daemons (userland/k8s, userland/dns) ──KubeApi──┘
//
// Also here, as client-go and kubectl keep them: the object types, the
// discovery data a client caches (resource names, which kinds are
// namespaced), and what kubectl computes itself from an object (pod
// readiness, ages against its own clock, read-modify-write updates).
//
// The layer rules (.dependency-cruiser.cjs, "kubectl-through-api" and
// "daemons-through-api") keep kubectl and the daemons from importing the API
// server, the controllers or the kubelet.

import type { Kernel } from '../kernel/kernel.ts';
import type { InStream, OutStream } from '../kernel/proc.ts';
import { RESOURCE } from './resources.ts';

/** Object metadata (the fields this simulator uses). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }[];
  generateName?: string;
}

/** Any API object. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are schemaless JSON of any kind
  status?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are schemaless JSON of any kind
  [k: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifests are schemaless JSON of any kind
}

/** A watch event. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KObject;
}

/** An API error with the status the real server returns. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict';
  constructor(code: number, reason: ApiError['reason'], message: string) {
    super(message);
    this.code = code;
    this.reason = reason;
  }
}

// ── discovery ────────────────────────────────────────────────────────

/** Kinds that live in a namespace. */
const NAMESPACED = new Set(['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'ServiceAccount', 'Event', 'Ingress', 'NetworkPolicy', 'IPAddressPool', 'L2Advertisement']);

/** Whether a kind is namespaced. */
export function namespaced(kind: string): boolean {
  return NAMESPACED.has(kind);
}

/** Resource names as errors print them (`pods "x" not found`): the table lives in resources.ts, which Tab completion reads without this module. */
export { RESOURCE };

/** `deployments.apps` / `pods` as API errors name a resource. */
export function qualifiedResource(kind: string): string {
  const r = RESOURCE[kind];
  if (!r) return kind.toLowerCase() + 's';
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** Wall-clock time of virtual time 0 on the cluster's hosts (metadata timestamps count from it). */
export const API_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

// ── the API ──────────────────────────────────────────────────────────

/** Streams of a client attached to a container (exec, attach). */
export interface StreamIo {
  stdin: InStream;
  stdout: OutStream;
  stderr: OutStream;
}

/**
 * What the API server answers to. Objects come back as copies and go in as
 * data (the server keeps its own); methods throw ApiError.
 */
export interface KubeApi {
  /** GET one object (undefined when there is none). */
  get(kind: string, ns: string | undefined, name: string): KObject | undefined;
  /** LIST a kind (in one namespace, or all), sorted by namespace then name. */
  list(kind: string, ns?: string): KObject[];
  /** POST: the created object as the server stored it (name, uid, defaults filled in). */
  create(obj: KObject): KObject;
  /**
   * PUT: the object replaced by `obj` (the server keeps uid and
   * creationTimestamp, bumps resourceVersion, and generation when the spec
   * changed; its update checks may refuse it as Invalid or complete it, e.g.
   * a Service's cluster IP). With `dryRun`, the object as it would be stored,
   * nothing stored.
   */
  update(obj: KObject, opts?: { dryRun?: boolean }): KObject;
  /** DELETE: graceful for a pod on a node unless `gracePeriodSeconds` is 0; dependents are garbage collected. */
  delete(kind: string, ns: string | undefined, name: string, opts?: { gracePeriodSeconds?: number }): KObject;
  /** The object with the server's field defaults filled in, as a server-side dry run returns it (nothing is stored). */
  defaults(obj: KObject): KObject;
  /** GET pods/NAME/log: what the container wrote ('' when nothing). */
  logs(ns: string, pod: string, container?: string): string;
  /** POST pods/NAME/exec: run argv in the pod's container with the caller's streams; resolves with its exit code. */
  exec(ns: string, pod: string, argv: string[], io: StreamIo): Promise<number>;
  /** POST pods/NAME/attach: attach the caller's streams to the pod's container; resolves with its exit code. */
  attach(ns: string, pod: string, argv: string[], io: StreamIo): Promise<number>;
  /** Resolves when the work the requests set off is done (pods torn down, rules synced): what `delete --wait` waits for. */
  idle(): Promise<void>;
  /**
   * WATCH the objects of some kinds (one watch per resource, as informers
   * hold them): `fn` gets every later change as it happens, in the order the
   * server made them, each event carrying a copy of the object as it is
   * when delivered. Returns the function that stops the watch.
   */
  watch(kinds: readonly string[], fn: (e: WatchEvent) => void): () => void;
}

/** What a lister needs (client-go's listers read the informer cache the same way): GET and LIST. */
export type ApiReader = Pick<KubeApi, 'get' | 'list'>;

/** A client's handle on the cluster: the API, and the host's clock to age and write timestamps with. */
export interface KubeClient extends KubeApi {
  /** Seconds from a timestamp the server wrote to now on the client's clock (translateTimestampSince). */
  ageSeconds(ts: string | undefined): number;
  /** Now on the client's clock as metadata timestamps are written (metav1.Now, RFC 3339 to the second). */
  now(): string;
}

/** RFC 3339 time of virtual time `ms` to the second, as the API writes timestamps. */
export function apiTimestamp(ms: number): string {
  return new Date(API_EPOCH + Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * What a daemon's DaemonSet and node tell it besides the API: the node it
 * runs on (spec.nodeName through the downward API), the cluster's pod and
 * Service ranges and kube-proxy's mode (its flags and config file).
 */
export interface NodeSettings {
  nodeName: string;
  clusterCidr: string;
  /** --service-cluster-ip-range (the nftables proxier drops unallocated ClusterIPs in it). */
  serviceCidr?: string;
  proxyMode: 'iptables' | 'ipvs' | 'nftables';
  /** Count `work` (a sync the daemon starts) among what the API's `idle()` waits for: the simulation's bookkeeping, not an API call. */
  track<T>(work: Promise<T>): Promise<T>;
}

/** A daemon's in-cluster configuration: the API and its node's settings. */
export interface InCluster extends NodeSettings {
  api: KubeClient;
}

const served = new WeakMap<Kernel, { api: KubeApi; node: NodeSettings }>();

/** The cluster: answer clients on host `k` (a node of the cluster), whose daemons run with `node`'s settings. */
export function serveKubeApi(k: Kernel, api: KubeApi, node: NodeSettings): void {
  served.set(k, { api, node });
}

/** The API server the host's kubeconfig points at, if the host is a node of a cluster. */
export function kubeClient(k: Kernel): KubeClient | undefined {
  const s = served.get(k);
  if (!s) return undefined;
  return {
    ...s.api,
    ageSeconds: (ts) => (ts ? Math.max(0, Math.floor((API_EPOCH + k.clock.now - Date.parse(ts)) / 1000)) : 0),
    now: () => apiTimestamp(k.clock.now),
  };
}

/** rest.InClusterConfig for a daemon running on host `k`: the API and the node's settings, if the host is a node of a cluster. */
export function inClusterConfig(k: Kernel): InCluster | undefined {
  const s = served.get(k);
  const api = kubeClient(k);
  if (!s || !api) return undefined;
  return { ...s.node, api };
}

// ── computed by the client ───────────────────────────────────────────

/** GET, change, PUT: the read-modify-write kubectl does for scale, label, set image, cordon... */
export function modify(api: KubeApi, kind: string, ns: string | undefined, name: string, change: (o: KObject) => void): KObject {
  const o = api.get(kind, ns, name);
  if (!o) throw new ApiError(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`);
  change(o);
  return api.update(o);
}

/** A pod is ready: not being deleted, and its Ready condition True (podutil.IsPodReady, from the object's status). */
export function podReady(p: KObject): boolean {
  return !p.metadata.deletionTimestamp && !!p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}
