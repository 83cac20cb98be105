// Shared helpers: read a terminal's screen text from the DOM, type into it.
import { expect, type Locator, type Page } from '@playwright/test';

/** The text on a terminal's screen (xterm's DOM renderer rows). */
export async function screenText(term: Locator): Promise<string> {
  const text = await term.locator('.xterm-rows').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Wait until the terminal is booted and shows the prompt. */
export async function ready(term: Locator): Promise<void> {
  await term.scrollIntoViewIfNeeded();
  await expect(term).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => screenText(term)).toContain('root@host:~# ');
}

/** Click into the terminal and type `line` followed by Enter. */
export async function typeLine(page: Page, term: Locator, line: string): Promise<void> {
  await term.locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Expect the terminal's screen to contain `text` (polling); a string may span wrapped rows. */
export async function expectScreen(term: Locator, text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(async () => (await screenText(term)).replace(/\n/g, '')).toContain(text);
  else await expect.poll(() => screenText(term)).toMatch(text);
}

/** Fail the test on any request that leaves the site (CDN, fonts, analytics). */
export async function forbidThirdParty(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return outside;
}

/** The stored record of a terminal (IndexedDB `packetlab`/`terms`, key `<key>`), or undefined. */
export async function storedRecord(page: Page, key: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (k) =>
      new Promise<Record<string, unknown> | undefined>((resolve) => {
        const r = indexedDB.open('packetlab');
        r.onerror = () => resolve(undefined);
        // Never create the database from a test (the page would find it without its stores).
        r.onupgradeneeded = () => r.transaction?.abort();
        r.onsuccess = () => {
          const db = r.result;
          if (!db.objectStoreNames.contains('terms')) {
            db.close();
            return resolve(undefined);
          }
          const g = db.transaction('terms').objectStore('terms').get(k);
          g.onsuccess = () => {
            db.close();
            resolve(g.result as Record<string, unknown> | undefined);
          };
          g.onerror = () => {
            db.close();
            resolve(undefined);
          };
        };
      }),
    key,
  );
}

/** Number of entries stored for a terminal. */
export async function storedEntries(page: Page, key: string): Promise<number> {
  const rec = await storedRecord(page, key);
  return Array.isArray(rec?.entries) ? rec.entries.length : 0;
}
