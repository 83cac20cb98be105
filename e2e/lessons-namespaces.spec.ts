// Lesson "Network namespaces": veth pair snippets in the practice terminal, and
// all three labs (namespaces-veth, namespaces-veth-random, namespaces-bridge)
// untouched and solved. (e2e/labs.spec.ts also reloads solved labs.)
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, readyAt, runSnippet, typeSolution, useSeed, watchErrors } from './lesson-helpers.ts';

const SLUG = 'namespaces';
const KEY = practiceKey(SLUG);

test('namespaces: the lesson’s snippets connect green and yellow with a veth pair', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'ip netns add green');
  await expectOnScreen(term, [/ip netns\s*\nyellow\s*\ngreen\s*\n/]);
  await runSnippet(page, KEY, 'ip link add veth-green type veth peer name veth-yellow');
  await runSnippet(page, KEY, 'ip -n green addr add 10.0.5.1/24 dev veth-green');
  await runSnippet(page, KEY, 'ip netns exec green ping -c 2 10.0.5.2');
  await expectOnScreen(term, ['64 bytes from 10.0.5.2: icmp_seq=1 ttl=64', '2 packets transmitted, 2 received, 0% packet loss']);
  await runSnippet(page, KEY, 'ip netns exec green arp');
  await expectOnScreen(term, [/10\.0\.5\.2\s+ether\s+([0-9a-f]{2}:){5}[0-9a-f]{2}\s+C\s+veth-green/]);

  expect(errors).toEqual([]);
});

test('namespaces lab namespaces-veth: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'namespaces-veth';
  const panel = labPanel(page, id);
  await readyAt(labTerm(page, id));
  await expectUntouchedFails(panel, ['there is no namespace red (ip netns add red)', 'namespace red does not exist', 'namespace red does not exist', 'namespace blue does not exist']);
  await typeSolution(page, id);
  await expectAllPass(panel, 4);
  expect(errors).toEqual([]);
});

test('namespaces lab namespaces-veth-random: the learner’s own values, untouched and solved', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await useSeed(page, 4242);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'namespaces-veth-random';
  const panel = labPanel(page, id);
  await readyAt(labTerm(page, id));
  await expect(panel).toHaveAttribute('data-seed', '4242');
  await expect(panel.locator('[data-part="seed"]')).toContainText('4242');
  await expectUntouchedFails(panel, [/there is no namespace \S+ \(ip netns add \S+\)/, /namespace \S+ does not exist/, /namespace \S+ does not exist/, /namespace \S+ does not exist/]);
  const lines = await typeSolution(page, id);
  expect(lines.join('\n')).toMatch(/ip netns add /);
  await expectAllPass(panel, 4);
  expect(errors).toEqual([]);
});

test('namespaces lab namespaces-bridge: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'namespaces-bridge';
  const panel = labPanel(page, id);
  await readyAt(labTerm(page, id));
  await expectUntouchedFails(panel, ['there is no namespace red', 'there is no bridge v-net-0 on the host', 'namespace red does not exist', 'host has no usable route to 192.168.15.1', 'namespace gray does not exist']);
  await typeSolution(page, id);
  await expectAllPass(panel, 5);
  expect(errors).toEqual([]);
});
