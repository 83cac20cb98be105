// Keyboard and screen-reader use of the terminals: a lab terminal takes the
// focus and the keys before xterm.js has loaded (Enter never presses Undo),
// its description says how to leave it, the practice terminal comes after
// the lesson text in Tab order, full screen gives long output the window's
// width, presenter mode enlarges the terminal text, and toolbar statuses
// clear once done.

import { expect, test, type Page } from '@playwright/test';
import { expectScreen, ready, screenText, storedEntries, typeLine } from './helpers.ts';

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const term = el.closest('pl-terminal');
    return `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}${term ? ` in ${term.getAttribute('lab') ? 'lab ' + term.getAttribute('lab') : 'practice'}` : ''}${el.closest('.lesson-body') ? ' (lesson text)' : ''}${el.closest('.practice') ? ' (practice)' : ''}`;
  });
}

test('a lab terminal takes the focus and the keys before xterm.js has loaded', async ({ page }) => {
  // Hold xterm.js back until the keys are typed.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/xterm-host[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  const term = panel.locator('pl-terminal');
  await panel.locator('h3').scrollIntoViewIfNeeded();
  await panel.locator('h3').evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    h.focus();
  });
  await page.keyboard.press('Tab');
  // The terminal, not “Undo last command”.
  expect(await focused(page)).toMatch(/^div.term-screen in lab namespaces-veth/);
  const screen = term.locator('.term-screen');
  await expect(screen).toHaveAccessibleName(/namespaces-veth|Terminal for the lab/);
  await expect(screen).toHaveAccessibleDescription(/Esc then Tab leaves the terminal/);
  await page.keyboard.type('ip netns add red');
  await page.keyboard.press('Enter');
  await expect(term.locator('[data-part="term-status"]')).toHaveText('');
  release();
  await ready(term);
  await expectScreen(term, 'root@host:~# ip netns add red');
  await expect.poll(() => storedEntries(page, 'lab:namespaces-veth')).toBe(1);
  // The focus moved into xterm's own text area, which keeps the description.
  expect(await focused(page)).toMatch(/^textarea.xterm-helper-textarea in lab namespaces-veth/);
  await expect(term.locator('textarea')).toHaveAccessibleDescription(/Esc then Tab/);
  await page.keyboard.type('ip netns list');
  await page.keyboard.press('Enter');
  await expectScreen(term, 'red');
  // Esc then Tab leaves it.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await focused(page)).not.toContain('textarea');
});

test('Tab reaches the lesson text before the practice terminal', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    stops.push(f);
    if (f.includes('(lesson text)')) break;
  }
  expect(stops.at(-1)).toContain('(lesson text)');
  expect(stops.filter((s) => s.includes('(practice)'))).toEqual([]);
});

test('full screen gives the terminal the window width; presenter mode enlarges its text', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  const narrow = (await term.locator('.xterm-rows').boundingBox())!.width;
  const full = term.getByRole('button', { name: 'Full screen' });
  await full.click();
  await expect(term).toHaveAttribute('data-full', '');
  const exit = term.getByRole('button', { name: 'Exit full screen' });
  await expect(exit).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await term.locator('.term-screen').boundingBox())!.width).toBeGreaterThan(1300);
  // A 120-character line fits on one row.
  const long = 'x'.repeat(120);
  await typeLine(page, term, `echo ${long}`);
  await expect.poll(async () => (await screenText(term)).split('\n').some((l) => l.trim() === long)).toBe(true);
  expect(narrow).toBeLessThan(1000);
  await exit.click();
  await expect(term).not.toHaveAttribute('data-full', '');
  await expect(full).toBeFocused();

  const size = () => term.locator('.xterm-rows > div').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect.poll(size).toBeGreaterThanOrEqual(before * 1.4);
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect.poll(size).toBe(before);
});

test('Undo says when it is done and the status clears', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip link add dummy7 type dummy');
  await expect.poll(() => storedEntries(page, 'play:/lessons/switching-routing/')).toBe(1);
  await term.getByRole('button', { name: 'Undo last command' }).click();
  const status = term.locator('[data-part="term-status"]');
  await expect(status).toHaveText('The last command was undone.');
  await expect(status).toHaveText('', { timeout: 10_000 });
  await expect.poll(() => storedEntries(page, 'play:/lessons/switching-routing/')).toBe(0);
});

test("Check's verdict is not replaced by the live status for the same state", async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  const term = panel.locator('pl-terminal');
  await ready(term);
  await typeLine(page, term, 'ip netns add red');
  await expect(panel.locator('.lab-status')).toContainText('Live: 0 of 4');
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(panel.locator('.lab-status')).toHaveText('0 of 4 checks pass.');
  await page.waitForTimeout(1500);
  await expect(panel.locator('.lab-status')).toHaveText('0 of 4 checks pass.');
  await typeLine(page, term, 'ip netns add blue');
  await expect(panel.locator('.lab-status')).toContainText('Live: 1 of 4');
});

test('hand-in forms are named after their lab (distinct landmarks)', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const names = await page.locator('form[data-handin]').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(1);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n).toMatch(/^Hand in: /);
});
