// The course page shows each lesson's progress: how many of its labs the
// learner solved in this browser, in both languages.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAllPass, labPanel, typeSolution } from './lesson-helpers.ts';
import { ready } from './helpers.ts';

const LABS = new Set((readFileSync(new URL('../content/lessons/namespaces.mdx', import.meta.url), 'utf8').match(/<Lab id="[^"]+"/g) ?? [])).size;

test.describe.configure({ timeout: 120_000 });

test('solving a lab shows on the course page, in English and Korean', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('.lesson-card[data-slug="namespaces"] .lesson-progress');
  await expect(card).toHaveText(`No lab solved yet (${LABS} labs)`);

  await page.goto('/lessons/namespaces/');
  const panel = labPanel(page, 'namespaces-veth');
  await ready(panel.locator('pl-terminal'));
  await typeSolution(page, 'namespaces-veth');
  await expectAllPass(panel, 4);

  await page.goto('/');
  await expect(card).toHaveText(`1 of ${LABS} labs solved`);
  await expect(card).toHaveAttribute('data-passed', '1');
  await page.goto('/ko/');
  await expect(page.locator('.lesson-card[data-slug="namespaces"] .lesson-progress')).toHaveText(`실습 ${LABS}개 중 1개 완료`);
});
