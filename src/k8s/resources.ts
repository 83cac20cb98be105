// The API's resource kinds with their plural names and groups, apart from
// the API server (./api.ts re-exports them): the shell's Tab completion of
// `kubectl get po⇥` reads this table before any Kubernetes code has loaded.

/** Resource names as errors print them (`pods "x" not found`). */
export const RESOURCE: Record<string, { plural: string; group: string }> = {
  Pod: { plural: 'pods', group: '' },
  Service: { plural: 'services', group: '' },
  Endpoints: { plural: 'endpoints', group: '' },
  Node: { plural: 'nodes', group: '' },
  Namespace: { plural: 'namespaces', group: '' },
  ConfigMap: { plural: 'configmaps', group: '' },
  IPAddressPool: { plural: 'ipaddresspools', group: 'metallb.io' },
  L2Advertisement: { plural: 'l2advertisements', group: 'metallb.io' },
  Deployment: { plural: 'deployments', group: 'apps' },
  ReplicaSet: { plural: 'replicasets', group: 'apps' },
  DaemonSet: { plural: 'daemonsets', group: 'apps' },
  EndpointSlice: { plural: 'endpointslices', group: 'discovery.k8s.io' },
  Ingress: { plural: 'ingresses', group: 'networking.k8s.io' },
  IngressClass: { plural: 'ingressclasses', group: 'networking.k8s.io' },
  NetworkPolicy: { plural: 'networkpolicies', group: 'networking.k8s.io' },
  Event: { plural: 'events', group: '' },
};
