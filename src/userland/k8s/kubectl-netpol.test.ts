// kubectl get/describe networkpolicy. The describe text is
// kubernetes/kubectl pkg/describe/describe_test.go TestDescribeNetworkPolicies
// (commit dee3483a3d6a64c07fdf746caf80af446dee99ac); only "Created on" differs:
// that test's timestamp is in PDT, the simulated API server writes UTC.

import { describe, expect, it } from 'vitest';
import { describeNetworkPolicy, netpolRow } from './kubectl-netpol.ts';
import { defaultNetworkPolicy } from '../../k8s/netpol-api.ts';
import type { KObject } from '../../k8s/api.ts';

const UPSTREAM = `Name:         network-policy-1
Namespace:    default
Created on:   2017-06-05 04:45:56 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2
  Allowing ingress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    From:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    From:
      PodSelector: id=app2,id2=app3
    From:
      NamespaceSelector: id=app2,id2=app3
    From:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Allowing egress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    To:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    To:
      PodSelector: id=app2,id2=app3
    To:
      NamespaceSelector: id=app2,id2=app3
    To:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    To:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    To: <any> (traffic not restricted by destination)
  Policy Types: Ingress, Egress
`;

function upstreamPolicy(): KObject {
  const peers = [
    { podSelector: { matchLabels: { id: 'pod1', id2: 'pod2' } }, namespaceSelector: { matchLabels: { id: 'ns1', id2: 'ns2' } } },
    { podSelector: { matchLabels: { id: 'app2', id2: 'app3' } } },
    { namespaceSelector: { matchLabels: { id: 'app2', id2: 'app3' } } },
    { namespaceSelector: { matchLabels: { id: 'app2', id2: 'app3' }, matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar1', 'bar2'] }] } },
    { ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] } },
  ];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'network-policy-1', namespace: 'default', creationTimestamp: '2017-06-05T04:45:56Z' },
    spec: {
      podSelector: { matchLabels: { id1: 'app1', id2: 'app2' }, matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar1', 'bar2'] }, { key: 'foo2', operator: 'NotIn', values: ['bar1', 'bar2'] }] },
      ingress: [{ ports: [{ port: 80 }, { port: 82, protocol: 'TCP' }], from: peers }, {}],
      egress: [{ ports: [{ port: 80 }, { port: 82, protocol: 'TCP' }], to: peers }, {}],
      policyTypes: ['Ingress', 'Egress'],
    },
  };
}

describe('kubectl describe/get networkpolicy', () => {
  it('describes as describe_test.go expects', () => {
    expect(describeNetworkPolicy(upstreamPolicy())).toBe(UPSTREAM);
  });

  it('describes a default-deny policy (empty podSelector, no rules)', () => {
    const o: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'prod', creationTimestamp: '2025-01-06T09:00:00Z', labels: { b: '2', a: '1' } }, spec: { podSelector: {} } };
    defaultNetworkPolicy(o);
    expect(describeNetworkPolicy(o)).toBe(
      'Name:         deny\nNamespace:    prod\nCreated on:   2025-01-06 09:00:00 +0000 UTC\nLabels:       a=1\n              b=2\nAnnotations:  <none>\nSpec:\n  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)\n  Allowing ingress traffic:\n    <none> (Selected pods are isolated for ingress connectivity)\n  Not affecting egress traffic\n  Policy Types: Ingress\n',
    );
  });

  it('POD-SELECTOR is FormatLabelSelector; defaults fill policyTypes and protocols', () => {
    const o = upstreamPolicy();
    expect(netpolRow(o)).toBe('foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2');
    expect(netpolRow({ ...o, spec: { podSelector: {} } })).toBe('<none>');
    const e: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'e' }, spec: { egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 80 }] }] } };
    defaultNetworkPolicy(e);
    expect(e.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(e.spec.podSelector).toEqual({});
    expect(e.spec.egress[0].ports[1].protocol).toBe('TCP');
  });
});
