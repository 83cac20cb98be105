// Lesson "Services and kube-proxy": the lesson's commands in the practice
// terminal (a cluster of its own, as the first lab starts: kube-proxy's KUBE
// chains are there), and the ClusterIP lab on a
// three-node cluster untouched and solved (its check sends 30 requests).
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectShellOn, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, promptOf, readyAt, typeAndWait, typeSolution, watchErrors, pressCheck } from './lesson-helpers.ts';

const SLUG = 'kube-proxy';
const KEY = practiceKey(SLUG);

test('kube-proxy: ipvsadm and the nat table in the practice cluster', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term, promptOf('controlplane'), 90_000);
  // The lesson has no Run buttons: type its commands as a learner would.
  await typeAndWait(page, term, KEY, 'ipvsadm -Ln');
  await expectOnScreen(term, ['IP Virtual Server version 1.2.1 (size=4096)', /Prot LocalAddress:Port Scheduler Flags\s*-> RemoteAddress:Port\s+Forward Weight ActiveConn InActConn/]);
  await typeAndWait(page, term, KEY, 'iptables -t nat -S | grep -c KUBE-SERVICES; echo "grep says $?"');
  await expectOnScreen(term, ['grep says 0']);
  expect(errors).toEqual([]);
});

test('kube-proxy lab kube-proxy-clusterip: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'kube-proxy-clusterip';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('controlplane'), 90_000);
  await expectUntouchedFails(
    panel,
    ['there is no Deployment web in the default namespace', 'there is no Service web', 'no HTTP answer from 10.100.100.100', /node01's nat table has no chain KUBE-SVC-\w+/],
    120_000,
  );
  await expectShellOn(page, id, 'controlplane');
  await typeSolution(page, id, { timeout: 120_000 });
  await expectOnScreen(term, ['Thank you for using nginx.'], 120_000);
  await expectAllPass(panel, 4, 150_000);
  await expect(panel.locator('.lab-results li[data-check="http"] .msg')).toContainText(/\d+\/30 answered, by [23] pods/);
  await expect(panel.locator('.lab-results li[data-check="rules"] .msg')).toContainText(/KUBE-SVC-\w+: 0\.333\d+, 0\.5\d+/);
  expect(errors).toEqual([]);
});

test('kube-proxy lab kube-proxy-clusterip: the draft applied as is fails; fixing it with kubectl edits of my own passes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'kube-proxy-clusterip';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('controlplane'), 90_000);
  await typeAndWait(page, term, `lab:${id}`, 'kubectl apply -f /root/web.yaml', 60_000);
  await expectOnScreen(term, ['service/web created'], 60_000);
  await pressCheck(panel, 120_000);
  await expect(panel.locator('.lab-results li[data-check="service"] .msg')).toContainText('the ClusterIP cannot be changed', { timeout: 120_000 });
  // Alternative: recreate only the Service with the agreed address, then scale the Deployment by command.
  await typeAndWait(page, term, `lab:${id}`, 'kubectl delete svc web', 60_000);
  await expectOnScreen(term, ['service "web" deleted'], 60_000);
  await typeAndWait(page, term, `lab:${id}`, "sed -i 's/type: ClusterIP/type: ClusterIP\\n  clusterIP: 10.100.100.100/' /root/web.yaml && kubectl apply -f /root/web.yaml", 60_000);
  await expectOnScreen(term, ['service/web created'], 60_000);
  await typeAndWait(page, term, `lab:${id}`, 'kubectl scale deployment web --replicas=3', 60_000);
  await expectOnScreen(term, ['deployment.apps/web scaled'], 60_000);
  await expectAllPass(panel, 4, 150_000);
  expect(errors).toEqual([]);
});
