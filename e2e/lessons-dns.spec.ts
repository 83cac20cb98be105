// Lesson "DNS": /etc/hosts and a CoreDNS server in the practice terminal, and
// both labs (dns-hosts, dns-server) untouched and solved.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, expectShellOn, expectUntouchedFails, labPanel, labTerm, practice, practiceKey, readyAt, runSnippet, typeSolution, watchErrors } from './lesson-helpers.ts';

const SLUG = 'dns';
const KEY = practiceKey(SLUG);

test('dns: the lesson’s snippets resolve names from /etc/hosts and from CoreDNS', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const term = practice(page);
  await readyAt(term);

  await runSnippet(page, KEY, 'cat /etc/hosts');
  await expectOnScreen(term, [/127\.0\.0\.1\s+localhost/, /127\.0\.1\.1\s+host/]);

  // db has an address but no name yet; one line of /etc/hosts gives it one.
  await runSnippet(page, KEY, 'ip netns add db');
  await runSnippet(page, KEY, 'ping -c 1 -W 1 db');
  await expectOnScreen(term, ['ping: db: Temporary failure in name resolution']);
  await runSnippet(page, KEY, 'echo "192.168.50.2 db" >> /etc/hosts');
  await expectOnScreen(term, [/192\.168\.50\.2\s+db/, 'PING db (192.168.50.2) 56(84) bytes of data.', '1 packets transmitted, 1 received, 0% packet loss']);

  // A DNS server in namespace dns answers for acme.test.
  await runSnippet(page, KEY, 'ip netns add dns');
  await runSnippet(page, KEY, 'mkdir -p /etc/coredns');
  await expectOnScreen(term, ['file /etc/coredns/db.acme.test']);
  await runSnippet(page, KEY, "printf '$ORIGIN acme.test.\\n$TTL 3600\\n@     IN SOA ns.acme.test. admin.acme.test. 1 7200 3600 1209600 300\\n@     IN NS  ns\\nns    IN A   192.168.1.53\\nweb   IN A   192.168.1.10\\ndb    IN A   192.168.1.11\\nwww   IN CNAME web\\n@     IN MX  10 mail\\nmail  IN A   192.168.1.20\\n@     IN TXT \"v=spf1 -all\"\\n' > /etc/coredns/db.acme.test");
  await runSnippet(page, KEY, 'dig @192.168.1.53 web.acme.test');
  await expectOnScreen(term, [';; ANSWER SECTION:', /web\.acme\.test\.\s+3600\s+IN\s+A\s+192\.168\.1\.10/]);
  await runSnippet(page, KEY, 'echo "nameserver 192.168.1.53" > /etc/resolv.conf');
  await expectOnScreen(term, [/Address: 192\.168\.1\.10/, /192\.168\.1\.10\s+web\.acme\.test/]);

  expect(errors).toEqual([]);
});

test('dns lab dns-hosts: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'dns-hosts';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term);
  await expectUntouchedFails(panel, ['add a line "192.168.1.11 db" to /etc/hosts', 'ping: db: Temporary failure in name resolution']);
  await typeSolution(page, id);
  await expectOnScreen(term, [/192\.168\.1\.11\s+db/, '1 packets transmitted, 1 received']);
  await expectAllPass(panel, 2);
  expect(errors).toEqual([]);
});

test('dns lab dns-server: fails untouched, the reference solution passes', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`/lessons/${SLUG}/`);
  const id = 'dns-server';
  const panel = labPanel(page, id);
  const term = labTerm(page, id);
  await readyAt(term);
  await expectUntouchedFails(panel, ['a DNS query for "web" from host fails', 'point /etc/resolv.conf at 192.168.1.100', 'ping: web: Temporary failure in name resolution']);
  // The learner's shell is on the host, not on the DNS server.
  await expectShellOn(page, id, 'host');
  await typeSolution(page, id);
  await expectOnScreen(term, [/Name:\s+web\.mycompany\.com/, 'Address: 192.168.1.10', '1 packets transmitted, 1 received']);
  await expectAllPass(panel, 3);
  expect(errors).toEqual([]);
});
