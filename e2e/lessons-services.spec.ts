// Lesson "Services in depth": a snippet on the lesson's cluster terminal, and
// the nodeport-local lab: the untouched start fails saying what is missing,
// the reference solution passes, and so does a learner's own solution typed
// through the keyboard (whole manifests written with printf, the answer
// found in nginx's log).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectUntouchedFails, labKey, labPanel, labTerm, promptOf, readyAt, runSnippet, typeAndWait, typeSolution, watchErrors } from './lesson-helpers.ts';

const SLUG = 'services';
const ID = 'nodeport-local';

/** The first line of the snippet that writes and applies the MetalLB pool, as the page has it. */
function poolSnippetFirstLine(): string {
  const s = readFileSync('content/lessons/services.mdx', 'utf8');
  for (const m of s.matchAll(/<Cmd term="svc-cluster" run=\{(\[[\s\S]*?\])\}/g)) {
    const first = (JSON.parse(m[1]!) as string[])[0]!;
    if (first.startsWith("printf 'apiVersion: metallb.io/v1beta1")) return first;
  }
  return 'no pool snippet in the lesson';
}

test('services: the cluster terminal runs the lesson snippets on controlplane', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = page.locator('pl-terminal#svc-cluster');
  await term.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await runSnippet(page, 'play:services-cluster', 'kubectl create deployment shop --image=nginx:1.27 --replicas=3', { timeout: 60_000 });
  await expectOnScreen(term, ['deployment.apps/shop created', 'service/shop exposed'], 60_000);
  // The lab's own terminal does not share this session.
  await expect(labPanel(page, ID).locator('pl-terminal')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('services: the LoadBalancer snippets get an address from MetalLB and outside reaches it', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = page.locator('pl-terminal#svc-cluster');
  await term.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await runSnippet(page, 'play:services-cluster', 'kubectl create deployment shop --image=nginx:1.27 --replicas=3', { timeout: 60_000 });
  await runSnippet(page, 'play:services-cluster', 'kubectl expose deployment shop --type=LoadBalancer --port=80 --name=shop-lb', { timeout: 60_000 });
  await expectOnScreen(term, [/shop-lb\s+LoadBalancer\s+\S+\s+<pending>/], 60_000);
  await runSnippet(page, 'play:services-cluster', 'kubectl get pods -n metallb-system -o wide', { timeout: 60_000 });
  await expectOnScreen(term, ['No resources found in metallb-system namespace.'], 60_000);
  await runSnippet(page, 'play:services-cluster', poolSnippetFirstLine(), { timeout: 60_000 });
  await expectOnScreen(term, ['ipaddresspool.metallb.io/office-pool created', /shop-lb\s+LoadBalancer\s+\S+\s+192\.168\.56\.240/], 60_000);
  await runSnippet(page, 'play:services-cluster', 'ssh outside', { timeout: 60_000 });
  await expectOnScreen(term, [/http:\/\/192\.168\.56\.240\/\s*\n200/], 60_000);
  expect(errors).toEqual([]);
});

test('services lab nodeport-local: fails untouched, a learner\'s own solution passes', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await expectUntouchedFails(
    panel,
    ['there is no Service web yet', '/root/answer.txt does not exist on controlplane', 'there is no Service web yet', 'there is no Service web yet'],
    120_000,
  );
  const svc = (extra: string): string =>
    `printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: web\\nspec:\\n  type: NodePort\\n${extra}  selector:\\n    app: web\\n  ports:\\n  - port: 80\\n    nodePort: 30080\\n' > /root/np.yaml`;
  for (const line of [
    // A learner looks before curling: the pod starts with the cluster (MetalLB's pods start too).
    'until kubectl get pod web | grep -q Running; do sleep 1; done',
    svc(''),
    'kubectl apply -f /root/np.yaml',
    'ssh outside',
    'curl -s http://node02:30080/ | grep title',
    'exit',
    "kubectl logs web | tail -n 1 | cut -d' ' -f1 > /root/answer.txt",
    'cat /root/answer.txt',
    svc('  externalTrafficPolicy: Local\\n'),
    'kubectl apply -f /root/np.yaml',
    'ssh outside curl -s -m 2 http://node01:30080/ -o /dev/null',
  ])
    await typeAndWait(page, term, labKey(ID), line, 90_000);
  await expectOnScreen(term, ['<title>Welcome to nginx!</title>', /cat \/root\/answer\.txt\s*\n192\.168\.56\.12\s*\n/]);
  await expectAllPass(panel, 4, 150_000);
  await expect(panel.locator('.lab-results li[data-check="client-ip"] .msg')).toContainText('nginx logged 192.168.56.200');
  expect(errors).toEqual([]);
});

test('services lab nodeport-local: the reference solution passes', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await typeSolution(page, ID, { timeout: 150_000 });
  await expectOnScreen(term, [/192\.168\.56\.200 - - \[.*\] "GET \/ HTTP\/1\.1" 200 615/], 120_000);
  await expectAllPass(panel, 4, 150_000);
  expect(errors).toEqual([]);
});
