// The kube-proxy lab's views: the topology laid out per node with pods named,
// and the packet of the last command stepped through on it (the marker moves
// hop by hop, the deciding step is highlighted). SHOTS=1 also writes the
// screenshots in docs/ (docs/topology-kube-proxy.png, docs/packet-step-kube-proxy.png).

import { expect, test } from '@playwright/test';
import { labPanel, promptOf, readyAt, typeSolution } from './lesson-helpers.ts';

test.describe.configure({ timeout: 180_000 });

test('kube-proxy lab: topology per node with pod names; the packet steps along it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/lessons/kube-proxy/');
  const panel = labPanel(page, 'kube-proxy-clusterip');
  const term = panel.locator('pl-terminal');
  await readyAt(term, promptOf('controlplane'), 90_000);
  await typeSolution(page, 'kube-proxy-clusterip', { timeout: 90_000 });
  const views = term.locator('details.term-views');
  await views.locator('> summary').click();
  const topo = term.locator('pl-topology');
  await expect(topo.locator('g.topo-host')).toHaveCount(4, { timeout: 30_000 });
  await expect(topo.locator('.topo-title', { hasText: /^pod web-/ }).first()).toBeVisible();
  await expect(topo.locator('.topo-title', { hasText: /cni-|ns:\d/ })).toHaveCount(0);

  const path = term.locator('pl-packet-path');
  await expect(path).toHaveAttribute('data-has-path', '', { timeout: 60_000 });
  await expect(path.locator('.path-head code')).toContainText('curl');
  const marker = topo.locator('.topo-packet');
  await expect(marker).toHaveCount(1);
  await expect(path.locator('.path-pos')).toHaveText(/^Step 1 of \d+: /);
  if (process.env.SHOTS) await topo.screenshot({ path: 'docs/topology-kube-proxy.png' });
  const first = await marker.evaluate((m) => (m as SVGGElement).style.transform);
  const next = path.getByRole('button', { name: 'Next step' });
  // Step to the DNAT rule kube-proxy wrote: the step that decided where the packet goes.
  const total = Number(/of (\d+)/.exec((await path.locator('.path-pos').textContent())!)![1]);
  let dnat = false;
  for (let i = 1; i < total && !dnat; i++) {
    await next.click();
    dnat = /DNAT/.test((await path.locator('.path-step.path-current').textContent()) ?? '');
  }
  expect(dnat).toBe(true);
  await expect(path.locator('.path-step[aria-current="step"]')).toHaveCount(1);
  await expect(path.locator('.path-pos')).toContainText('KUBE-SEP-');
  expect(await marker.evaluate((m) => (m as SVGGElement).style.transform)).not.toBe(first);
  await expect(topo.locator('g.topo-ns.topo-current')).toHaveCount(1);
  if (process.env.SHOTS) {
    await page.waitForTimeout(600);
    await term.locator('.term-views').screenshot({ path: 'docs/packet-step-kube-proxy.png' });
  }
  // Back to the start, and play to the end.
  await path.getByRole('button', { name: 'Previous step' }).click();
  await path.getByRole('button', { name: 'Play' }).click();
  await expect(path.locator('.path-pos')).toHaveText(new RegExp(`^Step ${total} of ${total}: `), { timeout: 60_000 });
  await expect(path.getByRole('button', { name: 'Next step' })).toBeDisabled();
});
