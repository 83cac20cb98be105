// nano, vi and less run inside the browser terminal (raw mode on the
// simulated tty): keys typed there edit the file, ^O / :wq write the
// simulated file system, and the keys are stored with the session, so a
// reload (which replays the log on a fresh world) keeps the saved file.

import { expect, test } from '@playwright/test';
import { expectScreen, ready, storedRecord, typeLine } from './helpers.ts';

const KEY = 'play:/lessons/switching-routing/';

// Many keystrokes and a reload (which replays the session): more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test('nano: type, ^O Enter writes, ^X exits, cat shows it, and a reload keeps the file', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'nano notes.txt');
  await expectScreen(term, 'GNU nano 7.2');
  await expectScreen(term, '[ New File ]');
  await expectScreen(term, '^X Exit');
  await page.keyboard.type('hello from nano');
  await expectScreen(term, 'Modified');
  await page.keyboard.press('Control+o');
  await expectScreen(term, 'File Name to Write: notes.txt');
  await page.keyboard.press('Enter');
  await expectScreen(term, '[ Wrote 1 line ]');
  await page.keyboard.press('Control+x');
  await expect.poll(async () => (await term.locator('.xterm-rows').innerText()).includes('GNU nano')).toBe(false);
  await typeLine(page, term, 'cat notes.txt');
  await expectScreen(term, /cat notes\.txt\s*\nhello from nano/);
  // The keys are stored with the lines (one entry holds a run of keys).
  await expect
    .poll(async () => {
      const rec = await storedRecord(page, KEY);
      return (rec?.entries as { keys?: string[]; line?: string }[] | undefined)?.map((e) => e.line ?? e.keys?.join('')) ?? [];
    })
    .toEqual(['nano notes.txt', 'hello from nano\x0f\r\x18', 'cat notes.txt']);
  await page.reload();
  const again = page.locator('pl-terminal[data-main]');
  await ready(again);
  await typeLine(page, again, 'cat notes.txt; echo END');
  await expectScreen(again, /hello from nano\s*\nEND/);
});

test('vi: i, text, Esc, :wq writes; an unknown command gets vim’s error', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'vi v.txt');
  await expectScreen(term, '"v.txt" [New]');
  await page.keyboard.press('i');
  await expectScreen(term, '-- INSERT --');
  await page.keyboard.type('written in vi');
  await page.keyboard.press('Escape');
  await page.keyboard.type(':foo');
  await page.keyboard.press('Enter');
  await expectScreen(term, 'E492: Not an editor command: foo');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await typeLine(page, term, 'cat v.txt');
  await expectScreen(term, /cat v\.txt\s*\nwritten in vi/);
});

test('less pages long output: space, /search, G shows (END), q returns to the prompt', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'seq 1 500 | less');
  await expect.poll(async () => (await term.locator('.xterm-rows').innerText()).trim().split('\n')[0]?.trim()).toBe('1');
  await page.keyboard.press('Space');
  await expect.poll(async () => Number((await term.locator('.xterm-rows').innerText()).trim().split('\n')[0]?.trim())).toBeGreaterThan(1);
  await page.keyboard.type('/321');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await term.locator('.xterm-rows').innerText()).trim().split('\n')[0]?.trim()).toBe('321');
  await page.keyboard.press('Shift+G');
  await expectScreen(term, '(END)');
  await page.keyboard.press('q');
  await typeLine(page, term, 'echo back at the prompt');
  await expectScreen(term, /\nback at the prompt/);
});
