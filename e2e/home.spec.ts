import { expect, test } from '@playwright/test';
import { forbidThirdParty } from './helpers.ts';

const COURSE = [
  ['switching-routing', 'Switching and routing'],
  ['namespaces', 'Network namespaces'],
  ['nat', 'NAT and port forwarding'],
  ['dns', 'DNS'],
  ['docker-networking', 'Docker networking'],
  ['cni', 'CNI'],
  ['overlays', 'Overlays and IPAM'],
  ['kube-proxy', 'Services and kube-proxy'],
  ['services', 'Services in depth'],
  ['networkpolicy', 'NetworkPolicy'],
  ['ingress', 'Ingress'],
] as const;
/** Written lessons (the others may still be marked coming soon). */
const WRITTEN = new Set(['switching-routing', 'namespaces']);

test('home page lists every lesson of the course in order', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/');
  const items = page.locator('.lesson-list > li');
  await expect(items).toHaveCount(COURSE.length);
  for (const [i, [slug, title]] of COURSE.entries()) {
    const item = items.nth(i);
    await expect(item).toHaveAttribute('data-slug', slug);
    await expect(item.locator('h3')).toContainText(title);
    // A lesson is either linked, or marked coming soon without a link.
    const linked = WRITTEN.has(slug) || (await item.getByRole('link').count()) > 0;
    if (linked) {
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
  await page.goto('/');
  const soon = page.locator('.lesson-list > li.soon');
  test.skip((await soon.count()) === 0, 'every lesson is written');
  const slug = await soon.first().getAttribute('data-slug');
  const title = (await soon.first().locator('h3 > span').first().innerText()).trim();
  await page.goto(`/lessons/${slug}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('main')).toContainText(/coming soon/i);
  await expect(page.locator('pl-terminal')).toHaveCount(0);
});

test('the home page links to the first lesson', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Switching and routing' }).click();
  await expect(page).toHaveURL(/\/lessons\/switching-routing\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Switching and routing');
});
