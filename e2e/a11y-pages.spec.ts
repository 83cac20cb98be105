// axe-core on every page, English and Korean: home, each lesson, the
// instructor, reference, progress and search pages. No serious or
// critical violation (WCAG 2.1 A/AA rules), after the page's terminal is up.

import { readdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const LESSONS = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => /^slug:\s*"?([a-z0-9-]+)"?/m.exec(readFileSync(new URL(`../content/lessons/${f}`, import.meta.url), 'utf8'))?.[1] ?? f.slice(0, -4));

const PAGES = ['/', '/instructor/', '/reference/', '/progress/', '/search/', ...LESSONS.map((s) => `/lessons/${s}/`)];

// axe over a long lesson page with live terminals is slow when workers share the CPU.
test.describe.configure({ timeout: 120_000 });

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

for (const path of PAGES) {
  for (const url of [path, path === '/' ? '/ko/' : `/ko${path}`]) {
    test(`axe: ${url} has no serious or critical violation`, async ({ page }) => {
      const res = await page.goto(url);
      expect(res?.status()).toBe(200);
      const main = page.locator('pl-terminal[data-main]');
      if (await main.count()) await expect(main).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('axe: a lab panel after Check, and presenter mode', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.locator('pl-terminal')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(panel.locator('.lab-results li.fail').first()).toBeVisible({ timeout: 30_000 });
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  expect(await violations(page)).toEqual([]);
});
