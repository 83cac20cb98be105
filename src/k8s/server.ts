// The API server's side of the client seam (see client.ts): answers the
// calls of kubectl and of the in-cluster daemons from the ApiServer's store
// with copies (watch events too), and proxies logs, exec and attach to the
// kubelet of the pod's node, as the real API server proxies
// pods/NAME/{log,exec,attach} to the node's kubelet.

import { ApiError, type KObject, type KubeApi } from './client.ts';
import { applyDefaults, type ApiServer } from './api.ts';
import type { Kubelet } from './kubelet.ts';

const copy = <T>(o: T): T => structuredClone(o);

/** The API of `api`, with the cluster's kubelets behind it and its idle wait. */
export function apiServerApi(api: ApiServer, kubelets: ReadonlyMap<string, Kubelet>, idle: () => Promise<void>): KubeApi {
  const podOf = (ns: string, name: string): KObject => {
    const pod = api.get('Pod', ns, name);
    if (!pod) throw new ApiError(404, 'NotFound', `pods "${name}" not found`);
    return pod;
  };
  const kubeletOf = (pod: KObject): Kubelet => {
    const kl = kubelets.get(pod.spec?.nodeName);
    if (!kl) throw new ApiError(404, 'NotFound', `nodes "${pod.spec?.nodeName ?? ''}" not found`);
    return kl;
  };
  return {
    get: (kind, ns, name) => {
      const o = api.get(kind, ns, name);
      return o && copy(o);
    },
    list: (kind, ns) => api.list(kind, ns).map(copy),
    create: (obj) => copy(api.create(copy(obj))),
    update: (obj, opts) => {
      if (opts?.dryRun) return api.dryRunUpdate(copy(obj));
      const next = copy(obj);
      // In place: the stored object stays the one controllers and kubelets hold.
      const o = api.patch(obj.kind, obj.metadata.namespace, obj.metadata.name, (live) => {
        for (const k of Object.keys(live)) delete live[k];
        Object.assign(live, next);
      });
      return copy(o);
    },
    delete: (kind, ns, name, opts) => copy(opts?.gracePeriodSeconds === 0 ? api.delete(kind, ns, name) : api.deleteGraceful(kind, ns, name)),
    defaults: (obj) => {
      const o = copy(obj);
      applyDefaults(o);
      return o;
    },
    logs: (ns, name, container) => {
      const pod = podOf(ns, name);
      return kubelets.get(pod.spec?.nodeName)?.logs(ns, name, container) ?? '';
    },
    exec: (ns, name, argv, io) => {
      const pod = podOf(ns, name);
      return kubeletOf(pod).exec(ns, name, argv, io);
    },
    attach: (ns, name, argv, io) => {
      const pod = podOf(ns, name);
      return kubeletOf(pod).attach(ns, name, argv, io);
    },
    idle,
    watch: (kinds, fn) => {
      const want = new Set(kinds);
      // Filtered before copying: a watch of Services copies no Pods.
      return api.watch((e) => {
        if (want.has(e.object.kind)) fn({ type: e.type, object: copy(e.object) });
      });
    },
  };
}
