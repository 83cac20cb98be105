// Lesson "NetworkPolicy": its snippets on the lesson's own cluster terminal
// (namespace blog: open, then denied, then one pod let back in), and the lab
// networkpolicy-deny untouched (four checks fail, each naming the path that
// is still open), solved by the reference solution, and solved by another
// correct fix typed through the keyboard.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, labKey, labPanel, labTerm, pressCheck, promptOf, readyAt, runSnippet, typeAndWait, typeSolution, watchErrors } from './lesson-helpers.ts';

const SLUG = 'networkpolicy';
const ID = 'networkpolicy-deny';
/** Storage key of the lesson's cluster terminal (the Terminal's store prop). */
const DEMO_KEY = 'play:/lessons/networkpolicy/#cluster';

test('networkpolicy lesson: default deny refuses TCP, ping still answers, one pod is let back in', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = page.locator('pl-terminal#np-demo');
  await term.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await runSnippet(page, DEMO_KEY, 'kubectl apply -f /root/demo/blog.yaml', { timeout: 90_000 });
  // The first lines of the apply may have scrolled off the terminal by now: the last one is on screen.
  await expectOnScreen(term, ['pod/probe created'], 60_000);
  // "Give the pods a few seconds to start": wait as a learner would, until every blog pod runs.
  await typeAndWait(page, term, DEMO_KEY, `until kubectl get pods -n blog | tail -n +2 | awk '$3 != "Running" { b = 1 } END { exit b }'; do sleep 1; done; echo pods-$((40 + 2))`, 90_000);
  await expectOnScreen(term, ['pods-42'], 90_000);
  await runSnippet(page, DEMO_KEY, 'kubectl exec -n blog app -- curl -sS -m 2 -o /dev/null http://db.blog:5432/ && echo open', { timeout: 90_000 });
  await expectOnScreen(term, [/open\s/], 60_000);
  await runSnippet(page, DEMO_KEY, 'kubectl apply -f /root/demo/deny.yaml', { timeout: 90_000 });
  await expectOnScreen(term, ["curl: (7) Failed to connect to db.blog port 5432", '1 packets transmitted, 1 received'], 60_000);
  await runSnippet(page, DEMO_KEY, 'kubectl apply -f /root/demo/allow-app.yaml', { timeout: 120_000 });
  await expectOnScreen(term, [/db-from-app\s+app=db/, /deny-all\s+<none>/], 60_000);
  expect(errors).toEqual([]);
});

test('networkpolicy-deny: the untouched start fails saying which path is open; the reference solution passes', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  await expect(panel.locator('.lab-results li')).toHaveCount(5);
  expect(await pressCheck(panel, 120_000)).toBe('1 of 5 checks pass.');
  const fails: [number, RegExp][] = [
    [1, /shop\/worker → the api pod api-\S+ \(10\.244\.\d+\.\d+:8080\) is not blocked: the SYN reached it/],
    [2, /shop\/frontend → the admin page of api-\S+ \(10\.244\.\d+\.\d+:80\) is not blocked/],
    [3, /staging\/frontend → the api pod api-\S+ .* is not blocked/],
    [4, /no NetworkPolicy in shop selects every pod/],
  ];
  for (const [i, text] of fails) {
    const li = panel.locator('.lab-results li').nth(i);
    await expect(li).toHaveClass(/fail/);
    await expect(li.locator('.msg')).toContainText(text);
  }
  await typeSolution(page, ID, { timeout: 120_000 });
  await expectOnScreen(term, [/open\s/, 'curl: (7) Failed to connect to 10.96.80.80 port 8080'], 120_000);
  await expectAllPass(panel, 5, 180_000);
  expect(errors).toEqual([]);
});

test("networkpolicy-deny: a learner's own fix (a new default deny, the same-namespace peer by label, the named port) passes", async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'), 90_000);
  const own = [
    "printf 'apiVersion: networking.k8s.io/v1\\nkind: NetworkPolicy\\nmetadata:\\n  name: deny-in\\n  namespace: shop\\nspec:\\n  podSelector: {}\\n  policyTypes: [Ingress]\\n' > /root/deny.yaml",
    'kubectl apply -f /root/deny.yaml',
    "sed -i -e 's/^    - namespaceSelector: {}$/    - namespaceSelector: {matchLabels: {kubernetes.io\\/metadata.name: shop}}/' -e 's/port: 80$/port: http/' /root/netpol.yaml",
    "sed -i '1,/^---$/d' /root/netpol.yaml",
    'kubectl apply -f /root/netpol.yaml',
  ];
  for (const line of own) await typeAndWait(page, term, labKey(ID), line, 90_000);
  await expectOnScreen(term, ['networkpolicy.networking.k8s.io/api-from-frontend created'], 60_000);
  await expectAllPass(panel, 5, 180_000);
  expect(errors).toEqual([]);
});
