// NetworkPolicy enforced by kube-router's controller: each case is a probe
// (curl from a pod) through the simulated stack, allowed or refused.

import { describe, expect, it } from 'vitest';
import { apply, canReach, ipOf, netpolCluster, policy } from './netpol.test-util.ts';

describe('NetworkPolicy with kube-router', () => {
  it('without policies every pod reaches every port', async () => {
    const { w, c } = await netpolCluster();
    const api = ipOf(c, 'prod', 'api');
    expect(await canReach(w, c, ['prod', 'web'], api, 8080)).toBe(true);
    expect(await canReach(w, c, ['prod', 'batch'], api, 80)).toBe(true);
    expect(await canReach(w, c, ['dev', 'intruder'], api, 8080)).toBe(true);
  });

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
  });
});
