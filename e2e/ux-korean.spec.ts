// Korean pages are Korean throughout: every control, label and heading on
// every Korean page; a lab's check messages and the packet-path narration;
// and Hangul is drawn with the site's own Noto Sans KR slices (fetched from
// the site only, never a third party) when no Korean system font is there.

import { expect, test } from '@playwright/test';
import { KO_PAGES } from './pages.ts';
import { forbidThirdParty, ready, typeLine } from './helpers.ts';

const HANGUL = /[\uac00-\ud7a3]/;
/** Names that are the same in every language. */
const SAME = new Set(['packetlab', 'English', '▣ packetlab']);

test.describe.configure({ timeout: 180_000 });

test('every control, label and heading on every Korean page is Korean', async ({ page }) => {
  const english: string[] = [];
  for (const url of KO_PAGES) {
    await page.goto(url);
    const main = page.locator('pl-terminal[data-main]');
    if (await main.count()) await expect(main).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const name = (el: Element): string => (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').trim();
      for (const el of document.querySelectorAll('button, summary, label, legend, caption, h1, h2, h3, h4, nav a, [aria-label], .lab-status, .term-help, .practice-note, .eyebrow, th[scope="col"]')) {
        // Lesson titles in the pager (DNS, CNI) are names.
        if (el.closest('.xterm, code, pre, kbd, samp, [lang="en"], .pagefind-ui__results, .pager')) continue;
        if ((el as HTMLElement).offsetParent === null && el.tagName !== 'BUTTON') continue;
        // A label that is all code (a command or a program's output as a choice) is not prose.
        if (!el.getAttribute('aria-label')) {
          const prose = el.cloneNode(true) as HTMLElement;
          prose.querySelectorAll('code, kbd, samp, pre, input').forEach((n) => n.remove());
          if (!(prose.textContent ?? '').trim()) continue;
        }
        const text = name(el);
        if (text) out.push(text);
      }
      return out;
    });
    for (const text of found) {
      if (SAME.has(text) || /[\uac00-\ud7a3]/.test(text)) continue;
      // Only names and numbers (a command, a lab id, a seed) need no Korean.
      if (/^[\w./:@\- ()#…"“”,<>=|$'*+[\]{}~]*$/.test(text) && !/\b(the|and|of|to|in|is|Check|Reset|Run|Hint|Terminal|Search|Hand)\b/.test(text)) continue;
      english.push(`${url}: ${text.slice(0, 80)}`);
    }
  }
  expect(english).toEqual([]);
  expect(HANGUL.test('한국어')).toBe(true);
});

test('a Korean lab: check messages and the packet path are Korean', async ({ page }) => {
  await page.goto('/ko/lessons/namespaces/');
  const panel = page.locator('pl-lab[lab="namespaces-veth"]');
  const term = panel.locator('pl-terminal');
  await ready(term);
  await typeLine(page, term, 'ip netns add red');
  await panel.getByRole('button', { name: '확인', exact: true }).click();
  await expect(panel.locator('.lab-results li.fail').first()).toBeVisible({ timeout: 30_000 });
  for (const msg of await panel.locator('.lab-results li .msg').allInnerTexts()) expect(msg).toMatch(HANGUL);
  await expect(panel.locator('.lab-status')).toHaveText(HANGUL);
  await typeLine(page, term, 'ping -c 1 127.0.0.1');
  const summary = term.locator('details.term-views > summary');
  await summary.click();
  const path = term.locator('pl-packet-path');
  await expect(path).toHaveAttribute('data-has-path', '');
  const steps = await path.locator('.path-step').allInnerTexts();
  expect(steps.length).toBeGreaterThan(2);
  for (const s of steps) expect(s).toMatch(HANGUL);
  await expect(path.locator('.path-step [lang="en"]')).toHaveCount(0);
});

test('Hangul is drawn with the site’s own Noto Sans KR slices, nothing from a third party', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(new URL(r.url()).pathname);
  });
  await page.goto('/ko/');
  await page.evaluate(() => document.fonts.ready);
  await expect.poll(() => page.evaluate(() => document.fonts.check('400 17px "Noto Sans KR"', '강의'))).toBe(true);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f).toMatch(/^\/_astro\/noto-sans-kr-\d+-(400|700)-normal\.[\w-]+\.woff2$/);
  // Only the slices the page needs: far fewer than the 240 there are.
  expect(fonts.length).toBeLessThan(60);
  expect(outside).toEqual([]);
});
