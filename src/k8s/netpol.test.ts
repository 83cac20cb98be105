// NetworkPolicy enforced by kube-router's controller: each case is a probe
// (curl from a pod) through the simulated stack, allowed or refused.

import { describe, expect, it } from 'vitest';
import { apply, canReach, inPodRun, ipOf, netpolCluster, onNode, pod, policy } from './netpol.test-util.ts';

describe('NetworkPolicy with kube-router', () => {
  it('without policies every pod reaches every port', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['prod', 'batch'], api, 80)).toBe(true);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
  }, 60_000);

  it('default deny, then one allowed path by pod selector and port', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    await apply(c, policy('prod', 'default-deny', { podSelector: {}, policyTypes: ['Ingress'] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
    expect(await canReach(w, c, ['prod', 'batch'], api, 8080)).toBe(false);
    await apply(c, policy('prod', 'allow-frontend', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 8080 }] }] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['prod', 'web'], api, 80)).toBe(false);
    expect(await canReach(w, c, ['prod', 'batch'], api, 8080)).toBe(false);
    // A podSelector alone means this namespace: the frontend in dev stays out.
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(false);
  }, 60_000);
});

describe('NetworkPolicy peers, ports and lifecycle', () => {
  it('namespaceSelector alone admits every pod of the selected namespaces', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    await apply(c, policy('prod', 'from-dev', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'dev' } } }] }] }));
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 80)).toBe(true);
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
  }, 60_000);

  it('namespaceSelector and podSelector in one peer must both match', async () => {
    const { w, c } = await netpolCluster();
    c.api.create(pod('dev', 'tester', { role: 'tester' }, 'node01', 'client'));
    await c.settle();
    const api = ipOf(c, 'prod', 'api');
    await apply(c, policy('prod', 'dev-frontends', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'dev' } }, podSelector: { matchLabels: { role: 'frontend' } } }] }] }));
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['dev', 'tester'], api, 8080)).toBe(false);
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
  }, 60_000);

  it('ipBlock with except, named ports, and several policies add up', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    const web = ipOf(c, 'prod', 'web');
    // node02's pods are 10.244.2.0/24; the web pod's own address is excepted.
    await apply(c, policy('prod', 'from-node02', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.244.2.0/24', except: [`${web}/32`] } }], ports: [{ port: 'http-api' }] }] }));
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 80)).toBe(false);
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
    // A second policy selecting the same pod adds its own allowance.
    await apply(c, policy('prod', 'metrics', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ ports: [{ port: 'metrics', protocol: 'TCP' }] }] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 80)).toBe(true);
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
  }, 60_000);

  it('a UDP-only port does not open TCP', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    await apply(c, policy('prod', 'udp', { podSelector: {}, ingress: [{ ports: [{ port: 8080, protocol: 'UDP' }] }] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
  }, 60_000);

  it('egress: default deny egress blocks new connections out; replies to allowed ingress still flow', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    const intruder = ipOf(c, 'dev', 'intruder');
    // prod pods may not open connections, except web to api:8080.
    await apply(c, policy('prod', 'deny-egress', { podSelector: {}, policyTypes: ['Egress'] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
    await apply(c, policy('prod', 'web-to-api', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }] }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['prod', 'web'], api, 80)).toBe(false);
    expect(await canReach(w, c, ['prod', 'web'], intruder, 8080)).toBe(false);
    // Ingress to prod is not restricted, and the api's replies (ESTABLISHED) leave despite its egress deny.
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
  }, 60_000);

  it('follows label, pod and namespace changes', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    await apply(c, policy('prod', 'frontends', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }, { namespaceSelector: { matchLabels: { team: 'qa' } } }] }] }));
    expect(await canReach(w, c, ['prod', 'batch'], api, 8080)).toBe(false);
    c.api.patch('Pod', 'prod', 'batch', (p) => (p.metadata.labels = { role: 'frontend' }));
    expect(await canReach(w, c, ['prod', 'batch'], api, 8080)).toBe(true);
    c.api.patch('Pod', 'prod', 'web', (p) => (p.metadata.labels = { role: 'retired' }));
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(false);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(false);
    c.api.patch('Namespace', undefined, 'dev', (n) => (n.metadata.labels = { ...n.metadata.labels, team: 'qa' }));
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
    // Deleting the policy removes its chains and sets; everything is open again.
    c.api.delete('NetworkPolicy', 'prod', 'frontends');
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(true);
    const sets = (await onNode(c, 'node01', 'ipset list -n')).out;
    expect(sets).toBe('');
    // A pod created later in the namespace is selected at once.
    await apply(c, policy('prod', 'deny', { podSelector: {}, policyTypes: ['Ingress'] }));
    c.api.create(pod('prod', 'api2', { app: 'api' }, 'node02', 'api'));
    await c.settle();
    expect(await canReach(w, c, ['prod', 'web'], ipOf(c, 'prod', 'api2'), 8080)).toBe(false);
  }, 60_000);

  it('ping passes kube-router even under default deny (its common chain accepts ICMP echo requests)', async () => {
    const { w, c } = await netpolCluster();
    await apply(c, policy('prod', 'deny', { podSelector: {}, policyTypes: ['Ingress'] }));
    const r = await inPodRun(w, c, ['prod', 'web'], ['ping', '-c', '1', '-W', '1', ipOf(c, 'prod', 'api')]);
    expect(r).toBe(0);
  }, 60_000);
});
