// Rule text compared with what the real kube-proxy emits for the course
// notes' Service (003: default/clusterip-service, 10.100.100.100:80, pods
// 10.36.0.1-3). Source: kubernetes pkg/proxy/iptables/proxier.go,
// release-1.31 (syncProxyRules, writeServiceToEndpointRules,
// computeProbability "%0.10f"). iptables-save later prints the probability
// 0.3333333333 as 0.33333333349 (xt_statistic stores it in 2^31 steps),
// which is what the notes show.
// Checked again through the code search against stored copies of
// pkg/proxy/iptables/proxier.go (1.26+ layout with natChains/natRules,
// externalTrafficChain, localDetector.IfNotLocal; not pinned to a release
// tag): the KUBE-SVC masquerade rule's argument order, "masquerade traffic
// for %s external destinations", and KUBE-POSTROUTING's MASQUERADE
// --random-fully (iptables 1.8.9 prints the flag back as written).

import { describe, expect, it } from 'vitest';
import { buildIptablesRestore, probability } from './iptables.ts';
import { servicePorts } from './model.ts';
import type { KObject } from '../api.ts';

const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'clusterip-service', namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.100.100.100', selector: { app: 'webui' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] } };
const slice = (ips: string[], ready = true): KObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'clusterip-service-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'clusterip-service' } },
  endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready, serving: ready, terminating: false } })),
  ports: [{ port: 80, protocol: 'TCP' }],
});

describe('kube-proxy iptables rules', () => {
  it('matches the real proxier for a 3-endpoint ClusterIP Service', () => {
    const text = buildIptablesRestore(servicePorts([svc], [slice(['10.36.0.3', '10.36.0.1', '10.36.0.2'])]), { clusterCidr: '10.244.0.0/16' });
    const nat = text.slice(text.indexOf('*nat'));
    expect(nat).toContain('-A KUBE-SERVICES -m comment --comment "default/clusterip-service cluster IP" -m tcp -p tcp -d 10.100.100.100 --dport 80 -j KUBE-SVC-KUSV3H3OUX7H3MDQ\n');
    const svcRules = nat.split('\n').filter((l) => l.startsWith('-A KUBE-SVC-KUSV3H3OUX7H3MDQ'));
    expect(svcRules).toEqual([
      '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service cluster IP" -m tcp -p tcp -d 10.100.100.100 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service -> 10.36.0.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-KPNE4OMUFKEDG6YL',
      '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service -> 10.36.0.2:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-QC2YCZLGKU5ER4V3',
      '-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service -> 10.36.0.3:80" -j KUBE-SEP-L7WI7M2YKMCGI5ZA',
    ]);
    expect(nat).toContain('-A KUBE-SEP-KPNE4OMUFKEDG6YL -m comment --comment default/clusterip-service -s 10.36.0.1 -j KUBE-MARK-MASQ\n-A KUBE-SEP-KPNE4OMUFKEDG6YL -m comment --comment default/clusterip-service -m tcp -p tcp -j DNAT --to-destination 10.36.0.1:80\n');
    expect(nat).toContain(':KUBE-MARK-MASQ - [0:0]\n');
    expect(nat).toContain('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully\n');
    expect(nat.trimEnd().split('\n').slice(-2)).toEqual(['-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS', 'COMMIT']);
    expect(probability(3)).toBe('0.3333333333');
  });

  it('re-programs when endpoints change: a removed endpoint chain is flushed and deleted', () => {
    const before = buildIptablesRestore(servicePorts([svc], [slice(['10.36.0.1', '10.36.0.2'])]));
    expect(before).toContain('--probability 0.5000000000 -j KUBE-SEP-KPNE4OMUFKEDG6YL');
    const after = buildIptablesRestore(servicePorts([svc], [slice(['10.36.0.1'])]), {}, ['KUBE-SEP-KPNE4OMUFKEDG6YL', 'KUBE-SEP-QC2YCZLGKU5ER4V3', 'KUBE-SVC-KUSV3H3OUX7H3MDQ']);
    expect(after).toContain('-A KUBE-SVC-KUSV3H3OUX7H3MDQ -m comment --comment "default/clusterip-service -> 10.36.0.1:80" -j KUBE-SEP-KPNE4OMUFKEDG6YL\n');
    expect(after).toContain(':KUBE-SEP-QC2YCZLGKU5ER4V3 - [0:0]\n');
    expect(after).toContain('\n-X KUBE-SEP-QC2YCZLGKU5ER4V3\n');
    expect(after).not.toContain('statistic');
  });

  it('rejects in the filter table when a Service has no ready endpoints', () => {
    const t = buildIptablesRestore(servicePorts([svc], [slice(['10.36.0.1'], false)]));
    expect(t).toContain('-A KUBE-SERVICES -m comment --comment "default/clusterip-service has no endpoints" -m tcp -p tcp -d 10.100.100.100 --dport 80 -j REJECT');
    expect(t).not.toContain('KUBE-SVC-');
  });

  it('NodePort: KUBE-NODEPORTS jumps to KUBE-EXT which masquerades and jumps to KUBE-SVC', () => {
    const np = { ...svc, spec: { ...svc.spec, type: 'NodePort', ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }] } };
    const t = buildIptablesRestore(servicePorts([np], [slice(['10.36.0.1'])]));
    expect(t).toContain('-A KUBE-NODEPORTS -m comment --comment default/clusterip-service -m tcp -p tcp --dport 30080 -j KUBE-EXT-KUSV3H3OUX7H3MDQ\n');
    expect(t).toContain('-A KUBE-EXT-KUSV3H3OUX7H3MDQ -m comment --comment "masquerade traffic for default/clusterip-service external destinations" -j KUBE-MARK-MASQ\n-A KUBE-EXT-KUSV3H3OUX7H3MDQ -j KUBE-SVC-KUSV3H3OUX7H3MDQ\n');
  });
});
