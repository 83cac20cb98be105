// The client seam as the daemons in the cluster use it (client.ts,
// server.ts): inClusterConfig finds the API and the node's settings on a
// node and nothing off the cluster; reads and watch events carry copies, so
// a daemon changing what it got changes nothing on the server; a watch sees
// only its kinds, in the order the server made the changes; writes go
// through the API (GET, change, PUT).

import { describe, expect, it } from 'vitest';
import { World } from '../world/world.ts';
import { buildCluster } from './cluster.ts';
import { inClusterConfig, modify, type WatchEvent } from './client.ts';

function cluster() {
  const w = new World({ seed: 5 });
  const other = w.addHost('outside');
  const c = buildCluster(w, { cni: 'none', kubeProxy: false, coredns: false });
  return { w, c, other };
}

describe('in-cluster client', () => {
  it('is found on a node, with the node settings, and not off the cluster', () => {
    const { c, other } = cluster();
    expect(inClusterConfig(other)).toBeUndefined();
    const cfg = inClusterConfig(c.host('node01'))!;
    expect(cfg.nodeName).toBe('node01');
    expect(cfg.clusterCidr).toBe('10.244.0.0/16');
    expect(cfg.serviceCidr).toBe('10.96.0.0/12');
    expect(cfg.proxyMode).toBe('iptables');
    expect(cfg.api.get('Node', undefined, 'node01')?.spec.podCIDR).toBe('10.244.1.0/24');
  });

  it('hands out copies: changing a listed object or a watched one changes nothing on the server', () => {
    const { c } = cluster();
    const api = inClusterConfig(c.host('node02'))!.api;
    const node = api.get('Node', undefined, 'node02')!;
    node.spec.podCIDR = '10.9.9.0/24';
    api.list('Node')[0].metadata.labels = { hijacked: 'yes' };
    expect(c.api.get('Node', undefined, 'node02')!.spec.podCIDR).toBe('10.244.2.0/24');
    expect(c.api.list('Node')[0].metadata.labels?.hijacked).toBeUndefined();
    const seen: WatchEvent[] = [];
    const off = api.watch(['Service'], (e) => {
      seen.push(e);
      e.object.spec.clusterIP = '10.1.1.1';
    });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.100.0.5', ports: [{ port: 80, protocol: 'TCP' }] } });
    expect(seen.map((e) => [e.type, e.object.metadata.name])).toEqual([['ADDED', 'web']]);
    expect(seen[0].object).not.toBe(c.api.get('Service', 'default', 'web'));
    expect(c.api.get('Service', 'default', 'web')!.spec.clusterIP).toBe('10.100.0.5');
    off();
    c.api.patch('Service', 'default', 'web', (s) => (s.metadata.labels = { app: 'web' }));
    expect(seen).toHaveLength(1);
  });

  it('watches only the kinds asked for, in the order of the changes, and writes through the API', () => {
    const { c } = cluster();
    const api = inClusterConfig(c.host('controlplane'))!.api;
    const seen: string[] = [];
    api.watch(['ConfigMap', 'Service'], (e) => seen.push(`${e.type} ${e.object.kind}/${e.object.metadata.name} ${e.object.metadata.labels?.v ?? '-'}`));
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' }, data: {} });
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' }, spec: {} });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: '10.100.0.6', ports: [{ port: 80, protocol: 'TCP' }] } });
    modify(api, 'ConfigMap', 'default', 'a', (o) => (o.metadata.labels = { v: '2' }));
    c.api.delete('Service', 'default', 's');
    expect(seen).toEqual(['ADDED ConfigMap/a -', 'ADDED Service/s -', 'MODIFIED ConfigMap/a 2', 'DELETED Service/s -']);
    expect(c.api.get('ConfigMap', 'default', 'a')!.metadata.labels).toEqual({ v: '2' });
  });
});
