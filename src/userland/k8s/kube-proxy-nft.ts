// kube-proxy --proxy-mode=nftables: each sync writes the `ip kube-proxy`
// table with one `nft -f -` transaction (src/k8s/proxy/nftables.ts), as
// knftables runs nft; stale service chains are deleted one sync later.

import type { Process } from '../../kernel/proc.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import type { InCluster } from '../../k8s/client.ts';
import { buildNftScript } from '../../k8s/proxy/nftables.ts';
import type { ServicePortInfo } from '../../k8s/proxy/model.ts';

/** What one node's nftables proxier remembers between syncs. */
export interface NftProxierState {
  existing: string[];
  stale: string[];
  /** Affinity sets the last sync wrote. */
  sets?: string[];
}

/** The last script each node's nftables proxier ran (tests, `kubectl logs`). */
export const lastNftSync = new WeakMap<object, { script: string; status: number; err: string }>();

/** One full sync; returns nft's exit status and error text. */
export async function syncNftables(p: Process, host: object, b: InCluster, ports: ServicePortInfo[], st: NftProxierState): Promise<{ code: number; err: string }> {
  const node = b.api.get('Node', undefined, b.nodeName);
  const nodeIps = ((node?.status?.addresses ?? []) as { type: string; address: string }[]).filter((a) => a.type === 'InternalIP').map((a) => a.address);
  const { script, active, stale, activeSets } = buildNftScript(ports, b.api.list('Service'), { clusterCidr: b.clusterCidr, serviceCidr: b.serviceCidr ?? '10.96.0.0/12', nodeIps, existingChains: st.existing, staleChains: st.stale, nodeName: b.nodeName, existingSets: st.sets });
  const err = new StringOut();
  let code: number;
  try {
    code = await p.exec(p, ['nft', '-f', '-'], { stdin: new StringIn(script), stdout: new StringOut(), stderr: err });
  } catch (e) {
    code = 127;
    err.write(`nft: ${(e as Error).message}\n`);
  }
  lastNftSync.set(host, { script, status: code, err: err.text });
  if (code === 0) {
    st.existing = [...active, ...stale];
    st.stale = stale;
    st.sets = activeSets;
  }
  return { code, err: err.text };
}
