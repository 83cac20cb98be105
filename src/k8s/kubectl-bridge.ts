// kubectl reaches a node's kubelet (logs, exec) the way the API server
// proxies to it: from the API server to the cluster that owns it.

import type { ApiServer } from './api.ts';
import type { Kubelet } from './kubelet.ts';

const owners = new WeakMap<ApiServer, { kubelets: Map<string, Kubelet> }>();

/** Record which cluster an API server belongs to. */
export function registerApi(api: ApiServer, c: { kubelets: Map<string, Kubelet> }): void {
  owners.set(api, c);
}

/** The kubelets behind an API server. */
export function clusterOfApi(api: ApiServer): { kubelets: Map<string, Kubelet> } | undefined {
  return owners.get(api);
}
