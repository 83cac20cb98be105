// Lesson "NAT and port forwarding": its snippets in the practice terminal, and
// both labs (namespaces-nat, port-forward) untouched and solved.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectShellOn, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, promptOf, readyAt, runSnippet, typeSolution, watchErrors } from './lesson-helpers.ts';

const SLUG = 'nat';
const KEY = practiceKey(SLUG);

test('nat: the lesson’s snippets route, forward and masquerade in the practice terminal', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  // The setup: green behind br-demo, and the "internet" namespace on eth0.
  await runSnippet(page, KEY, 'ip netns add green');
  await runSnippet(page, KEY, 'ip netns add internet');
  await expectOnScreen(term, ['192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.10']);

  // No route out of green: the kernel refuses before a packet is sent.
  await runSnippet(page, KEY, 'ping -c 1 192.0.2.10');
  await expectOnScreen(term, ['1 packets transmitted, 1 received', 'Network is unreachable']);
  await runSnippet(page, KEY, 'ip netns exec green ip route');
  await expectOnScreen(term, ['10.0.5.0/24 dev veth-green proto kernel scope link src 10.0.5.1']);

  // Gateway, forwarding, MASQUERADE: then green's pings come back.
  await runSnippet(page, KEY, 'ip netns exec green ip route add default via 10.0.5.5');
  await expectOnScreen(term, ['default via 10.0.5.5 dev veth-green']);
  await runSnippet(page, KEY, 'cat /proc/sys/net/ipv4/ip_forward');
  await expectOnScreen(term, ['net.ipv4.ip_forward = 1']);
  await runSnippet(page, KEY, 'iptables -t nat -A POSTROUTING -s 10.0.5.0/24 -j MASQUERADE');
  await expectOnScreen(term, ['2 packets transmitted, 2 received, 0% packet loss']);
  await runSnippet(page, KEY, 'iptables -t nat -S');
  await expectOnScreen(term, ['-P POSTROUTING ACCEPT', '-A POSTROUTING -s 10.0.5.0/24 -j MASQUERADE']);

  expect(errors).toEqual([]);
});

test('nat lab namespaces-nat: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'namespaces-nat';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('host'));
  await expectUntouchedFails(panel, ['red has no usable route to 203.0.113.10', 'Network is unreachable', 'no MASQUERADE or SNAT rule for 192.168.15.0/24']);

  // The learner's shell is on the host (the world also holds `internet`).
  await expectShellOn(page, id, 'host');

  await typeSolution(page, id);
  await expectOnScreen(term, ['1 packets transmitted, 1 received', 'Hello from 203.0.113.10']);
  await expectAllPass(panel, 3);
  expect(errors).toEqual([]);
});

test('nat lab port-forward: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'port-forward';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term, promptOf('host'));
  await expectUntouchedFails(panel, ['no DNAT rule in the nat table\'s PREROUTING chain']);

  // The learner's shell is on the host (the world also holds `client`).
  await expectShellOn(page, id, 'host');

  await typeSolution(page, id);
  await expectOnScreen(term, ['DNAT       6    --  *      *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:192.168.15.2:80']);
  await expectAllPass(panel, 1);
  expect(errors).toEqual([]);
});
