// The Ingress lesson and its lab ingress-hosts in the browser: the untouched
// start fails saying the controller ignores the Ingress, a learner's own fix
// (the Ingress recreated with `kubectl create ingress`) passes, so does the
// reference solution; and a snippet of the lesson runs on its practice
// cluster.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, labKey, labPanel, labTerm, pressCheck, promptOf, readyAt, typeAndWait, typeSolution, watchErrors } from './lesson-helpers.ts';

const ID = 'ingress-hosts';

test('ingress-hosts: the start fails helpfully, a learner\'s own Ingress passes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('/lessons/ingress/');
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'));
  await expect(panel.locator('.lab-results li')).toHaveCount(4);
  expect(await pressCheck(panel, 60_000)).toBe('1 of 4 checks pass.');
  await expect(panel.locator('.lab-results li').nth(0).locator('.msg')).toContainText('the ingress-nginx controller ignores the Ingress sites: its class is <none>');
  await expect(panel.locator('.lab-results li').nth(1).locator('.msg')).toContainText('got HTTP 404 from the ingress controller itself');
  for (const line of ['kubectl delete ingress sites', "kubectl create ingress sites --class=nginx --rule='shop.example.com/*=shop:80' --rule='blog.example.com/*=blog:http'"]) {
    await typeAndWait(page, term, labKey(ID), line, 90_000);
  }
  await expectAllPass(panel, 4);
  expect(errors).toEqual([]);
});

test('ingress-hosts: the reference solution passes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('/lessons/ingress/');
  const panel = labPanel(page, ID);
  const term = labTerm(page, ID);
  await panel.scrollIntoViewIfNeeded();
  await readyAt(term, promptOf('controlplane'));
  await typeSolution(page, ID);
  await expectAllPass(panel, 4);
  await expectOnScreen(term, ['Welcome to nginx!']);
  expect(errors).toEqual([]);
});
