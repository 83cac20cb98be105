// Presenter mode: a toggle on lesson pages (a real button with aria-pressed),
// large type and high contrast, the last commands typed shown large, and the
// choice remembered across pages and reloads.

import { expect, test } from '@playwright/test';
import { ready, typeLine } from './helpers.ts';

test('presenter mode: toggled, large, shows the last commands, remembered', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const toggle = page.getByRole('button', { name: 'Presenter mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(after).toBeGreaterThanOrEqual(before * 1.3);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');

  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip link add eth0 type dummy');
  await typeLine(page, term, 'ip -br link');
  const last = page.getByRole('complementary', { name: 'Last commands' });
  await expect(last).toBeVisible();
  await expect(last.locator('li').last()).toHaveText('ip -br link');
  await expect(last.locator('li')).toHaveText(['ip link add eth0 type dummy', 'ip -br link']);
  const big = await last.locator('li').last().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(big).toBeGreaterThanOrEqual(28);

  // Remembered: another lesson (and its Korean page) opens in presenter mode.
  await page.goto('/ko/lessons/namespaces/');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', '');
  const ko = page.getByRole('button', { name: '발표자 모드' });
  await expect(ko).toHaveAttribute('aria-pressed', 'true');
  await ko.press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', '');
  await page.reload();
  await expect(page.locator('html')).not.toHaveAttribute('data-presenter', '');
  await expect(page.getByRole('button', { name: '발표자 모드' })).toHaveAttribute('aria-pressed', 'false');
});

test('reduced motion: no smooth scrolling and no cursor blink animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/lessons/namespaces/');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await expect(term.locator('.xterm-cursor-blink')).toHaveCount(0);
});
