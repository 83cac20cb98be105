import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- a plain .mjs build script without declarations
import { staticGraph } from '../scripts/module-preload.mjs';
import { expectScreen, forbidThirdParty, ready, screenText, storedEntries, typeLine } from './helpers.ts';

for (const slug of ['namespaces', 'switching-routing']) {
  test(`${slug}: the practice terminal runs ip commands`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const outside = await forbidThirdParty(page);
    await page.goto(`/lessons/${slug}/`);
    const term = page.locator('pl-terminal[data-main]');
    await ready(term);

    await typeLine(page, term, 'ip netns add red');
    await typeLine(page, term, 'ip netns');
    await expectScreen(term, /ip netns\s*\n\s*red/);

    await typeLine(page, term, 'ip link');
    await expectScreen(term, '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536');
    await expectScreen(term, 'link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00');

    await typeLine(page, term, 'ip netns exec red ip link');
    await expectScreen(term, '1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    // The worker the page's <head> started (scripts/early-worker.mjs) is the one the terminal adopted.
    expect(await page.evaluate(() => '__plEarlyWorker' in window && (window as unknown as Record<string, unknown>).__plEarlyWorker === undefined)).toBe(true);
  });
}

test('a lesson preloads every chunk its scripts import statically, and each preload loads', async ({ page }) => {
  const status = new Map<string, number>();
  page.on('response', (r) => status.set(new URL(r.url()).pathname, r.status()));
  await page.goto('/lessons/namespaces/');
  await ready(page.locator('pl-terminal[data-main]'));
  const preloaded = await page.locator('link[rel="modulepreload"]').evaluateAll((ls) => ls.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  // scripts/module-preload.mjs on the built page: the whole static graph of its module scripts.
  const graph: string[] = staticGraph(readFileSync('dist/lessons/namespaces/index.html', 'utf8'), (p: string) => readFileSync(`dist${p}`, 'utf8'));
  expect(graph.length).toBeGreaterThan(3);
  expect(preloaded).toEqual(expect.arrayContaining(graph));
  for (const p of preloaded) expect([p, status.get(p)]).toEqual([p, 200]);
});

test('a snippet’s Run button types into the practice terminal', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await page.getByRole('button', { name: 'Type these 3 commands in the terminal' }).first().click();
  await expectScreen(term, 'root@host:~# ip netns');
  await expectScreen(term, /ip netns\s*\n\s*yellow\s*\n\s*green/);
});

test('the terminal state survives a reload', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip netns add keepme');
  await typeLine(page, term, 'ip link add dummy7 type dummy');
  await expect.poll(() => storedEntries(page, 'play:/lessons/namespaces/')).toBe(2);

  await page.reload();
  const again = page.locator('pl-terminal[data-main]');
  await ready(again);
  await typeLine(page, again, 'ip netns');
  await expectScreen(again, 'keepme');
  await typeLine(page, again, 'ip link show dummy7');
  await expectScreen(again, /\d+: dummy7: <BROADCAST,NOARP>/);
});

test('a terminal starts before IndexedDB answers only when the store index says it has nothing to replay', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip netns add kept');
  await expect.poll(() => storedEntries(page, 'play:/lessons/namespaces/')).toBe(1);
  // The index (src/term/store.ts) names the key once its record has entries.
  const index = () => page.evaluate(() => JSON.parse(localStorage.getItem('packetlab-stored/1') ?? 'null') as string[] | null);
  await expect.poll(index).toContain('play:/lessons/namespaces/');

  // A stale index (it says nothing is stored) must not lose the stored session:
  // the terminal starts fresh, then replays the record when it arrives.
  await page.evaluate(() => localStorage.setItem('packetlab-stored/1', '[]'));
  await page.reload();
  const again = page.locator('pl-terminal[data-main]');
  await ready(again);
  await expect.poll(() => storedEntries(page, 'play:/lessons/namespaces/')).toBe(1);
  await typeLine(page, again, 'ip netns');
  await expectScreen(again, /ip netns\s*\n\s*kept/);
  await expect.poll(() => storedEntries(page, 'play:/lessons/namespaces/')).toBe(2);
  await expect.poll(index).toContain('play:/lessons/namespaces/');
});

test('the terminal can be left with Esc then Tab', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await term.locator('.xterm').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const inTerminal = await page.evaluate(() => !!document.activeElement?.closest('.xterm'));
  expect(inTerminal).toBe(false);
  expect(await screenText(term)).toContain('root@host:~# ');
});
