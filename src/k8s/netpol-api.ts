// NetworkPolicy (networking.k8s.io/v1) as the API server stores it: the
// defaults of pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicyPort:
// protocol TCP; SetDefaults_NetworkPolicy: policyTypes is [Ingress], plus
// Egress when the spec has egress rules) and an empty podSelector.

import type { KObject } from './client.ts';

/** Fill in what the API server defaults on create and update. */
export function defaultNetworkPolicy(o: KObject): void {
  const spec = (o.spec ??= {});
  spec.podSelector ??= {};
  for (const rules of [spec.ingress, spec.egress]) {
    if (!Array.isArray(rules)) continue;
    for (const r of rules) for (const port of (r && Array.isArray(r.ports) ? r.ports : []) as { protocol?: string }[]) if (port && typeof port === 'object') port.protocol ??= 'TCP';
  }
  if (!Array.isArray(spec.policyTypes) || !spec.policyTypes.length) spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
}
