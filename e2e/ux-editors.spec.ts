// nano and vi in the browser terminal: the file opens in an editor pane over
// the page, Save writes it back as a recorded printf line, Close returns to
// the terminal, and a reload (which replays the session) does not reopen it.

import { expect, test } from '@playwright/test';
import { expectScreen, ready, storedEntries, typeLine } from './helpers.ts';

test('nano opens the editor pane; Save writes the file through the terminal; a reload does not reopen it', async ({ page }) => {
  await page.goto('/lessons/switching-routing/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'printf "one\\n" > /root/notes.txt');
  await typeLine(page, term, 'nano notes.txt');
  const dialog = page.getByRole('dialog', { name: 'Editing /root/notes.txt (nano/vi in the terminal)' });
  await expect(dialog).toBeVisible();
  const editor = dialog.locator('pl-editor');
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Loaded /root/notes.txt');
  await expect(editor).toHaveAttribute('data-state', /ready|plain/);
  await expect(editor.locator('.monaco-editor, textarea:visible').first()).toBeVisible();
  // (Typing in the pane itself is e2e/editor.spec.ts's subject: the same <pl-editor>.)
  await dialog.getByRole('button', { name: 'Save to host' }).click();
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Saved /root/notes.txt');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(term.locator('textarea.xterm-helper-textarea')).toBeFocused();
  await page.keyboard.type('cat notes.txt');
  await page.keyboard.press('Enter');
  await expectScreen(term, "printf 'one\\n' > /root/notes.txt");
  await expectScreen(term, /cat notes\.txt\s*\none/);
  const n = await storedEntries(page, 'play:/lessons/switching-routing/');
  expect(n).toBe(4);
  await page.reload();
  await ready(page.locator('pl-terminal[data-main]'));
  await page.waitForTimeout(1000);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
