// Who runs in a network namespace — a pod (its sandbox) or Docker containers —
// for the topology view. The Docker engine and the cluster register a lister
// when they start, so the view needs neither module until a world has them.

import type { NetNs } from '../kernel/netns.ts';

/** One namespace's owner: the pod whose sandbox it is, or a container in it. */
export interface NsOwner {
  ns: NetNs;
  pod?: string;
  container?: string;
}

const listers = new WeakMap<object, Map<string, () => Iterable<NsOwner>>>();

/** Register what `key` (a world, or a host's kernel) runs in namespaces; `source` (docker, k8s) replaces its earlier lister. */
export function registerNsOwners(key: object, source: string, list: () => Iterable<NsOwner>): void {
  let l = listers.get(key);
  if (!l) listers.set(key, (l = new Map()));
  l.set(source, list);
}

/** Every owner registered for `key`. */
export function nsOwnersOf(key: object): NsOwner[] {
  return [...(listers.get(key)?.values() ?? [])].flatMap((f) => [...f()]);
}
