// Phone (390×844) and laptop (1366×768) layouts on every page the site
// builds (lessons other people add are found from content/): no sideways
// scrolling, every button and disclosure at least 44 px tall, the header in
// at most two tidy rows, and Run buttons that never cover their command.
// On a phone, Run opens the practice drawer without moving the page.

import { expect, test, type Page } from '@playwright/test';
import { ALL_PAGES } from './pages.ts';
import { expectScreen } from './helpers.ts';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
] as const;

test.describe.configure({ timeout: 120_000 });

/** Everything wrong with the page's layout, as readable lines (empty when fine). */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - vw;
    if (over > 0) {
      const culprits: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const b = el.getBoundingClientRect();
        if (b.width === 0 || b.right <= vw + 1) continue;
        let clipped = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== 'visible') {
            clipped = true;
            break;
          }
        }
        if (!clipped) culprits.push(`<${el.tagName.toLowerCase()} class="${el.className}">`);
      }
      out.push(`scrolls sideways by ${over}px: ${culprits.slice(0, 3).join(' ')}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('button, summary, .btn')) {
      if (el.closest('.xterm')) continue;
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.height < 44) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}” is ${Math.round(r.height)}px tall`);
    }
    // Run buttons: the command text beside them is never under them.
    for (const s of document.querySelectorAll('.snippet')) {
      const btn = s.querySelector('.run')!.getBoundingClientRect();
      const pre = s.querySelector('pre')!.getBoundingClientRect();
      for (const line of s.querySelectorAll('.line')) {
        const range = document.createRange();
        range.selectNodeContents(line);
        for (const rc of range.getClientRects()) {
          const left = Math.max(rc.left, pre.left);
          const right = Math.min(rc.right, pre.right);
          if (right > btn.left && left < btn.right && rc.bottom > btn.top && rc.top < btn.bottom) out.push(`Run covers “${line.textContent}”`);
        }
      }
    }
    // The header: its links share one row, and it has at most two rows.
    const links = [...document.querySelectorAll('.site-nav a')].map((a) => Math.round(a.getBoundingClientRect().top));
    if (new Set(links).size > 1) out.push(`header links on ${new Set(links).size} rows`);
    const header = document.querySelector('.site-header')!.getBoundingClientRect().height;
    if (header > 2 * 44 + 24) out.push(`header is ${Math.round(header)}px tall (more than two rows)`);
    return out;
  });
}

for (const size of SIZES) {
  test(`${size.name} ${size.width}×${size.height}: every page fits, with 44 px controls and a tidy header`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const problems: string[] = [];
    for (const url of ALL_PAGES) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      const main = page.locator('pl-terminal[data-main]');
      if (await main.count()) await expect(main).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      for (const p of await layoutProblems(page)) problems.push(`${url}: ${p}`);
    }
    expect(problems).toEqual([]);
  });
}

test('phone: Run opens the practice drawer in place, the page does not jump, the command runs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/lessons/namespaces/');
  const run = page.locator('.lesson-body > .snippet .run').nth(2);
  await run.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -200));
  const before = await page.evaluate(() => window.scrollY);
  const lines = JSON.parse((await run.getAttribute('data-run'))!) as string[];
  await run.tap().catch(() => run.click());
  const drawer = page.locator('[data-practice]');
  await expect(drawer).toHaveAttribute('data-open', '');
  await expect(page.locator('[data-practice-toggle]')).toHaveAttribute('aria-expanded', 'true');
  const term = page.locator('pl-terminal[data-main]');
  await expect(term).toHaveAttribute('data-state', 'ready');
  await expectScreen(term, `root@host:~# ${lines[0]}`);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(2);
  // The drawer stays inside the window and closes with its toggle.
  const box = (await drawer.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
  await page.locator('[data-practice-toggle]').click();
  await expect(drawer).not.toHaveAttribute('data-open', '');
  await expect(term).toBeHidden();
});

test('laptop: a lab on screen hides the practice terminal beside it (one terminal per lab)', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/lessons/namespaces/');
  const practice = page.locator('pl-terminal[data-main]');
  await expect(practice).toBeVisible();
  const lab = page.locator('pl-lab').first();
  await lab.locator('pl-terminal').scrollIntoViewIfNeeded();
  await expect(practice).toBeHidden();
  await expect(page.locator('[data-practice-away]')).toBeVisible();
  await expect(lab.locator('pl-terminal')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(practice).toBeVisible();
});

test('the header links to the course, the reference, search and the instructor page, in both languages', async ({ page }) => {
  for (const [home, names] of [
    ['/', ['Course', 'Reference', 'Search', 'Instructor']],
    ['/ko/', ['강의 목록', '레퍼런스', '검색', '강사용']],
  ] as const) {
    await page.goto(home);
    const nav = page.locator('.site-nav');
    await expect(nav.getByRole('link')).toHaveText([...names]);
    await nav.getByRole('link', { name: names[1] }).click();
    await expect(page).toHaveURL(new RegExp(`${home}reference/$`));
    await expect(page.locator('.site-nav a[aria-current="page"]')).toHaveText(names[1]);
    await page.locator('.site-nav').getByRole('link', { name: names[2] }).click();
    await expect(page).toHaveURL(new RegExp(`${home}search/$`));
    await expect(page.getByLabel(home === '/' ? 'Search the lessons and the command reference' : '강의와 명령어 레퍼런스 검색')).toBeVisible();
  }
});
