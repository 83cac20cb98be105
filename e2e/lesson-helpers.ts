// Helpers for the per-lesson specs (e2e/lessons-*.spec.ts): the lesson's own
// snippets typed through their Run buttons, and every lab on the page checked
// untouched (it must fail, saying why) and after its reference solution (it
// must pass). Everything waits for text or stored state, never for time.
import { expect, type Locator, type Page } from '@playwright/test';
import { screenText, storedEntries } from './helpers.ts';

/** The prompt of a host's root shell in its home directory. */
export const promptOf = (host = 'host'): string => `root@${host}:~# `;

/** The page's practice terminal. */
export const practice = (page: Page): Locator => page.locator('pl-terminal[data-main]');

/** A lab's panel and its terminal. */
export const labPanel = (page: Page, id: string): Locator => page.locator(`pl-lab[lab="${id}"]`);
export const labTerm = (page: Page, id: string): Locator => labPanel(page, id).locator('pl-terminal');

/** Store key of the practice terminal of a lesson, and of a lab's terminal. */
export const practiceKey = (slug: string): string => `play:/lessons/${slug}/`;
export const labKey = (id: string): string => `lab:${id}`;

/** Collect page errors and simulator faults (worker console errors); the test asserts the list stays empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /packetlab/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Wait until `term` is booted and its screen shows `prompt` (a lab's host: `promptOf('controlplane')`). */
export async function readyAt(term: Locator, prompt = promptOf(), timeout = 30_000): Promise<void> {
  await term.scrollIntoViewIfNeeded();
  await expect(term).toHaveAttribute('data-state', 'ready', { timeout });
  await expect.poll(() => screenText(term), { timeout, message: `prompt ${JSON.stringify(prompt)}` }).toContain(prompt);
  expect(await screenText(term)).not.toContain('packetlab: internal error');
}

/** The screen's text with every row joined (a long line wraps over several rows). */
export async function flatScreen(term: Locator): Promise<string> {
  return (await screenText(term)).replace(/\n/g, '');
}

/** Poll until the screen contains every one of `texts` (strings may span wrapped rows). */
export async function expectOnScreen(term: Locator, texts: (string | RegExp)[], timeout = 30_000): Promise<void> {
  // xterm.js stops painting its DOM rows while the terminal is scrolled out of
  // view (clicking a button below it can do that): read it in view.
  const visible = async () => {
    await term.scrollIntoViewIfNeeded();
    return screenText(term);
  };
  for (const t of texts) {
    if (typeof t === 'string') await expect.poll(async () => (await visible()).replace(/\n/g, ''), { timeout, message: `screen shows ${JSON.stringify(t)}` }).toContain(t);
    // A pattern may span rows (\n between them) or a line wrapped over several rows.
    else await expect.poll(async () => { const raw = await visible(); return `${raw}\n\n${raw.replace(/\n/g, '')}`; }, { timeout, message: `screen matches ${t}` }).toMatch(t);
  }
}

/** The command lines of every lesson snippet (outside labs), in page order. */
async function lessonSnippets(page: Page): Promise<string[][]> {
  return page.locator('.lesson-body .snippet button[data-run]').evaluateAll((bs) => bs.map((b) => JSON.parse(b.getAttribute('data-run') ?? '[]') as string[]));
}

/**
 * Click the Run button of the lesson snippet whose first command is `first`
 * (exactly as the lesson writes it), then wait until the terminal has taken
 * every line of it (the store holds them; the worker types each line only
 * once the previous one finished).
 */
export async function runSnippet(page: Page, key: string, first: string, opts: { timeout?: number } = {}): Promise<string[]> {
  const timeout = opts.timeout ?? 30_000;
  const all = await lessonSnippets(page);
  const i = all.findIndex((lines) => lines[0] === first);
  expect(i, `the lesson has a snippet starting with ${JSON.stringify(first)}`).toBeGreaterThanOrEqual(0);
  const lines = all[i]!;
  const before = await storedEntries(page, key);
  const btn = page.locator('.lesson-body .snippet button[data-run]').nth(i);
  // A "Predict, then run" snippet unlocks once a prediction is committed: commit the first choice.
  const predict = btn.locator('xpath=ancestor::pl-predict[1]');
  if ((await predict.count()) && (await btn.isDisabled())) {
    const radio = predict.getByRole('radio').first();
    if (await radio.count()) await radio.check();
    else await predict.getByRole('textbox').fill('?');
    await predict.getByRole('button', { name: /^(Commit my prediction|예측 확정)$/ }).click();
    await expect(btn).toBeEnabled();
  }
  await btn.click();
  await expect.poll(() => storedEntries(page, key), { timeout, message: `${lines.length} line(s) of the snippet entered` }).toBe(before + lines.length);
  return lines;
}

/**
 * Press Check and return its verdict (the status line Check itself wrote:
 * live updates after commands also write “Live: …” there, so every status
 * text is recorded and the first non-live verdict after the press is taken).
 */
export async function pressCheck(panel: Locator, timeout: number): Promise<string> {
  await panel.evaluate((el) => {
    const st = el.querySelector('[data-part="status"]')!;
    const rec: string[] = [];
    (el as unknown as { __statuses: string[] }).__statuses = rec;
    new MutationObserver((muts) => {
      for (const m of muts) for (const n of m.addedNodes) rec.push(n.textContent ?? '');
    }).observe(st, { childList: true });
  });
  const btn = panel.getByRole('button', { name: 'Check', exact: true });
  await btn.click();
  // Check's own verdict; if a live update (the same checks, after the last
  // command) replaced it before it was seen, the live verdict once Check is done.
  const verdict = () =>
    panel.evaluate((el) => {
      const rec = (el as unknown as { __statuses: string[] }).__statuses;
      const i = rec.indexOf('Checking…');
      const own = i < 0 ? undefined : rec.slice(i + 1).find((t) => /^(\d+ of \d+|All \d+) checks pass/.test(t) || /could not run/.test(t));
      if (own) return own;
      const btn = el.querySelector<HTMLButtonElement>('button[data-act="check"]')!;
      const now = el.querySelector('[data-part="status"]')?.textContent ?? '';
      return !btn.disabled && /^Live: (\d+ of \d+|All \d+) checks pass/.test(now) ? now.replace(/^Live: /, '').replace(/ \(updated after.*$/, '.') : '';
    });
  await expect.poll(verdict, { timeout, message: 'Check reports its verdict' }).not.toBe('');
  return verdict();
}

/**
 * An untouched lab fails Check: every check fails, and each says why — its
 * message contains the matching entry of `messages` (one per check, in order).
 */
export async function expectUntouchedFails(panel: Locator, messages: (string | RegExp)[], timeout = 30_000): Promise<void> {
  const n = messages.length;
  await expect(panel.locator('.lab-results li')).toHaveCount(n);
  expect(await pressCheck(panel, timeout)).toBe(`0 of ${n} checks pass.`);
  await expect(panel.locator('.lab-results li.fail')).toHaveCount(n);
  for (let i = 0; i < n; i++) {
    const li = panel.locator('.lab-results li').nth(i);
    await expect(li.locator('strong')).toHaveText(/^Not yet: /);
    await expect(li.locator('.msg')).toContainText(messages[i]!);
  }
  await expect(panel).not.toHaveAttribute('data-solved', '');
}

/**
 * Open the lab's solution, press “Type the whole solution”, and wait until the
 * terminal has taken every line. Returns the lines. (Check itself waits for
 * the last command to finish.)
 */
export async function typeSolution(page: Page, id: string, opts: { timeout?: number } = {}): Promise<string[]> {
  const timeout = opts.timeout ?? 30_000;
  const panel = labPanel(page, id);
  // A parametric lab shows the learner's own solution once it is personalised.
  if ((await panel.getAttribute('data-parametric')) !== null) await expect(panel).toHaveAttribute('data-seed', /^\d+$/);
  await panel.locator('summary', { hasText: 'Reveal the solution' }).click();
  const all = panel.locator('[data-part="solution-all"]');
  await expect(all).toBeVisible();
  const lines = JSON.parse((await all.getAttribute('data-run')) ?? '[]') as string[];
  expect(lines.length).toBeGreaterThan(0);
  // The listed steps are the ones the button types.
  await expect(panel.locator('[data-part="solution"] li code')).toHaveText(lines);
  const before = await storedEntries(page, labKey(id));
  await panel.getByRole('button', { name: 'Type the whole solution' }).click();
  await expect.poll(() => storedEntries(page, labKey(id)), { timeout, message: `${lines.length} solution line(s) entered` }).toBe(before + lines.length);
  return lines;
}

/** Check passes every one of the lab's `n` checks. */
export async function expectAllPass(panel: Locator, n: number, timeout = 30_000): Promise<void> {
  expect(await pressCheck(panel, timeout)).toBe(`All ${n} checks pass. Lab solved!`);
  await expect(panel.locator('.lab-status')).toHaveText(new RegExp(`^(Live: )?All ${n} checks pass\\. Lab solved!$`));
  await expect(panel.locator('.lab-results li.pass')).toHaveCount(n);
  await expect(panel.locator('.lab-results li.fail')).toHaveCount(0);
  await expect(panel).toHaveAttribute('data-solved', '');
}

/** Fix the learner's seed (parametric labs pick their values from it) before the page loads. */
export async function useSeed(page: Page, seed: number): Promise<void> {
  await page.addInitScript((s) => localStorage.setItem('packetlab-seed', String(s)), seed);
}

/** Type `line` into a terminal through the keyboard (as a learner would) and wait until the shell took it. */
export async function typeAndWait(page: Page, term: Locator, key: string, line: string, timeout = 30_000): Promise<void> {
  const before = await storedEntries(page, key);
  await term.locator('.xterm').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => storedEntries(page, key), { timeout, message: `${JSON.stringify(line)} entered` }).toBe(before + 1);
}

/** Type `hostname` into a lab's terminal and expect `host`: the learner's shell is on the lab's terminal host. */
export async function expectShellOn(page: Page, id: string, host: string): Promise<void> {
  const term = labTerm(page, id);
  await typeAndWait(page, term, labKey(id), 'hostname');
  await expectOnScreen(term, [new RegExp(`${promptOf(host).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}hostname\\s*\\n${host}\\s*\\n`)]);
}
