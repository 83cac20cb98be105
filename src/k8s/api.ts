// A small API server: typed objects keyed by kind, namespace and name, with
// uid, resourceVersion, creationTimestamp and generation as the real one
// assigns them, and watches. Events are queued and delivered in order after
// the mutation that caused them (controllers may mutate from a handler; the
// queue is drained by whoever started the first mutation, bounded).

import type { Clock } from '../kernel/clock.ts';
import type { Rng } from '../kernel/rng.ts';
import { defaultNetworkPolicy } from './netpol-api.ts';
import { validateIngress } from './ingress-api.ts';
import { API_EPOCH as EPOCH, ApiError, apiTimestamp, namespaced, qualifiedResource, type KObject, type WatchEvent } from './client.ts';

// The object types, ApiError and the discovery data are the client's (client.ts); the server's modules import them from here too.
export { ApiError, RESOURCE, qualifiedResource, type KObject, type ObjectMeta, type WatchEvent } from './client.ts';

/**
 * Validation of a kind as the API server does it on create and update: field
 * errors (`spec.x: Required value: …`); any makes the request fail with 422
 * `The Kind "name" is invalid: …` (kubectl prints that line).
 */
export const VALIDATORS = new Map<string, (o: KObject) => string[]>([['Ingress', validateIngress]]);

function validate(o: KObject): void {
  const errs = VALIDATORS.get(o.kind)?.(o) ?? [];
  if (!errs.length) return;
  const head = `The ${o.kind} "${o.metadata.name}" is invalid: `;
  throw new ApiError(422, 'Invalid', errs.length === 1 ? head + errs[0] : `${head}\n${errs.map((e) => `* ${e}`).join('\n')}`);
}

/**
 * Checks and fill-ins the API server makes on an update and not on a create
 * (a strategy's PrepareForUpdate and ValidateUpdate), by kind: `next` may be
 * completed from `old`; an ApiError (422 Invalid) refuses the update.
 */
export const UPDATE_CHECKS = new Map<string, (old: KObject, next: KObject) => void>();

// ValidateServiceUpdate: the cluster IP may not change once set; an empty
// one keeps the allocated address (the registry's patchAllocatedValues).
UPDATE_CHECKS.set('Service', (old, next) => {
  const was = old.spec?.clusterIP;
  const now = next.spec?.clusterIP;
  if (was && was !== 'None' && (now === undefined || now === '')) {
    next.spec.clusterIP = was;
    if (old.spec.clusterIPs) next.spec.clusterIPs = structuredClone(old.spec.clusterIPs);
    return;
  }
  if (was && now !== was) {
    const ips: string[] = next.spec?.clusterIPs && next.spec.clusterIPs[0] === now ? next.spec.clusterIPs : [now];
    throw new ApiError(422, 'Invalid', `The Service "${old.metadata.name}" is invalid: spec.clusterIPs[0]: Invalid value: []string{${ips.map((x) => JSON.stringify(x)).join(', ')}}: may not change once set`);
  }
  if (next.spec && old.spec?.clusterIPs && next.spec.clusterIPs?.[0] !== now) next.spec.clusterIPs = [now];
});

/** Defaulting the API server does on write (pkg/apis/<group>/v1/defaults.go) for kinds that need it. */
export function applyDefaults(obj: KObject): void {
  if (obj.kind === 'NetworkPolicy') defaultNetworkPolicy(obj);
}

/** The object store. */
export class ApiServer {
  private readonly store = new Map<string, Map<string, KObject>>();
  private rv = 1000;
  private readonly watchers = new Set<(e: WatchEvent) => void>();
  private queue: WatchEvent[] = [];
  private draining = false;
  readonly clock: Clock;
  readonly rng: Rng;

  constructor(clock: Clock, rng: Rng) {
    this.clock = clock;
    this.rng = rng;
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns }, spec: {}, status: { phase: 'Active' } });
  }

  /** RFC 3339 time of the virtual clock (as metadata timestamps are written). */
  now(): string {
    return apiTimestamp(this.clock.now);
  }

  /** Seconds since a timestamp this server wrote. */
  ageSeconds(ts: string | undefined): number {
    if (!ts) return 0;
    return Math.max(0, Math.floor((EPOCH + this.clock.now - Date.parse(ts)) / 1000));
  }

  /** A random uid (seeded). */
  uid(): string {
    const h = this.rng.hex(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** The 5-character suffix generateName and pod-template hashes use (rand.String). */
  randSuffix(n = 5): string {
    const A = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < n; i++) s += A[this.rng.int(0, A.length - 1)];
    return s;
  }

  private bucket(kind: string): Map<string, KObject> {
    let b = this.store.get(kind);
    if (!b) this.store.set(kind, (b = new Map()));
    return b;
  }

  private key(kind: string, ns: string | undefined, name: string): string {
    return namespaced(kind) ? `${ns ?? 'default'}/${name}` : name;
  }

  /** Whether a kind is namespaced. */
  static namespaced(kind: string): boolean {
    return namespaced(kind);
  }

  get(kind: string, ns: string | undefined, name: string): KObject | undefined {
    return this.bucket(kind).get(this.key(kind, ns, name));
  }

  /** Objects of a kind (in one namespace, or all), sorted by namespace then name. */
  list(kind: string, ns?: string): KObject[] {
    const all = [...this.bucket(kind).values()].filter((o) => ns === undefined || !namespaced(kind) || o.metadata.namespace === ns);
    return all.sort((a, b) => ((a.metadata.namespace ?? '') + '/' + a.metadata.name < (b.metadata.namespace ?? '') + '/' + b.metadata.name ? -1 : 1));
  }

  /** POST: assign uid, resourceVersion, timestamps; generateName gets a suffix. */
  create(obj: KObject): KObject {
    const m = obj.metadata;
    if (namespaced(obj.kind)) m.namespace = m.namespace ?? 'default';
    else delete m.namespace;
    if (!m.name && m.generateName) {
      for (let i = 0; i < 50; i++) {
        m.name = m.generateName + this.randSuffix();
        if (!this.get(obj.kind, m.namespace, m.name)) break;
      }
    }
    if (!m.name) throw new ApiError(422, 'Invalid', `${obj.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    if (namespaced(obj.kind) && m.namespace && !this.get('Namespace', undefined, m.namespace)) {
      throw new ApiError(404, 'NotFound', `namespaces "${m.namespace}" not found`);
    }
    const b = this.bucket(obj.kind);
    const k = this.key(obj.kind, m.namespace, m.name);
    if (b.has(k)) throw new ApiError(409, 'AlreadyExists', `${qualifiedResource(obj.kind)} "${m.name}" already exists`);
    // The ServiceAccount admission plugin: a pod without one runs as `default`.
    if (obj.kind === 'Pod' && obj.spec && !obj.spec.serviceAccountName) obj.spec.serviceAccountName = 'default';
    applyDefaults(obj);
    validate(obj);
    m.uid = this.uid();
    m.resourceVersion = String(++this.rv);
    m.creationTimestamp = this.now();
    if (obj.spec !== undefined && obj.kind !== 'Namespace' && obj.kind !== 'Node') m.generation = 1;
    b.set(k, obj);
    this.emit({ type: 'ADDED', object: obj });
    return obj;
  }

  /** PUT: replace (metadata.uid/creationTimestamp kept); generation bumps when spec changed. */
  update(obj: KObject): KObject {
    const m = obj.metadata;
    const b = this.bucket(obj.kind);
    const k = this.key(obj.kind, m.namespace, m.name);
    const old = b.get(k);
    if (!old) throw new ApiError(404, 'NotFound', `${qualifiedResource(obj.kind)} "${m.name}" not found`);
    applyDefaults(obj);
    UPDATE_CHECKS.get(obj.kind)?.(old, obj);
    validate(obj);
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    if (old !== obj && JSON.stringify(old.spec) !== JSON.stringify(obj.spec)) m.generation = (old.metadata.generation ?? 1) + 1;
    m.resourceVersion = String(++this.rv);
    b.set(k, obj);
    this.emit({ type: 'MODIFIED', object: obj });
    return obj;
  }

  /** Mutate an object in place and publish the change (spec edits bump generation). */
  patch(kind: string, ns: string | undefined, name: string, fn: (o: KObject) => void): KObject {
    const o = this.get(kind, ns, name);
    if (!o) throw new ApiError(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`);
    const before = JSON.stringify(o.spec);
    const check = UPDATE_CHECKS.get(kind);
    const saved = VALIDATORS.has(kind) || check ? structuredClone(o) : undefined;
    fn(o);
    applyDefaults(o);
    if (saved) {
      try {
        check?.(saved, o);
        validate(o);
      } catch (e) {
        for (const key of Object.keys(o)) delete o[key];
        Object.assign(o, saved);
        throw e;
      }
    }
    if (JSON.stringify(o.spec) !== before && o.metadata.generation !== undefined) o.metadata.generation++;
    o.metadata.resourceVersion = String(++this.rv);
    this.emit({ type: 'MODIFIED', object: o });
    return o;
  }

  /** A dry run of PUT: the object as an update would store it (defaults, the update checks, validation), nothing stored or published. */
  dryRunUpdate(obj: KObject): KObject {
    const old = this.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) throw new ApiError(404, 'NotFound', `${qualifiedResource(obj.kind)} "${obj.metadata.name}" not found`);
    const next = structuredClone(obj);
    applyDefaults(next);
    UPDATE_CHECKS.get(next.kind)?.(old, next);
    validate(next);
    return next;
  }

  /** DELETE (immediate removal; pods go through graceful termination in the kubelet first). */
  delete(kind: string, ns: string | undefined, name: string): KObject {
    const b = this.bucket(kind);
    const k = this.key(kind, ns, name);
    const o = b.get(k);
    if (!o) throw new ApiError(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`);
    b.delete(k);
    this.emit({ type: 'DELETED', object: o });
    // Garbage collection of dependents (background propagation).
    for (const [kd, bk] of this.store) {
      for (const dep of [...bk.values()]) {
        if (dep.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid)) this.deleteGraceful(kd, dep.metadata.namespace, dep.metadata.name);
      }
    }
    return o;
  }

  /** Delete honouring pod graceful termination: a pod on a node gets a deletionTimestamp and its kubelet finishes. */
  deleteGraceful(kind: string, ns: string | undefined, name: string): KObject {
    const o = this.get(kind, ns, name);
    if (!o) throw new ApiError(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`);
    if (kind === 'Pod' && o.spec?.nodeName) {
      if (!o.metadata.deletionTimestamp) this.patch(kind, ns, name, (p) => (p.metadata.deletionTimestamp = this.now()));
      return o;
    }
    return this.delete(kind, ns, name);
  }

  /** Subscribe to every event; returns an unsubscribe function. */
  watch(fn: (e: WatchEvent) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  private emit(e: WatchEvent): void {
    this.queue.push(e);
    if (this.draining) return;
    this.draining = true;
    try {
      for (let n = 0; this.queue.length && n < 200_000; n++) {
        const ev = this.queue.shift()!;
        for (const w of [...this.watchers]) w(ev);
      }
    } finally {
      this.draining = false;
      this.queue = [];
    }
  }
}
