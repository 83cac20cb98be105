// Lesson "CNI": a runtime's namespace in the practice terminal, and both labs
// (cni-bridge on node01, pod-to-pod on a three-node cluster) untouched and solved.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectShellOn, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, promptOf, readyAt, runSnippet, typeSolution, watchErrors, pressCheck, typeAndWait } from './lesson-helpers.ts';

const SLUG = 'cni';
const KEY = practiceKey(SLUG);

test('cni: the lesson’s snippets pin a container namespace; `bridge add` is not a command', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'ip netns add 2e3sf1');
  await expectOnScreen(term, [/ls \/var\/run\/netns\s*\n2e3sf1\s*\n/, '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000']);
  // Debian's plugins on the bare host: VERSION on one line, an error object without a final newline
  // (fidelity/goldens/75-cni-version.json and 75a-cni-bad-config.json, recorded on the real binaries).
  await runSnippet(page, KEY, 'ls /usr/lib/cni');
  await expectOnScreen(term, [
    'host-device',
    '{"cniVersion":"1.0.0","supportedVersions":["0.1.0","0.2.0","0.3.0","0.3.1","0.4.0","1.0.0"]}',
    '"msg": "error unmarshall network config: invalid character \'b\' looking for beginning of object key string"',
    '} exit=1',
  ]);
  await runSnippet(page, KEY, 'bridge add 2e3sf1 /var/run/netns/2e3sf1');
  await expectOnScreen(term, ['Object "add" is unknown, try "bridge help".']);

  expect(errors).toEqual([]);
});

test('cni lab cni-bridge: fails untouched, the reference solution passes on node01', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'cni-bridge';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('node01'));
  await expectUntouchedFails(panel, ['pod1 has no eth0 yet', 'pod1 has no default route', 'pod1 has no eth0 yet']);
  await expectShellOn(page, id, 'node01');
  await typeSolution(page, id);
  await expectOnScreen(term, ['"gateway": "10.244.1.1"', 'default via 10.244.1.1 dev eth0']);
  await expectAllPass(panel, 3);
  expect(errors).toEqual([]);
});

test('cni lab pod-to-pod: fails untouched, flannel from controlplane makes it pass', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'pod-to-pod';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('controlplane'), 90_000);
  await expectUntouchedFails(panel, ['web-a on node01 has no IP yet (ContainerCreating)', 'web-a on node01 has no IP yet (ContainerCreating)'], 90_000);
  await expectShellOn(page, id, 'controlplane');
  await typeSolution(page, id, { timeout: 120_000 });
  await expectOnScreen(term, ['daemon set "kube-flannel-ds" successfully rolled out', /NAME\s+READY\s+STATUS/], 120_000);
  await expectAllPass(panel, 2, 90_000);
  // Each pod got an address from its node's subnet (flannel's per-node podCIDR).
  await expect(panel.locator('.lab-results li[data-check="pods-running"] .msg')).toHaveText(/^web-a 10\.244\.1\.\d+ on node01, web-b 10\.244\.2\.\d+ on node02$/);
  expect(errors).toEqual([]);
});

test('cni lab pod-to-pod: the handed-out manifest alone leaves node02 without an agent; an alternative fix passes', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'pod-to-pod';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('controlplane'), 90_000);
  await typeAndWait(page, term, `lab:${id}`, 'kubectl apply -f /root/kube-flannel.yml', 60_000);
  await expectOnScreen(term, ['daemonset.apps/kube-flannel-ds created'], 60_000);
  await pressCheck(panel, 120_000);
  await expect(panel.locator('.lab-results li[data-check="pods-running"] .msg')).toContainText('web-b on node02 has no IP yet', { timeout: 90_000 });
  // Another way to drop the selector: delete its two lines by pattern, then apply again.
  await typeAndWait(page, term, `lab:${id}`, "sed -i -e '/flannel-trial/d' -e '/nodeSelector:/d' /root/kube-flannel.yml && kubectl apply -f /root/kube-flannel.yml", 60_000);
  await expectOnScreen(term, ['daemonset.apps/kube-flannel-ds configured'], 60_000);
  await expectAllPass(panel, 2, 120_000);
  expect(errors).toEqual([]);
});
