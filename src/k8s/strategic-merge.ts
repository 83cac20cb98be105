// A bounded strategic merge, as `kubectl apply` (three-way: last applied,
// file, live object) and `kubectl edit` (two-way: the object as opened, the
// object as saved, applied to the live one) compute and the API server
// applies them (k8s.io/apimachinery/pkg/util/strategicpatch):
// - maps merge key by key; a key the previous configuration had and the new
//   one lacks is deleted; a null value deletes;
// - lists whose Go type carries a `patchMergeKey` merge item by item on that
//   key (containers by name, container ports by containerPort, Service ports
//   by port, env by name, …), in the new configuration's order
//   (`$setElementOrder`), live-only items kept after them, items removed from
//   the configuration deleted;
// - every other list, and every scalar, is replaced.
// The update-only checks the merge can trip (immutable fields) are the API
// server's (UPDATE_CHECKS in api.ts): kubectl gets its Invalid errors.

import type { KObject } from './client.ts';

type J = unknown;
type Obj = Record<string, J>;

const isObj = (v: J): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `patchMergeKey` of the list at `path` (field names only, from the object's root), per the k8s.io/api Go types. */
export function mergeKeyOf(kind: string, path: string[]): string | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (last) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'imagePullSecrets':
    case 'env':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'hostAliases':
      return 'ip';
    case 'topologySpreadConstraints':
      return 'topologyKey';
    case 'ownerReferences':
      return 'uid';
    case 'conditions':
      return 'type';
    case 'ports':
      // ContainerPort lists merge on containerPort; ServiceSpec.Ports on port.
      if (parent === 'containers' || parent === 'initContainers' || parent === 'ephemeralContainers') return 'containerPort';
      if (kind === 'Service' && parent === 'spec' && path.length === 2) return 'port';
      return undefined;
    default:
      return undefined;
  }
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/**
 * Three-way merge: the result of changing `current` from `original` (the
 * previous configuration; undefined when there is none) to `modified`.
 */
export function threeWayMerge(kind: string, original: J, modified: J, current: J, path: string[] = []): J {
  if (isObj(modified)) {
    const out: Obj = isObj(current) ? clone(current) : {};
    const orig = isObj(original) ? original : {};
    for (const [k, v] of Object.entries(modified)) {
      if (v === null) delete out[k];
      else out[k] = threeWayMerge(kind, orig[k], v, out[k], [...path, k]);
    }
    for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k];
    return out;
  }
  if (Array.isArray(modified)) {
    const key = mergeKeyOf(kind, path);
    if (!key || !Array.isArray(current) || !modified.every(isObj)) return clone(modified);
    const id = (x: J): string => (isObj(x) ? JSON.stringify(x[key] ?? null) : '');
    const cur = new Map(current.map((x) => [id(x), x]));
    const orig = new Map((Array.isArray(original) ? original : []).map((x) => [id(x), x]));
    const want = new Set(modified.map(id));
    const out: J[] = modified.map((m) => threeWayMerge(kind, orig.get(id(m)), m, cur.get(id(m)), path));
    for (const c of current) if (!want.has(id(c)) && !orig.has(id(c))) out.push(clone(c));
    return out;
  }
  return clone(modified);
}

/** Deep equality with map keys in any order (what "unchanged" and "skipped" compare). */
export function sameJson(a: J, b: J): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with map keys sorted (Go's encoding of unstructured objects). */
export function canonical(v: J): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) return `{${Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The annotation kubectl apply keeps the applied configuration in (corev1.LastAppliedConfigAnnotation). */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The annotation's value for a configuration: the object without the
 * annotation, as JSON with sorted keys and a final newline
 * (kubectl/pkg/util GetModifiedConfiguration encodes it with the
 * unstructured JSON scheme, whose encoder ends with a newline).
 */
export function lastAppliedValue(obj: KObject): string {
  const c = structuredClone(obj);
  // The annotation map stays, empty when the file had none (`"annotations":{}`).
  c.metadata = c.metadata ?? ({} as KObject['metadata']);
  c.metadata.annotations = { ...(c.metadata.annotations ?? {}) };
  delete c.metadata.annotations[LAST_APPLIED];
  return canonical(c) + '\n';
}

/**
 * `kubectl apply` onto a live object: the three-way merge of the last applied
 * configuration (the annotation; none for an object made by `kubectl
 * create`), the file and the live object, with the file kept as the new
 * annotation. Returns the object to send (the server's update checks may
 * still complete or refuse it); `missing` tells the annotation was absent
 * (kubectl warns).
 */
export function applyMerge(file: KObject, live: KObject, config: KObject = file): { merged: KObject; missing: boolean } {
  const last = live.metadata.annotations?.[LAST_APPLIED];
  let original: unknown;
  try {
    original = last ? JSON.parse(last) : undefined;
  } catch {
    original = undefined;
  }
  const modified = structuredClone(file);
  modified.metadata.annotations = { ...(modified.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(config) };
  const merged = threeWayMerge(live.kind, original, modified, live) as KObject;
  merged.status = structuredClone(live.status);
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'namespace'] as const) if (live.metadata[k] !== undefined) (merged.metadata as unknown as Record<string, unknown>)[k] = live.metadata[k];
  if (merged.status === undefined) delete merged.status;
  return { merged, missing: !last };
}
