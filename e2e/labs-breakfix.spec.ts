// The break-fix labs in their lessons: the untouched start fails with a
// message that names the broken part, a learner's own fix (typed through the
// keyboard, not the reference solution) passes, and so does the reference.
import { expect, test } from '@playwright/test';
import { expectAllPass, expectOnScreen, labKey, labPanel, labTerm, pressCheck, promptOf, readyAt, typeAndWait, typeSolution, watchErrors } from './lesson-helpers.ts';

interface Case {
  id: string;
  slug: string;
  checks: number;
  /** Failing check index → text its message contains, for the untouched start. */
  fails: Record<number, string>;
  /** Another correct fix than the reference solution. */
  own: string[];
  /** What the reference solution's last command prints. */
  screen: string;
  /** The lab's terminal host (default `host`). */
  host?: string;
}

const CASES: Case[] = [
  {
    id: 'fix-return-route',
    slug: 'switching-routing',
    checks: 2,
    fails: { 0: 'reached host/srv but no reply came back to desk', 1: 'srv has no usable route to 172.16.1.10' },
    own: ['ip -n srv route add default via 172.16.2.1'],
    screen: '1 packets transmitted, 1 received',
  },
  {
    id: 'fix-masquerade',
    slug: 'nat',
    checks: 2,
    fails: { 0: 'the SYN still carries the private source 192.168.15.1', 1: 'no MASQUERADE or SNAT rule for 192.168.15.0/24' },
    own: ['iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE'],
    screen: 'Status: all systems normal',
  },
  {
    id: 'fix-forward-drop',
    slug: 'nat',
    checks: 5,
    fails: { 1: 'dropped by iptables -t filter FORWARD rule 4', 2: 'the SYN was dropped in host' },
    own: ['iptables -D FORWARD 4', 'iptables -A FORWARD -s 10.0.2.0/24 -j ACCEPT'],
    screen: 'red team wiki',
  },
  {
    id: 'fix-dns-search',
    slug: 'dns',
    checks: 3,
    fails: { 0: 'a DNS query for "web" from host fails', 1: 'the search line of /etc/resolv.conf', 2: 'ping: web: Temporary failure in name resolution' },
    own: ['echo "search mycompany.com" >> /etc/resolv.conf'],
    screen: '1 packets transmitted, 1 received',
  },
  {
    id: 'fix-service-selector',
    slug: 'kube-proxy',
    checks: 2,
    fails: { 1: 'no page from http://10.100.50.50/ in 30 tries' },
    own: ['kubectl delete service web', "sed -i -e 's/web-frontend/web/' -e 's/8080/80/' /root/web-svc.yaml", 'kubectl apply -f /root/web-svc.yaml'],
    screen: 'Welcome to nginx!',
    host: 'controlplane',
  },
  {
    id: 'fix-pod-cidr',
    slug: 'cni',
    checks: 3,
    fails: { 0: 'web-a and web-b both have 10.244.1.2', 1: 'have the same address 10.244.1.2', 2: 'have the same address 10.244.1.2' },
    own: ['ssh node02', "sed -i 's/10.244.1.0/10.244.2.0/' /etc/cni/net.d/10-bridge.conf", 'ip addr flush dev cni0', 'exit', 'kubectl delete pod web-b', 'kubectl apply -f /root/pods.yaml'],
    screen: 'pod/web-b created',
    host: 'controlplane',
  },
];

for (const c of CASES) {
  test(`break-fix ${c.id}: the start fails saying what is broken, a learner's own fix passes`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.goto(`/lessons/${c.slug}/`);
    const panel = labPanel(page, c.id);
    const term = labTerm(page, c.id);
    await panel.scrollIntoViewIfNeeded();
    await readyAt(term, promptOf(c.host));
    await expect(panel.locator('.lab-results li')).toHaveCount(c.checks);
    const nFail = Object.keys(c.fails).length;
    expect(await pressCheck(panel, 30_000)).toBe(`${c.checks - nFail} of ${c.checks} checks pass.`);
    for (const [i, text] of Object.entries(c.fails)) {
      const li = panel.locator('.lab-results li').nth(Number(i));
      await expect(li).toHaveClass(/fail/);
      await expect(li.locator('.msg')).toContainText(text);
    }
    for (const line of c.own) await typeAndWait(page, term, labKey(c.id), line, 90_000);
    await expectAllPass(panel, c.checks);
    expect(errors).toEqual([]);
  });

  test(`break-fix ${c.id}: the reference solution passes`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.goto(`/lessons/${c.slug}/`);
    const panel = labPanel(page, c.id);
    const term = labTerm(page, c.id);
    await panel.scrollIntoViewIfNeeded();
    await readyAt(term, promptOf(c.host));
    await typeSolution(page, c.id);
    await expectAllPass(panel, c.checks);
    await expectOnScreen(term, [c.screen]);
    expect(errors).toEqual([]);
  });
}
