// The Kubernetes API as kubectl sees it: the seam between the client
// program and the API server. Real kubectl reads its kubeconfig for the
// server's address and talks HTTPS to it; here a cluster serves a `KubeApi`
// object on each of its nodes, and kubectl gets it with `kubeClient(kernel)`
// (the node it runs on tells which cluster, as the kubeconfig would).
// Everything that crosses is plain data (copies of objects, errors as
// ApiError) or the caller's own streams: kubectl never holds the server's
// stored objects, its controllers or a node's kubelet. Logs, exec and attach
// go through the API server, which proxies them to the pod's kubelet.
//
//   kubectl (userland/k8s/kubectl*.ts) ──KubeApi──> server.ts ──> ApiServer (api.ts), kubelets (kubelet.ts)
//
// Also here, as client-go and kubectl keep them: the object types, the
// discovery data a client caches (resource names, which kinds are
// namespaced), and what kubectl computes itself from an object (pod
// readiness, ages against its own clock, read-modify-write updates).
//
// The layer rule (.dependency-cruiser.cjs, "kubectl-through-api") keeps
// kubectl from importing the API server, the controllers or the kubelet.

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
  /** PUT: the object replaced by `obj` (the server keeps uid and creationTimestamp, bumps resourceVersion, and generation when the spec changed). */
  update(obj: KObject): KObject;
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
}

/** kubectl's handle on the cluster: the API, and the host's clock to age timestamps with. */
export interface KubeClient extends KubeApi {
  /** Seconds from a timestamp the server wrote to now on the client's clock (translateTimestampSince). */
  ageSeconds(ts: string | undefined): number;
}

const served = new WeakMap<Kernel, KubeApi>();

/** The cluster: answer kubectl on host `k` (a node of the cluster). */
export function serveKubeApi(k: Kernel, api: KubeApi): void {
  served.set(k, api);
}

/** The API server the host's kubeconfig points at, if the host is a node of a cluster. */
export function kubeClient(k: Kernel): KubeClient | undefined {
  const api = served.get(k);
  if (!api) return undefined;
  return {
    ...api,
    ageSeconds: (ts) => (ts ? Math.max(0, Math.floor((API_EPOCH + k.clock.now - Date.parse(ts)) / 1000)) : 0),
  };
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
