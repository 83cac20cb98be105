import { test } from '@playwright/test';
import { expectScreen, ready, typeLine } from './helpers.ts';

test('practice terminal echoes', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal[data-main]');
  await ready(term);
  await typeLine(page, term, 'ip netns add red');
  await expectScreen(term, 'root@host:~# ip netns add red');
});
