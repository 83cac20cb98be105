import { expect, test, type Page } from '@playwright/test';
import { expectScreen, ready, storedEntries, typeLine } from './helpers.ts';

const LABS = [
  { id: 'routing-two-subnets', lesson: 'switching-routing' },
  { id: 'namespaces-veth', lesson: 'namespaces' },
  { id: 'namespaces-bridge', lesson: 'namespaces' },
];

function lab(page: Page, id: string) {
  return page.locator(`pl-lab[lab="${id}"]`);
}

async function typeSolution(page: Page, id: string): Promise<number> {
  const panel = lab(page, id);
  await panel.locator('summary', { hasText: 'Reveal the solution' }).click();
  const steps = await panel.locator('.lab-solution li').count();
  expect(steps).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Type the whole solution' }).click();
  await expect.poll(() => storedEntries(page, `lab:${id}`), { timeout: 30_000 }).toBe(steps);
  return steps;
}

for (const { id, lesson } of LABS) {
  test(`lab ${id}: the reference solution passes every check`, async ({ page }) => {
    await page.goto(`/lessons/${lesson}/`);
    const panel = lab(page, id);
    const term = panel.locator('pl-terminal');
    await ready(term);
    await typeSolution(page, id);

    await panel.getByRole('button', { name: 'Check' }).click();
    const results = panel.locator('.lab-results li');
    await expect(results.first()).toBeVisible({ timeout: 30_000 });
    const n = await results.count();
    await expect(panel.locator('.lab-results li.pass')).toHaveCount(n);
    await expect(panel.locator('.lab-status')).toContainText(`All ${n} checks pass`);
    await expect(panel).toHaveAttribute('data-solved', '');

    // Progress and the terminal's state survive a reload.
    await page.reload();
    const again = lab(page, id);
    await expect(again.locator('.lab-results li.pass')).toHaveCount(n);
    await expect(again.locator('.lab-status')).toContainText('Last check');
    await ready(again.locator('pl-terminal'));
    await again.getByRole('button', { name: 'Check' }).click();
    await expect(again.locator('.lab-status')).toContainText(`All ${n} checks pass`, { timeout: 30_000 });
  });
}

test('a failing check explains what is missing', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = lab(page, 'namespaces-veth');
  const term = panel.locator('pl-terminal');
  await ready(term);
  await typeLine(page, term, 'ip netns add red');
  await expect.poll(() => storedEntries(page, 'lab:namespaces-veth')).toBe(1);
  await panel.getByRole('button', { name: 'Check' }).click();
  const failed = panel.locator('.lab-results li.fail');
  await expect(failed.first()).toBeVisible({ timeout: 30_000 });
  await expect(failed.first().locator('.msg')).not.toBeEmpty();
  await expect(panel.locator('.lab-status')).toContainText(/\d+ of \d+ checks pass/);
  await expect(panel).not.toHaveAttribute('data-solved', '');
});

test('hints open one at a time and Reset starts the lab again', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = lab(page, 'namespaces-veth');
  const term = panel.locator('pl-terminal');
  await ready(term);
  const hints = panel.locator('.lab-hints li');
  const total = await hints.count();
  expect(total).toBeGreaterThan(0);
  await expect(panel.locator('.lab-hints li:visible')).toHaveCount(0);
  await panel.getByRole('button', { name: /Show hint 1 of/ }).click();
  await expect(panel.locator('.lab-hints li:visible')).toHaveCount(1);

  await typeLine(page, term, 'ip netns add red');
  await expect.poll(() => storedEntries(page, 'lab:namespaces-veth')).toBe(1);
  await panel.getByRole('button', { name: 'Reset lab' }).click();
  await panel.getByRole('button', { name: 'Confirm reset' }).click();
  await expect.poll(() => storedEntries(page, 'lab:namespaces-veth')).toBe(0);
  await ready(term);
  await typeLine(page, term, 'ip netns');
  await typeLine(page, term, 'echo done-$((6*7))');
  await expectScreen(term, 'done-42');
  const text = (await term.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ');
  expect(text).not.toMatch(/^red$/m);
});

test('class mode: the class code and the name decide the seed, and the hand-in carries the class', async ({ page }) => {
  const { classSeed } = await import('../src/labs/checkpoint-format.ts');
  await page.goto('/lessons/namespaces/');
  const panel = lab(page, 'namespaces-veth-random');
  await panel.getByRole('textbox', { name: 'Class code' }).fill('NET101');
  await panel.getByRole('textbox', { name: 'Class code' }).press('Tab');
  await expect(panel.locator('[data-handin-status]')).toContainText('Type your name as your instructor knows it');
  await panel.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace');
  await panel.getByRole('textbox', { name: 'Class code' }).fill('net101 ');
  await panel.getByRole('textbox', { name: 'Class code' }).press('Tab');
  const seed = classSeed('NET101', 'Ada Lovelace');
  await expect(panel.locator('[data-handin-seed]')).toHaveText(String(seed));
  await expect(panel.locator('[data-handin-status]')).toContainText('Class net101: your values now come from the class code and your name');
  await expect(panel.locator('[data-part="seed"]')).toContainText(`seed ${seed}`);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download hand-in file' }).click()]);
  const { readFileSync } = await import('node:fs');
  const cp = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(cp).toMatchObject({ learner: 'Ada Lovelace', seed, class: 'net101' });
  // Every lab panel on the page now shows the class.
  await expect(lab(page, 'namespaces-veth').getByRole('textbox', { name: 'Class code' })).toHaveValue('net101');
});
