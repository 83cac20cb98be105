// Keyboard only: into the lab terminal and out again (Esc then Tab), Check,
// a hint, Reset with its confirmation, the solution disclosure, and handing
// in a checkpoint — every control reached with Tab and used with Enter/Space.

import { expect, test, type Locator, type Page } from '@playwright/test';
import { ready } from './helpers.ts';

/** Press Tab until `target` has focus (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('lab controls work from the keyboard alone', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  const term = panel.locator('pl-terminal');
  await panel.scrollIntoViewIfNeeded();
  await ready(term);

  // Into the terminal with Tab from the lab's goal, type, leave with Esc, Tab.
  await panel.locator('h3').evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    h.focus();
  });
  await tabTo(page, term.locator('textarea'));
  for (const line of ['ip netns add red', 'ip netns add blue']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await term.locator('.xterm-rows').innerText()).replace(/\u00a0/g, ' ')).toContain(`root@host:~# ${line}`);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await term.locator('textarea').evaluate((el) => el === document.activeElement)).toBe(false);

  const check = panel.getByRole('button', { name: 'Check', exact: true });
  await tabTo(page, check);
  await page.keyboard.press('Enter');
  await expect(panel.locator('.lab-results li.pass').first()).toBeVisible({ timeout: 30_000 });
  await expect(panel.locator('.lab-status')).toContainText(/1 of 4 checks pass/);

  const hint = panel.getByRole('button', { name: /Show hint 1 of/ });
  await tabTo(page, hint);
  await page.keyboard.press('Space');
  await expect(panel.locator('.lab-hints li:visible')).toHaveCount(1);
  await expect(panel.locator('.lab-hints li').first()).toBeFocused();

  const summary = panel.locator('.lab-solution summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  await expect(panel.locator('.lab-solution')).toHaveAttribute('open', '');

  // Hand in: name, then Enter submits the form and downloads the file.
  const name = panel.getByRole('textbox', { name: 'Your name' });
  await tabTo(page, name, 80);
  await page.keyboard.type('Ada Lovelace');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('namespaces-veth-Ada-Lovelace.checkpoint.json');
  const { readFileSync } = await import('node:fs');
  const cp = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(cp).toMatchObject({ format: 'packetlab-checkpoint/1', lab: 'namespaces-veth', learner: 'Ada Lovelace', commands: ['ip netns add red', 'ip netns add blue'] });
  expect(Number.isInteger(cp.seed)).toBe(true);
  await expect(panel.locator('[data-handin-status]')).toContainText('namespaces-veth-Ada-Lovelace.checkpoint.json');

  // Reset needs a second press; both from the keyboard.
  const reset = panel.getByRole('button', { name: 'Reset lab' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Confirm reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel.locator('.lab-status')).toContainText('reset');
});
