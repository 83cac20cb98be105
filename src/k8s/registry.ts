// Which cluster a simulated host belongs to (what a kubeconfig or the
// node's kubelet.conf would tell a client): programs on a node find the API
// server and their node name here.

import type { Kernel } from '../kernel/kernel.ts';
import type { ApiServer } from './api.ts';

/** A host's membership in a cluster. */
export interface NodeBinding {
  api: ApiServer;
  nodeName: string;
  /** Register async work so `idle()` can wait for it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once no tracked work is pending. */
  idle(): Promise<void>;
  clusterCidr: string;
  proxyMode: 'iptables' | 'ipvs' | 'nftables';
  /** --service-cluster-ip-range (the nftables proxier drops unallocated ClusterIPs in it). */
  serviceCidr?: string;
}

const bindings = new WeakMap<Kernel, NodeBinding>();

/** Bind a host to a cluster. */
export function bindNode(k: Kernel, b: NodeBinding): void {
  bindings.set(k, b);
}

/** The cluster a host belongs to, if any. */
export function nodeOf(k: Kernel): NodeBinding | undefined {
  return bindings.get(k);
}
