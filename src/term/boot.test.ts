// A lab terminal's first prompt finds its world up: in a cluster lab the pods
// run and kube-proxy has synced before the login shell starts (the browser's
// clock is paced by the wall clock, so a first command typed at once must not
// see a cluster still booting). The CI failure this guards against: the
// kube-proxy lesson's `iptables -t nat -S | grep -c KUBE-SERVICES` printed 0.

import { describe, expect, it } from 'vitest';
import { newSession, prepareLab } from './backend.ts';

async function firstOutput(lab: string, line: string): Promise<string> {
  await prepareLab(lab);
  const s = newSession(lab, 1, [], false);
  let buf = '';
  s.onOutput((d) => (buf += d));
  await s.start();
  buf = '';
  await s.runLine(line);
  s.dispose();
  return buf.replace(/\r/g, '');
}

describe('a lab world boots before the first prompt', () => {
  it('kube-proxy has written KUBE-SERVICES on the terminal host', async () => {
    const out = await firstOutput('kube-proxy-clusterip', 'iptables -t nat -S KUBE-SERVICES | grep -c -- "-A KUBE-SERVICES"');
    expect(Number(out.split('\n')[1])).toBeGreaterThan(0);
  });
  it('the client pod runs', async () => {
    const out = await firstOutput('kube-proxy-clusterip', 'kubectl get pod client');
    expect(out).toMatch(/client\s+1\/1\s+Running/);
  });
});
