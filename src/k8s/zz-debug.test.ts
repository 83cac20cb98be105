import { it } from 'vitest';
import { netpolCluster, ipOf, apply, policy } from './netpol.test-util.ts';
import { tracedSyn } from '../labs/checks.ts';
import { parseIp4 } from '../kernel/addr.ts';
it('dbg', async () => {
  const { w, c } = await netpolCluster();
  await apply(c, policy('prod', 'default-deny', { podSelector: {}, policyTypes: ['Ingress'] }));
  for (const from of [['prod', 'batch'], ['prod', 'web']]) {
    const p = c.api.get('Pod', from[0], from[1])!;
    const ns = c.kubelets.get(p.spec.nodeName)!.podNetns(from[0], from[1])!;
    const t = await tracedSyn(w, ns, parseIp4(ipOf(c, 'prod', 'api'))!, 80);
    console.log(from, t.steps.map((s) => `${s.where} ${s.stage} ${s.what}`).join('\n'));
  }
});
