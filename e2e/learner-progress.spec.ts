// Learner progress: tasks tick off live, Undo, Reset, persistence across a
// reload (IndexedDB), export then import in a fresh browser, and damaged or
// outdated storage giving a clear message and a working fresh terminal.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectScreen, ready, screenText, storedEntries, storedRecord, typeLine } from './helpers.ts';

const LESSON = '/lessons/namespaces/';
const PLAY = `play:${LESSON}`;

function lab(page: Page) {
  return page.locator('pl-lab[lab="namespaces-veth"]');
}

/** `id=pass|fail` for each task shown. */
async function taskStates(panel: Locator): Promise<string> {
  return (await panel.locator('.lab-results li').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-check')}=${li.className}`))).join(' ');
}

test('lab tasks tick off live after each command, and equal what Check shows', async ({ page }) => {
  await page.goto(LESSON);
  const panel = lab(page);
  const term = panel.locator('pl-terminal');
  await ready(term);
  const task = (id: string) => panel.locator(`.lab-results li[data-check="${id}"]`);
  await expect(task('namespaces')).toHaveClass(/todo/);

  await typeLine(page, term, 'ip netns add red');
  // One namespace of two: the task is evaluated (not done) without pressing Check.
  await expect(task('namespaces')).toHaveClass(/fail/);
  await expect(panel.locator('.lab-status')).toContainText('Live: 0 of 4 checks pass');

  await typeLine(page, term, 'ip netns add blue');
  await expect(task('namespaces')).toHaveClass(/pass/);
  await expect(task('red-to-blue')).toHaveClass(/fail/);
  await expect(panel.locator('.lab-status')).toContainText('Live: 1 of 4 checks pass');
  const live = await taskStates(panel);
  const liveMsgs = await panel.locator('.lab-results li .msg').allInnerTexts();

  // Check still works, with its explanations, and agrees with the live result.
  await panel.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(panel.locator('.lab-status')).toHaveText('1 of 4 checks pass.');
  expect(await taskStates(panel)).toBe(live);
  expect(await panel.locator('.lab-results li .msg').allInnerTexts()).toEqual(liveMsgs);
  await expect(task('red-to-blue').locator('.msg')).not.toBeEmpty();

  // Progress survives a reload.
  await page.reload();
  await expect(lab(page).locator('.lab-results li[data-check="namespaces"]')).toHaveClass(/pass/);
  await expect(lab(page).locator('.lab-status')).toContainText('Last check: 1 of 4 checks pass');
});

test('Undo removes the last command; Reset goes back to the start', async ({ page }) => {
  await page.goto(LESSON);
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip netns add one');
  await typeLine(page, term, 'ip link add dummy5 type dummy');
  await typeLine(page, term, 'ip netns add two');
  await expect.poll(() => storedEntries(page, PLAY)).toBe(3);

  await term.getByRole('button', { name: 'Undo last command' }).click();
  await expect.poll(() => storedEntries(page, PLAY)).toBe(2);
  await ready(term);
  await typeLine(page, term, 'ip -br link show dummy5; ip netns | sort | tr "\\n" " "; echo END');
  await expectScreen(term, 'one END');
  expect((await screenText(term)).replace(/\n/g, '')).not.toContain('two one');
  await expectScreen(term, 'dummy5');

  // Undo twice more: the dummy link and then the namespace are gone.
  await term.getByRole('button', { name: 'Undo last command' }).click();
  await expect.poll(() => storedEntries(page, PLAY)).toBe(2);
  await term.getByRole('button', { name: 'Undo last command' }).click();
  await expect.poll(() => storedEntries(page, PLAY)).toBe(1);
  await ready(term);
  await typeLine(page, term, 'ip link show dummy5');
  await expectScreen(term, 'Device "dummy5" does not exist.');

  await term.getByRole('button', { name: 'Reset' }).click();
  await term.getByRole('button', { name: 'Confirm reset' }).click();
  await expect.poll(() => storedEntries(page, PLAY)).toBe(0);
  await ready(term);
  await typeLine(page, term, 'ip netns | wc -l');
  await expectScreen(term, /ip netns \| wc -l\s*\n0\s*\n/);
  // Only the line typed after the reset is left to restore.
  await expect.poll(() => storedEntries(page, PLAY)).toBe(1);
});

test('progress exported to a file is imported in a fresh browser', async ({ page, browser }) => {
  await page.goto(LESSON);
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip netns add exported');
  await typeLine(page, term, 'ip link add br-x type bridge');
  await expect.poll(() => storedEntries(page, PLAY)).toBe(2);

  await page.goto('/progress/');
  await expect(page.locator('[data-part="list"] li[data-key]')).toContainText(['Practice terminal on /lessons/namespaces/: 2 commands']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress to a file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^packetlab-progress-.*\.json$/);
  const file = await download.path();
  const data = JSON.parse(readFileSync(file, 'utf8'));
  expect(data.format).toBe('packetlab-progress/1');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/progress/');
  await expect(other.locator('[data-part="list"]')).toContainText('Nothing saved');
  await other.getByLabel(/Progress file/).setInputFiles(file);
  await other.getByRole('button', { name: 'Import progress' }).click();
  await expect(other.locator('[data-part="status"]')).toContainText('Imported 1 terminal');
  await other.goto(LESSON);
  const again = other.locator('pl-terminal[data-main]');
  await ready(again);
  await typeLine(other, again, 'ip netns; ip -br link show br-x');
  await expectScreen(again, 'exported');
  await expectScreen(again, /br-x\s+DOWN/);

  // A file that is not a progress file is refused with a reason.
  await other.goto('/progress/');
  await other.getByLabel(/Progress file/).setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await other.getByRole('button', { name: 'Import progress' }).click();
  await expect(other.locator('[data-part="status"]')).toContainText('not a packetlab progress file');
  await fresh.close();
});

/** Put a raw value into the terminals store (the page has opened the database). */
async function writeRaw(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('packetlab');
        r.onsuccess = () => {
          const tx = r.result.transaction('terms', 'readwrite');
          tx.objectStore('terms').put(v);
          tx.oncomplete = () => {
            r.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        r.onerror = () => reject(r.error);
      }),
    value,
  );
}

test('damaged storage gives a clear message and a working fresh terminal', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(LESSON);
  await ready(page.locator('pl-terminal[data-main]'));
  await writeRaw(page, { key: PLAY, schema: 2, entries: 'garbage \u0000\u0001', passed: 7 });
  await page.reload();
  const term = page.locator('pl-terminal[data-main]');
  await expect(term.locator('.term-notice')).toContainText('could not be read');
  await ready(term);
  await typeLine(page, term, 'echo fresh-$((40+2))');
  await expectScreen(term, 'fresh-42');
  await expect.poll(() => storedEntries(page, PLAY)).toBe(1);

  // A record from a newer version of the site: same, with the reason.
  await writeRaw(page, { key: PLAY, schema: 99, entries: [] });
  await page.reload();
  await expect(page.locator('pl-terminal[data-main] .term-notice')).toContainText('different version');
  await ready(page.locator('pl-terminal[data-main]'));
  expect(errors).toEqual([]);
});

test('a damaged database (no object stores) is replaced, with a message', async ({ page }) => {
  await page.goto('/reference/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.open('packetlab', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('junk');
        r.onsuccess = () => {
          r.result.close();
          resolve();
        };
      }),
  );
  await page.goto(LESSON);
  const term = page.locator('pl-terminal[data-main]');
  await expect(term.locator('.term-notice')).toContainText('could not be read');
  await ready(term);
  await typeLine(page, term, 'ip netns add after-damage');
  await expect.poll(() => storedEntries(page, PLAY)).toBe(1);
});

test('terminals saved by the localStorage version are migrated to IndexedDB', async ({ page }) => {
  await page.goto('/reference/');
  await page.evaluate((k) => localStorage.setItem(`packetlab:${k}`, JSON.stringify({ version: 1, entries: [{ line: 'ip netns add migrated', at: 0 }], passed: [] })), PLAY);
  await page.goto(LESSON);
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await expect(term.locator('.term-notice')).toHaveCount(0);
  await typeLine(page, term, 'ip netns');
  await expectScreen(term, 'migrated');
  const rec = await storedRecord(page, PLAY);
  expect(rec?.schema).toBe(2);
  expect(await page.evaluate((k) => localStorage.getItem(`packetlab:${k}`), PLAY)).toBeNull();
});
