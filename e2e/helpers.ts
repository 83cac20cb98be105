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

/** Expect the terminal's screen to contain `text` (polling). */
export async function expectScreen(term: Locator, text: string | RegExp): Promise<void> {
  if (typeof text === 'string') await expect.poll(() => screenText(term)).toContain(text);
  else await expect.poll(() => screenText(term)).toMatch(text);
}
