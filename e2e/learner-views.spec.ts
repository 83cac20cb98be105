// The topology and packet-path views, the command reference and search.
import { expect, test, type Locator } from '@playwright/test';
import { forbidThirdParty, ready, typeLine } from './helpers.ts';

/** Open a terminal's “Topology and packet path” disclosure (closed by default), from the keyboard. */
async function openViews(term: Locator): Promise<void> {
  const summary = term.locator('details.term-views > summary');
  await summary.focus();
  await summary.press('Enter');
  await expect(term.locator('details.term-views')).toHaveAttribute('open', '');
}

test('the topology view follows ip link add, veth pairs and up/down', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await openViews(term);
  const topo = term.locator('pl-topology');
  await expect(topo.locator('svg.topo-svg')).toBeVisible();
  await expect(topo.locator('svg [data-if="lo"]')).toHaveCount(1);

  await typeLine(page, term, 'ip link add dummy9 type dummy');
  await expect(topo.locator('svg g.topo-if[data-if="dummy9"]')).toHaveClass(/down/);
  await expect(topo.locator('.topo-text li[data-if="dummy9"]')).toHaveText(/dummy9: dummy, down, no IPv4 address/);

  await typeLine(page, term, 'ip netns add red');
  await typeLine(page, term, 'ip link add veth-red type veth peer name veth-host netns red');
  await expect(topo.locator('svg path.topo-link.veth')).toHaveCount(1);
  await expect(topo.locator('svg path.topo-link.veth')).toHaveClass(/down/);
  await expect(topo.locator('svg g.topo-ns[data-ns="host/red"]')).toBeVisible();
  await typeLine(page, term, 'ip addr add 10.1.1.1/24 dev veth-red && ip link set veth-red up && ip -n red link set veth-host up');
  await expect(topo.locator('svg path.topo-link.veth')).toHaveClass(/ up/);
  await expect(topo.locator('.topo-text li[data-if="veth-red"]')).toHaveText(/veth-red: veth, up \(UP\), 10\.1\.1\.1\/24, veth pair with veth-host in host\/red/);
  // The text equivalent is a disclosure that keyboard users can open.
  await topo.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(topo.locator('.topo-text')).toBeVisible();

  await typeLine(page, term, 'ip link add br0 type bridge && ip link set dummy9 master br0');
  await expect(topo.locator('svg g.topo-if.kind-bridge[data-if="br0"]')).toHaveCount(1);
  await expect(topo.locator('svg path.topo-link.port')).toHaveCount(1);
});

test('the packet-path view shows where and why a failing ping was dropped', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await openViews(term);
  const path = term.locator('pl-packet-path');
  await expect(path).toContainText('Run ping');
  await typeLine(page, term, 'ip link add v0 type veth peer name v1');
  await typeLine(page, term, 'ip addr add 10.0.0.1/24 dev v0');
  await typeLine(page, term, 'ip link set v0 up');
  await typeLine(page, term, 'ping -c 1 -W 1 10.0.0.2');
  await expect(path.locator('.path-head code')).toHaveText('ping -c 1 -W 1 10.0.0.2');
  await expect(path.locator('[data-part="verdict"]')).toContainText('Dropped in host: v0: veth peer is down, frame dropped');
  await expect(path.locator('.path-step[data-stage="routing"]')).toContainText('route to 10.0.0.2: dev v0 src 10.0.0.1');
  await expect(path.locator('.path-step[data-stage="neigh"]')).toContainText('ARP request, packet queued');
});

test('the packet-path view explains a failing lab check', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  const term = panel.locator('pl-terminal');
  await ready(term);
  await typeLine(page, term, 'ip netns add red');
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(term.locator('pl-packet-path .path-head')).toContainText('Last check probe');
});

test('the command reference lists ip and ping with their options', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/reference/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Command reference');
  const ip = page.locator('section[data-command="ip"]');
  await expect(ip.getByRole('heading', { level: 2 })).toHaveText('ip');
  await expect(ip.locator('.ref-usage')).toContainText('ip [ OPTIONS ] OBJECT');
  await expect(ip.getByRole('row', { name: /-n, -netns/ })).toContainText('run the command in the named network namespace');
  await expect(ip.locator('.ref-subs')).toContainText('netns');
  const ping = page.locator('section[data-command="ping"]');
  await expect(ping.getByRole('row', { name: /^-c/ })).toContainText('count');
  await expect(ping.getByRole('row', { name: /^-W/ })).toContainText('time to wait for response');
  await page.getByRole('navigation', { name: 'Commands' }).getByRole('link', { name: 'ping', exact: true }).click();
  await expect(page).toHaveURL(/#cmd-ping$/);
  expect(outside).toEqual([]);
});

test('the command reference lists what is not simulated, generated from the specs', async ({ page }) => {
  await page.goto('/reference/');
  const ping = page.locator('section[data-command="ping"]');
  await expect(ping.getByRole('row', { name: /^-m/ })).toContainText('not simulated');
  await expect(ping.getByRole('row', { name: /^-c/ })).not.toContainText('not simulated');
  const list = page.getByRole('region', { name: 'Not simulated' });
  await expect(list.getByRole('heading', { level: 2 })).toHaveText('Not simulated');
  await expect(list).toContainText('TOOL: ITEM: not simulated');
  await expect(list.locator('tr[data-not-simulated-item="ping -m"]')).toContainText('use iptables -t mangle -j MARK');
  await expect(list.locator('tr[data-not-simulated-item="sysctl net.ipv4.tcp_keepalive_time"]')).toHaveCount(1);
  await expect(list.locator('tr[data-not-simulated-item="ip link set … type bridge_slave guard"]')).toHaveCount(1);
});

test('search finds a lesson, with everything served by the site', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/search/');
  const box = page.getByRole('search').getByRole('textbox', { name: 'Search' });
  await box.fill('veth');
  const hit = page.locator('.pagefind-ui__result-link[href*="/lessons/namespaces/"]').first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(/\/lessons\/namespaces\//);
  expect(outside).toEqual([]);
});

test('axe: the open topology and packet-path views, the progress and search pages', async ({ page }) => {
  test.setTimeout(120_000);
  const { AxeBuilder } = await import('@axe-core/playwright');
  const serious = async (include?: string) => {
    let b = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
    if (include) b = b.include(include);
    const r = await b.analyze();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  };
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await openViews(term);
  await typeLine(page, term, 'ip link add v0 type veth peer name v1 && ip addr add 10.0.0.1/24 dev v0 && ip link set v0 up && ip link add br0 type bridge');
  await typeLine(page, term, 'ping -c 1 -W 1 10.0.0.2');
  await expect(term.locator('pl-packet-path [data-part="verdict"]')).toContainText('Dropped');
  await term.locator('pl-topology details.topo-details > summary').click();
  expect(await serious('pl-terminal[data-main] .term-tools')).toEqual([]);
  for (const url of ['/progress/', '/search/?q=namespace']) {
    await page.goto(url);
    if (url.startsWith('/search/')) await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
    expect(await serious()).toEqual([]);
  }
});
