// The teaching components in a lesson: "Predict, then run" (the Run button
// stays locked until the learner commits to an answer; running reveals the
// verdict), and the end-of-lesson self-check (graded in the page, stored in
// the progress store under `check:<slug>`, remembered across a reload, shared
// by both languages and listed on the progress page). English and Korean.
import { expect, test } from '@playwright/test';
import { storedEntries, storedRecord } from './helpers.ts';
import { practice, practiceKey, readyAt, watchErrors } from './lesson-helpers.ts';

test('predict, then run (English): Run is locked until a prediction is committed; running shows the verdict', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/lessons/switching-routing/');
  const term = practice(page);
  await readyAt(term);
  const key = practiceKey('switching-routing');

  const first = page.locator('pl-predict').first();
  await first.scrollIntoViewIfNeeded();
  const run = first.locator('button[data-run]');
  await expect(run).toBeDisabled();
  await expect(first.locator('[data-part="why"]')).toBeHidden();
  // Committing without an answer asks for one.
  await first.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(first.locator('[data-part="status"]')).toHaveText('Choose or write an answer first.');
  await expect(run).toBeDisabled();
  // Commit to the right choice: the choices lock, Run unlocks.
  await first.getByRole('radio').nth(1).check();
  await first.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(first.locator('[data-part="status"]')).toContainText('Your prediction:');
  await expect(first.getByRole('radio').nth(0)).toBeDisabled();
  await expect(run).toBeEnabled();
  const before = await storedEntries(page, key);
  await run.click();
  await expect(first.locator('[data-part="verdict"]')).toHaveText('Your prediction was right.');
  await expect(first.locator('[data-part="why"]')).toBeVisible();
  // The snippet really ran in the practice terminal.
  await expect.poll(() => storedEntries(page, key)).toBe(before + 1);

  // A free-text prediction that is wrong says what happens instead.
  const second = page.locator('pl-predict').nth(1);
  await second.scrollIntoViewIfNeeded();
  await second.getByRole('textbox', { name: 'Your prediction' }).fill('1');
  await second.getByRole('button', { name: 'Commit my prediction' }).click();
  await second.locator('button[data-run]').click();
  await expect(second.locator('[data-part="verdict"]')).toHaveText('Not what happens. The answer: 0.');
  expect(errors).toEqual([]);
});

test('self-check (English): graded in the page, remembered across a reload, listed on the progress page', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/lessons/switching-routing/');
  const sc = page.locator('pl-selfcheck');
  await sc.scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: 'Self-check' })).toBeVisible();
  await sc.getByRole('button', { name: 'Check my answers' }).click();
  await expect(sc.locator('[data-part="status"]')).toHaveText('Answer every question first (4 left).');
  const q = (i: number) => sc.locator('li[data-q]').nth(i);
  // Right answers are choices 1, 1, 0, 1; answer the second one wrong.
  await q(0).getByRole('radio').nth(1).check();
  await q(1).getByRole('radio').nth(0).check();
  await q(2).getByRole('radio').nth(0).check();
  await q(3).getByRole('radio').nth(1).check();
  await sc.getByRole('button', { name: 'Check my answers' }).click();
  await expect(sc.locator('[data-part="status"]')).toHaveText('3 of 4 right.');
  await expect(q(1)).toHaveAttribute('data-result', 'wrong');
  await expect(q(1).locator('[data-part="verdict"]')).toHaveText(/^Not quite\. The answer: C has no route back/);
  await expect(q(0)).toHaveAttribute('data-result', 'right');
  await expect.poll(async () => ((await storedRecord(page, 'check:switching-routing'))?.passed as string[] | undefined)?.length).toBe(3);

  // Reload: the answers and the grading come back from the progress store.
  await page.reload();
  await sc.scrollIntoViewIfNeeded();
  await expect(sc.locator('[data-part="status"]')).toContainText('3 of 4 right.');
  await expect(sc.locator('[data-part="status"]')).toContainText('saved in this browser');
  await expect(q(1).getByRole('radio').nth(0)).toBeChecked();
  await expect(q(1)).toHaveAttribute('data-result', 'wrong');

  // Try again, fix the wrong answer: all right, and saved.
  await sc.getByRole('button', { name: 'Try again' }).click();
  await expect(q(0).getByRole('radio').nth(1)).not.toBeChecked();
  for (const [i, c] of [1, 1, 0, 1].entries()) await q(i).getByRole('radio').nth(c).check();
  await sc.getByRole('button', { name: 'Check my answers' }).click();
  await expect(sc.locator('[data-part="status"]')).toHaveText('All 4 right. Well done!');
  // Leave only when the element says the answers are stored (data-saved); a
  // navigation started before the IndexedDB write commits can abort it.
  await expect(sc).toHaveAttribute('data-saved', '');

  await page.goto('/progress/');
  await expect(page.locator('[data-part="list"] li[data-key="check:switching-routing"]')).toHaveText('Self-check of the lesson “switching-routing”: 4 of 4 right.');
  expect(errors).toEqual([]);
});

test('Korean: predict then run, and a self-check remembered across a reload (and shown in English too)', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/ko/lessons/dns/');
  await readyAt(practice(page));
  const pr = page.locator('pl-predict').first();
  await pr.scrollIntoViewIfNeeded();
  await expect(pr.locator('button[data-run]')).toBeDisabled();
  await pr.getByRole('radio').nth(0).check();
  await pr.getByRole('button', { name: '예측 확정' }).click();
  await expect(pr.locator('[data-part="status"]')).toContainText('내 예측:');
  await pr.locator('button[data-run]').click();
  await expect(pr.locator('[data-part="verdict"]')).toHaveText(/^실제로는 다릅니다\. 답: /);

  const sc = page.locator('pl-selfcheck');
  await sc.scrollIntoViewIfNeeded();
  await expect(page.getByRole('heading', { name: '스스로 점검' })).toBeVisible();
  const q = (i: number) => sc.locator('li[data-q]').nth(i);
  for (let i = 0; i < 4; i++) await q(i).getByRole('radio').nth(1).check();
  await sc.getByRole('button', { name: '답 확인' }).click();
  await expect(sc.locator('[data-part="status"]')).toHaveText('4문제 모두 맞았습니다. 잘했습니다!');
  await expect(q(0).locator('[data-part="verdict"]')).toHaveText('맞습니다.');
  await expect(sc).toHaveAttribute('data-saved', '');
  await page.reload();
  await sc.scrollIntoViewIfNeeded();
  await expect(sc.locator('[data-part="status"]')).toContainText('4문제 모두 맞았습니다.');
  await expect(q(3).getByRole('radio').nth(1)).toBeChecked();
  // The same lesson in English shows the same saved answers.
  await page.goto('/lessons/dns/');
  await page.locator('pl-selfcheck').scrollIntoViewIfNeeded();
  await expect(page.locator('pl-selfcheck [data-part="status"]')).toContainText('All 4 right.');
  expect(errors).toEqual([]);
});
