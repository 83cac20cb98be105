// English and Korean: <html lang>, the language switch linking each page to
// its counterpart (home, lessons, reference, progress, search), Korean lesson
// text and interface strings, and parametric
// labs showing the learner's own values (seed chosen once, stored, shown).

import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

function lessons(dir: string): { slug: string; title: string; status: string }[] {
  const base = new URL(`../content/${dir}/`, import.meta.url);
  return readdirSync(base)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const s = readFileSync(new URL(f, base), 'utf8');
      const get = (k: string) => new RegExp(`^${k}:\\s*"?(.*?)"?\\s*$`, 'm').exec(s)?.[1] ?? '';
      return { slug: get('slug'), title: get('title'), status: get('status') || 'ready' };
    });
}
const EN = lessons('lessons');
const KO = new Map(lessons('ko/lessons').map((l) => [l.slug, l]));

test('home: English at /, Korean at /ko/, each switch goes to the other', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const sw = page.getByRole('navigation', { name: 'Language' });
  await expect(sw.locator('[aria-current="page"]')).toHaveText('English');
  await sw.getByRole('link', { name: '한국어' }).click();
  await expect(page).toHaveURL(/\/ko\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('명령어 하나씩 배우는 컨테이너와 쿠버네티스 네트워킹');
  await expect(page.getByRole('link', { name: '본문으로 건너뛰기' })).toBeAttached();
  await expect(page.locator('.lesson-list > li')).toHaveCount(EN.length);
  await page.getByRole('navigation', { name: '언어' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

for (const l of EN.filter((x) => x.status === 'ready')) {
  test(`lesson ${l.slug}: the Korean page is its counterpart and links back`, async ({ page }) => {
    const ko = KO.get(l.slug);
    expect(ko, `content/ko/lessons has no ${l.slug}`).toBeTruthy();
    await page.goto(`/lessons/${l.slug}/`);
    await expect(page.locator('link[rel="alternate"][hreflang="ko"]')).toHaveAttribute('href', `/ko/lessons/${l.slug}/`);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '한국어' }).click();
    await expect(page).toHaveURL(new RegExp(`/ko/lessons/${l.slug}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ko!.title);
    await expect(page.locator('.eyebrow').first()).toHaveText(/\d+강/);
    await expect(page.getByRole('heading', { name: '연습용 터미널' })).toBeVisible();
    // Same labs, with the Korean interface.
    const enLabs = (readFileSync(new URL(`../content/lessons/${l.slug}.mdx`, import.meta.url), 'utf8').match(/<Lab id="[^"]+"/g) ?? []).length;
    await expect(page.locator('pl-lab')).toHaveCount(enLabs);
    if (enLabs) await expect(page.locator('pl-lab').first().getByRole('button', { name: '확인', exact: true })).toBeVisible();
    const runs = page.locator('.snippet .run');
    if (await runs.count()) await expect(runs.first()).toContainText('실행');
    await page.getByRole('navigation', { name: '언어' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`/lessons/${l.slug}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.title);
  });
}

const TOOL_PAGES = [
  { path: '/reference/', en: 'Command reference', ko: '명령어 레퍼런스' },
  { path: '/progress/', en: 'Your progress', ko: '내 진행 상황' },
  { path: '/search/', en: 'Search the course', ko: '강의 검색' },
];

for (const p of TOOL_PAGES) {
  test(`${p.path}: the Korean page /ko${p.path} is its counterpart and links back`, async ({ page }) => {
    await page.goto(`/ko${p.path}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.ko);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', p.path);
    await page.getByRole('navigation', { name: '언어' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`127\\.0\\.0\\.1:\\d+${p.path}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.en);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '한국어' }).click();
    await expect(page).toHaveURL(new RegExp(`/ko${p.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.ko);
  });
}

test('Korean tool pages: reference labels, progress messages and search in Korean', async ({ page }) => {
  await page.goto('/ko/reference/');
  const ip = page.locator('section[data-command="ip"]');
  await expect(ip.locator('.ref-options caption')).toHaveText('ip 옵션');
  await expect(ip.getByRole('columnheader', { name: '설명' })).toBeVisible();
  await expect(ip.locator('.ref-subs-label')).toHaveText('하위 명령어:');
  await expect(page.locator('.lede a')).toHaveAttribute('href', '/ko/search/');

  await page.goto('/ko/progress/');
  await expect(page.locator('[data-part="list"]')).toContainText('이 브라우저에 저장된 것이 아직 없습니다');
  await page.getByRole('button', { name: '진행 상황 가져오기' }).click();
  await expect(page.locator('[data-part="status"]')).toHaveText('먼저 진행 상황 파일을 선택하세요.');

  await page.goto('/ko/search/');
  await page.getByRole('search').getByRole('textbox').fill('브리지');
  await expect(page.locator('.pagefind-ui__result-link[href*="/ko/lessons/"]').first()).toBeVisible();
  await expect(page.locator('.pagefind-ui__result-link:not([href*="/ko/"])')).toHaveCount(0);

  // A Korean lesson's terminal links to the Korean progress page.
  await page.goto('/ko/lessons/namespaces/');
  await expect(page.locator('pl-terminal[data-main] .term-progress-link')).toHaveAttribute('href', '/ko/progress/');
});

test('parametric labs show the stored seed and the values it picks, in both languages', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('packetlab-seed', '4242'));
  await page.goto('/lessons/namespaces/');
  const lab = page.locator('pl-lab[lab="namespaces-veth-random"]');
  // The learner's values come from the lab terminal's worker, which starts as the lab nears the viewport.
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-seed', '4242');
  await expect(lab.locator('[data-part="seed"]')).toContainText('seed 4242');
  await expect(lab.locator('[data-handin-seed]')).toHaveText('4242');
  const goal = lab.locator('[data-part="goal-text"]');
  await expect(goal.locator('code').first()).toHaveText('gray');
  await expect(goal).toContainText('10.171.68.32/24');
  await expect(goal).toContainText('10.171.68.174/24');
  await expect(lab.locator('.lab-results li').nth(2)).toContainText('gray reaches 10.171.68.174');
  // The fixed lab on the same page keeps the values its lesson states.
  await expect(page.locator('pl-lab[lab="namespaces-veth"] [data-part="goal-text"]')).toContainText('192.168.15.1/24');

  await page.goto('/ko/lessons/switching-routing/');
  const r = page.locator('pl-lab[lab="routing-two-subnets-random"]');
  await r.scrollIntoViewIfNeeded();
  await expect(r).toHaveAttribute('data-seed', '4242');
  await expect(r.locator('[data-part="goal-text"]')).toContainText('10.68.219.10/24');
  await expect(r.locator('[data-part="goal-text"]')).toContainText('네임스페이스');
  await expect(r.locator('[data-part="seed"]')).toContainText('시드 4242');
});

test('a learner without a seed gets one, kept across pages', async ({ page }) => {
  await page.goto('/lessons/namespaces/');
  const lab = page.locator('pl-lab[lab="namespaces-veth-random"]');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab).toHaveAttribute('data-seed', /^\d+$/);
  const seed = await lab.getAttribute('data-seed');
  expect(await page.evaluate(() => localStorage.getItem('packetlab-seed'))).toBe(seed);
  await page.goto('/lessons/switching-routing/');
  const other = page.locator('pl-lab[lab="routing-two-subnets-random"]');
  await other.scrollIntoViewIfNeeded();
  await expect(other).toHaveAttribute('data-seed', seed!);
});
