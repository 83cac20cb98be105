// Lesson "Switching and routing": addresses, routes and ip_forward snippets in
// the practice terminal, and both labs (routing-two-subnets and its
// per-learner variant) untouched and solved.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, readyAt, runSnippet, typeSolution, useSeed, watchErrors } from './lesson-helpers.ts';

const SLUG = 'switching-routing';
const KEY = practiceKey(SLUG);

test('switching-routing: the lesson’s snippets add an address, a route and turn on forwarding', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'ip link add eth0 type dummy');
  await expectOnScreen(term, ['eth0: <BROADCAST,NOARP,UP,LOWER_UP> mtu 1500', 'inet 192.168.1.10/24 scope global eth0']);
  await runSnippet(page, KEY, 'ip route add 192.168.2.0/24 via 192.168.1.1');
  await expectOnScreen(term, ['192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10', '192.168.2.0/24 via 192.168.1.1 dev eth0']);
  await runSnippet(page, KEY, 'echo 1 > /proc/sys/net/ipv4/ip_forward');
  await expectOnScreen(term, [/cat \/proc\/sys\/net\/ipv4\/ip_forward\s*\n1\s*\n/, 'net.ipv4.ip_forward = 1']);

  expect(errors).toEqual([]);
});

test('switching-routing lab routing-two-subnets: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'routing-two-subnets';
  const panel = labPanel(page, id);
  await readyAt(labTerm(page, id));
  await expectUntouchedFails(panel, ['left has no usable route to 10.2.2.10', 'right has no usable route to 10.1.1.10']);
  await typeSolution(page, id);
  await expectAllPass(panel, 2);
  expect(errors).toEqual([]);
});

test('switching-routing lab routing-two-subnets-random: the learner’s own values, untouched and solved', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await useSeed(page, 4242);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'routing-two-subnets-random';
  const panel = labPanel(page, id);
  await readyAt(labTerm(page, id));
  await expect(panel).toHaveAttribute('data-seed', '4242');
  await expectUntouchedFails(panel, [/left has no usable route to [\d.]+/, /right has no usable route to [\d.]+/]);
  await typeSolution(page, id);
  await expectAllPass(panel, 2);
  expect(errors).toEqual([]);
});
