// The IPVS proxier's ipset members and iptables rules, case by case, against
// kubernetes pkg/proxy/ipvs/proxier_test.go (the tests named in each case:
// their ExpectedIPSet members and ExpectedIptablesChain lists, i.e. which
// rules each chain holds, in order, with their target and --match-set).
// The full rule text is the one writeIptablesRules (proxier.go) spells for
// those rules: the set's comment from ipset.go, "-m set --match-set NAME
// dst,dst" (bitmap:port sets `dst`, with "-p tcp"), the 127.0.0.0/8 RETURN
// first in KUBE-SERVICES and acceptIPVSTraffic's ACCEPTs last. The fake
// proxier of those tests uses the mark 0x4000 and no cluster CIDR detector
// unless one is given; here --cluster-cidr is given as kubeadm does.

import { describe, expect, it } from 'vitest';
import { buildIpvsIptablesRestore, planIpvsSync, IPVS_SETS } from './ipvs.ts';
import { servicePorts } from './model.ts';
import type { KObject } from '../api.ts';

const NODE = 'testHostname';

function svc(name: string, spec: Record<string, unknown>, status?: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'ns1' }, spec, status };
}
function slice(name: string, eps: { ip: string; node?: string }[], port = 80, portName = 'p80'): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${name}-1`, namespace: 'ns1', labels: { 'kubernetes.io/service-name': name } },
    endpoints: eps.map((e) => ({ addresses: [e.ip], nodeName: e.node, conditions: { ready: true, serving: true, terminating: false } })),
    ports: [{ name: portName, port, protocol: 'TCP' }],
  };
}

/** The rules of one chain of one table, in order. */
function chain(text: string, table: 'nat' | 'filter', name: string): string[] {
  const body = text.slice(text.indexOf(`*${table}`));
  return body.slice(0, body.indexOf('COMMIT')).split('\n').filter((l) => l.startsWith(`-A ${name} `));
}

const C = {
  clusterIP: '-m comment --comment "Kubernetes service cluster ip + port for masquerade purpose"',
  lb: '-m comment --comment "Kubernetes service lb portal"',
  hc: '-m comment --comment "Kubernetes health check node port"',
};

/** KUBE-IPVS-FILTER and the other fixed rules every sync writes. */
const IPVS_FILTER = [
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-LOAD-BALANCER dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-CLUSTER-IP dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-EXTERNAL-IP-LOCAL dst,dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j RETURN',
  '-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT',
];

describe('kube-proxy IPVS proxier: ipsets and iptables rules (pkg/proxy/ipvs)', () => {
  it('creates every set of ipsetInfo with its type', () => {
    const plan = planIpvsSync([]);
    expect([...plan.sets.keys()]).toEqual(IPVS_SETS.map((s) => s.name));
    expect(IPVS_SETS.find((s) => s.name === 'KUBE-CLUSTER-IP')!.type).toBe('hash:ip,port');
    expect(IPVS_SETS.find((s) => s.name === 'KUBE-LOOP-BACK')!.type).toBe('hash:ip,port,ip');
    expect(IPVS_SETS.find((s) => s.name === 'KUBE-NODE-PORT-TCP')!.type).toBe('bitmap:port');
    expect(IPVS_SETS.find((s) => s.name === 'KUBE-LOAD-BALANCER-SOURCE-CIDR')!.type).toBe('hash:ip,port,net');
    // No service: only the rules that do not depend on a set's members.
    const t = buildIpvsIptablesRestore(plan, { clusterCidr: '10.244.0.0/16' });
    expect(chain(t, 'nat', 'KUBE-SERVICES')).toEqual(['-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN', '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT']);
    expect(chain(t, 'filter', 'KUBE-IPVS-FILTER')).toEqual(IPVS_FILTER);
    expect(t.split('\n').slice(0, 6)).toEqual(['*nat', ':KUBE-SERVICES - [0:0]', ':KUBE-POSTROUTING - [0:0]', ':KUBE-NODE-PORT - [0:0]', ':KUBE-LOAD-BALANCER - [0:0]', ':KUBE-MARK-MASQ - [0:0]']);
    expect(chain(t, 'nat', 'KUBE-POSTROUTING')).toEqual([
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]);
    expect(chain(t, 'filter', 'KUBE-FORWARD')).toEqual([
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT',
      '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
    ]);
  });

  // proxier_test.go TestOnlyLocalNodePorts.
  it('TestOnlyLocalNodePorts: KUBE-NODE-PORT-LOCAL-TCP returns before KUBE-NODE-PORT-TCP masquerades', () => {
    const ports = servicePorts(
      [svc('svc1', { type: 'NodePort', clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
      [slice('svc1', [{ ip: '10.180.0.1', node: NODE }, { ip: '10.180.1.1', node: 'other-node' }])],
    );
    const plan = planIpvsSync(ports, { nodeName: NODE, clusterCidr: '10.244.0.0/16' });
    expect(plan.sets.get('KUBE-NODE-PORT-TCP')).toEqual(['3001']);
    expect(plan.sets.get('KUBE-NODE-PORT-LOCAL-TCP')).toEqual(['3001']);
    expect(plan.sets.get('KUBE-CLUSTER-IP')).toEqual(['10.20.30.41,tcp:80']);
    // Only the local endpoint hairpins on this node.
    expect(plan.sets.get('KUBE-LOOP-BACK')).toEqual(['10.180.0.1,tcp:80,10.180.0.1']);
    const t = buildIpvsIptablesRestore(plan, { clusterCidr: '10.244.0.0/16' });
    expect(chain(t, 'nat', 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      `-A KUBE-SERVICES ${C.clusterIP} -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ`,
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
    ]);
    expect([...chain(t, 'nat', 'KUBE-NODE-PORT'), ...chain(t, 'filter', 'KUBE-NODE-PORT')]).toEqual([
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
      `-A KUBE-NODE-PORT ${C.hc} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
    ]);
    expect(chain(t, 'nat', 'KUBE-POSTROUTING')[0]).toBe('-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE');
  });

  // proxier_test.go TestHealthCheckNodePort.
  it('TestHealthCheckNodePort: only LoadBalancer Services with the Local policy put their health check port in the set', () => {
    const base = { type: 'LoadBalancer', clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3000 }] };
    const ports = servicePorts(
      [svc('valid-svc1', { ...base, healthCheckNodePort: 30000 }), svc('valid-svc2', { ...base, healthCheckNodePort: 30001 }), svc('invalid-svc3', { ...base, externalTrafficPolicy: 'Cluster', healthCheckNodePort: 30002 })],
      [],
    );
    const plan = planIpvsSync(ports, { nodeName: NODE });
    expect(plan.sets.get('KUBE-HEALTH-CHECK-NODE-PORT')!.sort()).toEqual(['30000', '30001']);
    const t = buildIpvsIptablesRestore(plan);
    expect([...chain(t, 'nat', 'KUBE-NODE-PORT'), ...chain(t, 'filter', 'KUBE-NODE-PORT')]).toEqual([
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port with externalTrafficPolicy=local" -m set --match-set KUBE-NODE-PORT-LOCAL-TCP dst -j RETURN',
      '-A KUBE-NODE-PORT -p tcp -m comment --comment "Kubernetes nodeport TCP port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ',
      `-A KUBE-NODE-PORT ${C.hc} -m set --match-set KUBE-HEALTH-CHECK-NODE-PORT dst -j ACCEPT`,
    ]);
    // Without a --cluster-cidr the proxier masquerades node-originated traffic from a VIP (src,dst).
    expect(chain(t, 'nat', 'KUBE-SERVICES')[1]).toBe(`-A KUBE-SERVICES ${C.clusterIP} -m set --match-set KUBE-CLUSTER-IP src,dst -j KUBE-MARK-MASQ`);
  });

  // proxier_test.go TestLoadBalancerSourceRanges.
  it('TestLoadBalancerSourceRanges: KUBE-PROXY-FIREWALL → KUBE-SOURCE-RANGES-FIREWALL: RETURN for the allowed CIDR, else DROP', () => {
    const ports = servicePorts(
      [svc('svc1', { type: 'LoadBalancer', clusterIP: '10.20.30.41', loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
      [slice('svc1', [{ ip: '10.180.0.1' }])],
    );
    const plan = planIpvsSync(ports, { nodeName: NODE, nodeIP: '192.168.0.10' });
    expect(plan.sets.get('KUBE-LOAD-BALANCER')).toEqual(['1.2.3.4,tcp:80']);
    expect(plan.sets.get('KUBE-LOAD-BALANCER-FW')).toEqual(['1.2.3.4,tcp:80']);
    expect(plan.sets.get('KUBE-LOAD-BALANCER-SOURCE-CIDR')).toEqual(['1.2.3.4,tcp:80,10.0.0.0/8']);
    expect(plan.sets.get('KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual([]);
    expect(plan.sets.get('KUBE-IPVS-IPS')).toEqual(['10.20.30.41', '1.2.3.4']);
    const t = buildIpvsIptablesRestore(plan, { clusterCidr: '10.244.0.0/16' });
    expect(chain(t, 'nat', 'KUBE-SERVICES')).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      `-A KUBE-SERVICES ${C.lb} -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER`,
      `-A KUBE-SERVICES ${C.clusterIP} -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ`,
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
      '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT',
    ]);
    expect(chain(t, 'filter', 'KUBE-PROXY-FIREWALL')).toEqual([
      '-A KUBE-PROXY-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port for load balancer with sourceRange" -m set --match-set KUBE-LOAD-BALANCER-FW dst,dst -j KUBE-SOURCE-RANGES-FIREWALL',
    ]);
    expect(chain(t, 'filter', 'KUBE-SOURCE-RANGES-FIREWALL')).toEqual([
      '-A KUBE-SOURCE-RANGES-FIREWALL -m comment --comment "Kubernetes service load balancer ip + port + source cidr for packet filter purpose" -m set --match-set KUBE-LOAD-BALANCER-SOURCE-CIDR dst,dst,src -j RETURN',
      '-A KUBE-SOURCE-RANGES-FIREWALL -j DROP',
    ]);
    // The node is outside 10.0.0.0/8: it may not reach the VIP either (issue 119656's KUBE-IPVS-OUT-FILTER rule).
    expect(chain(t, 'filter', 'KUBE-IPVS-OUT-FILTER')).toEqual(['-A KUBE-IPVS-OUT-FILTER -s 1.2.3.4 -m ipvs --vaddr 1.2.3.4 --vproto tcp --vport 80 -j DROP']);
    // A range holding the node address admits the node through KUBE-LOAD-BALANCER-SOURCE-IP instead.
    const inside = planIpvsSync(ports, { nodeName: NODE, nodeIP: '10.1.2.3' });
    expect(inside.sets.get('KUBE-LOAD-BALANCER-SOURCE-IP')).toEqual(['1.2.3.4,tcp:80,1.2.3.4']);
    expect(chain(buildIpvsIptablesRestore(inside), 'filter', 'KUBE-IPVS-OUT-FILTER')).toEqual([]);
  });

  // proxier_test.go TestOnlyLocalLoadBalancing.
  it('TestOnlyLocalLoadBalancing: KUBE-LOAD-BALANCER returns for KUBE-LOAD-BALANCER-LOCAL members, else masquerades', () => {
    const ports = servicePorts(
      [svc('svc1', { type: 'LoadBalancer', clusterIP: '10.20.30.41', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
      [slice('svc1', [{ ip: '10.180.0.1', node: NODE }, { ip: '10.180.1.1', node: 'other-node' }])],
    );
    const plan = planIpvsSync(ports, { nodeName: NODE });
    expect(plan.sets.get('KUBE-LOAD-BALANCER')).toEqual(['1.2.3.4,tcp:80']);
    expect(plan.sets.get('KUBE-LOAD-BALANCER-LOCAL')).toEqual(['1.2.3.4,tcp:80']);
    const t = buildIpvsIptablesRestore(plan, { clusterCidr: '10.244.0.0/16' });
    expect(chain(t, 'nat', 'KUBE-SERVICES').map((l) => l.replace(/ -m comment --comment "[^"]*"/, ''))).toEqual([
      '-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN',
      '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ',
      '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT',
      '-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT',
      '-A KUBE-SERVICES -m set --match-set KUBE-LOAD-BALANCER dst,dst -j ACCEPT',
    ]);
    expect(chain(t, 'nat', 'KUBE-LOAD-BALANCER')).toEqual([
      '-A KUBE-LOAD-BALANCER -m comment --comment "Kubernetes service load balancer ip + port with externalTrafficPolicy=local" -m set --match-set KUBE-LOAD-BALANCER-LOCAL dst,dst -j RETURN',
      '-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ',
    ]);
  });

  it('keeps the rule count fixed as Services are added (members go to the sets)', () => {
    const mk = (n: number): KObject[] => Array.from({ length: n }, (_, i) => svc(`s${i}`, { clusterIP: `10.96.0.${i + 10}`, ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }));
    const one = buildIpvsIptablesRestore(planIpvsSync(servicePorts(mk(1), [])), { clusterCidr: '10.244.0.0/16' });
    const many = planIpvsSync(servicePorts(mk(50), []));
    expect(buildIpvsIptablesRestore(many, { clusterCidr: '10.244.0.0/16' })).toBe(one);
    expect(many.sets.get('KUBE-CLUSTER-IP')).toHaveLength(50);
  });
});
