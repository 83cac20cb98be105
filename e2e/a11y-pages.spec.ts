// axe-core on every page, English and Korean: home, each lesson, the
// instructor, reference, progress and search pages. No serious or
// critical violation (WCAG 2.1 A/AA rules), after the page's terminal is up.

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ALL_PAGES } from './pages.ts';

// axe over a long lesson page with live terminals is slow when workers share the CPU.
test.describe.configure({ timeout: 240_000 });

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

// Every page the site builds, in both languages (lessons added later included: e2e/pages.ts reads content/).
for (const url of ALL_PAGES) {
  test(`axe: ${url} has no serious or critical violation`, async ({ page }) => {
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    const main = page.locator('pl-terminal[data-main]');
    if (await main.count()) await expect(main).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
  });
}

test('axe: a phone-width lesson with the practice drawer open, in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ['/lessons/namespaces/', '/ko/lessons/namespaces/']) {
    await page.goto(url);
    await page.locator('[data-practice-toggle]').click();
    await expect(page.locator('pl-terminal[data-main]')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
  }
});

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
