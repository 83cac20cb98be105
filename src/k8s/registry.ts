// A node's kubelet and the cluster it belongs to (what the node's
// kubelet.conf would tell the kubelet): the API server it registers with and
// its node name. Programs on the node reach the cluster through the client
// of client.ts (`kubeClient`, `inClusterConfig`), never through this binding.

import type { ApiServer } from './api.ts';

/** A host's membership in a cluster, as its kubelet holds it. */
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
