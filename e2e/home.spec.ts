import { expect, test } from '@playwright/test';
import { forbidThirdParty } from './helpers.ts';

const COURSE = [
  ['switching-routing', 'Switching and routing', 'ready'],
  ['namespaces', 'Network namespaces', 'ready'],
  ['nat', 'NAT and port forwarding', 'soon'],
  ['dns', 'DNS', 'soon'],
  ['docker-networking', 'Docker networking', 'soon'],
  ['cni', 'CNI', 'soon'],
  ['kube-proxy', 'Services and kube-proxy', 'soon'],
] as const;

test('home page lists every lesson of the course in order', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/');
  const items = page.locator('.lesson-list > li');
  await expect(items).toHaveCount(COURSE.length);
  for (const [i, [slug, title, status]] of COURSE.entries()) {
    const item = items.nth(i);
    await expect(item).toHaveAttribute('data-slug', slug);
    await expect(item.locator('h3')).toContainText(title);
    if (status === 'ready') {
      await expect(item.getByRole('link', { name: title })).toHaveAttribute('href', `/lessons/${slug}/`);
      await expect(item).not.toContainText('Coming soon');
    } else {
      await expect(item).toContainText(/coming soon/i);
      await expect(item.getByRole('link')).toHaveCount(0);
    }
  }
  expect(outside).toEqual([]);
});

test('a lesson that is not written yet says it is coming soon', async ({ page }) => {
  await page.goto('/lessons/dns/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DNS');
  await expect(page.locator('main')).toContainText(/coming soon/i);
  await expect(page.locator('pl-terminal')).toHaveCount(0);
});

test('the home page links to the first lesson', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Switching and routing' }).click();
  await expect(page).toHaveURL(/\/lessons\/switching-routing\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Switching and routing');
});
