// The instructor page grades dropped checkpoint files in a Web Worker and
// shows a table per learner and per check; its CSV is byte-for-byte the
// CSV `npm run --silent grade` prints for the same files.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { forbidThirdParty } from './helpers.ts';

const SOLUTION = [
  'ip netns add red',
  'ip netns add blue',
  'ip link add veth-red type veth peer name veth-blue',
  'ip link set veth-red netns red',
  'ip link set veth-blue netns blue',
  'ip -n red addr add 192.168.15.1/24 dev veth-red',
  'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
  'ip -n red link set veth-red up',
  'ip -n blue link set veth-blue up',
];
const cp = (learner: string, commands: string[], extra: object = {}) =>
  JSON.stringify({ format: 'packetlab-checkpoint/1', lab: 'namespaces-veth', learner, seed: 77, commands, ...extra });

/** Three hand-ins: correct, tampered (claims a pass, commands do nothing), malformed. */
const FILES = [
  { name: 'a-correct.json', text: cp('Kim, Min-ji', SOLUTION) },
  { name: 'b-tampered.json', text: cp('Mallory "M"', ['echo all checks passed'], { passed: true, results: [{ id: 'namespaces', passed: true }] }) },
  { name: 'c-malformed.json', text: '{"format": "packetlab-checkpoint/1", "lab": ' },
];

/** Drop files on the drop zone as a browser drag and drop would. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return d;
  }, files);
  const zone = page.locator('[data-drop]');
  await zone.dispatchEvent('dragover', { dataTransfer: dt });
  await zone.dispatchEvent('drop', { dataTransfer: dt });
}

test('drop three checkpoints, read the tables, download the same CSV as the CLI', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/instructor/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grade checkpoints');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeDisabled();

  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await dropFiles(page, FILES);
  const root = page.locator('[data-instructor]');
  await expect(root).toHaveAttribute('data-graded', '3', { timeout: 30_000 });
  expect(workers.length).toBeGreaterThan(0);
  await expect(page.getByRole('status')).toContainText('3 files graded: 1 passed, 1 not passed, 1 with errors.');

  const rows = page.locator('[data-rows] tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveClass('pass');
  await expect(rows.nth(0).locator('th')).toHaveText('Kim, Min-ji');
  await expect(rows.nth(0)).toContainText('4/4');
  await expect(rows.nth(1)).toHaveClass('fail');
  await expect(rows.nth(1).locator('th')).toHaveText('Mallory "M"');
  await expect(rows.nth(1)).toContainText('0/4');
  await expect(rows.nth(1).locator('.check-list li.fail')).toHaveCount(4);
  await expect(rows.nth(2)).toHaveClass('error');
  await expect(rows.nth(2)).toContainText('malformed JSON');

  // Per check: each of the lab's four checks, passed by Kim only.
  const checks = page.locator('[data-checks] tr');
  await expect(checks).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(checks.nth(i)).toContainText('1/2');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('grades.csv');
  const csv = readFileSync((await download.path())!, 'utf8');

  expect(csv).toBe(cliCsv(FILES));
  expect(csv.split('\n')[0]).toBe('learner,lab,passed,checks_passed,checks_total,error,file');
  expect(csv).toContain('"Kim, Min-ji",namespaces-veth,true,4,4,,a-correct.json\n');
  expect(csv).toContain('"Mallory ""M""",namespaces-veth,false,0,4,,b-tampered.json\n');
  expect(outside).toEqual([]);
});

/** The CLI's CSV for the same files, graded by their names in a folder (the `file` column is the name as given). */
function cliCsv(files: { name: string; text: string }[], args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'packetlab-instructor-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  return execFileSync(process.execPath, [join(process.cwd(), 'src/cli/grade.ts'), ...args, ...files.map((f) => f.name)], { encoding: 'utf8', cwd: dir });
}

test('an assigned lab and a class code: other labs and copied files are reported, the CSV matches the CLI', async ({ page }) => {
  const other = { name: 'd-other-lab.json', text: JSON.stringify({ format: 'packetlab-checkpoint/1', lab: 'routing-two-subnets', learner: 'Lee', seed: 77, commands: [] }) };
  // In class NET101 each learner's seed comes from the code and the name: 77 is nobody's.
  const files = [FILES[0]!, other, { name: 'e-formula.json', text: cp('=1+2', SOLUTION) }];
  await page.goto('/instructor/');
  await page.getByLabel('Assigned lab').selectOption('namespaces-veth');
  await page.getByLabel('Class code (optional)').fill('NET101');
  await dropFiles(page, files);
  await expect(page.locator('[data-instructor]')).toHaveAttribute('data-graded', '3', { timeout: 30_000 });
  const rows = page.locator('[data-rows] tr');
  await expect(rows.nth(0)).toHaveClass('error');
  await expect(rows.nth(0)).toContainText("seed 77 is not Kim, Min-ji's seed in class NET101");
  await expect(rows.nth(1)).toContainText('for lab routing-two-subnets, not the assigned lab namespaces-veth (not graded)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toBe(cliCsv(files, ['--lab', 'namespaces-veth', '--class', 'NET101']));
  expect(csv).toContain(`"'=1+2",namespaces-veth,false,0,0,`);
});

test('the file picker is reachable and usable from the keyboard', async ({ page }) => {
  await page.goto('/instructor/');
  const input = page.locator('[data-files]');
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await input.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(FILES.slice(0, 1).map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(page.locator('[data-instructor]')).toHaveAttribute('data-graded', '1', { timeout: 30_000 });
  await expect(page.locator('[data-rows] tr.pass')).toHaveCount(1);
  // Download CSV and Clear follow in the tab order.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Clear' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-rows] tr')).toHaveCount(0);
});

test('the Korean instructor page grades the same way', async ({ page }) => {
  await page.goto('/ko/instructor/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('체크포인트 채점');
  await dropFiles(page, FILES.slice(0, 2));
  await expect(page.locator('[data-instructor]')).toHaveAttribute('data-graded', '2', { timeout: 30_000 });
  await expect(page.getByRole('status')).toContainText('파일 2개 채점 완료: 통과 1, 미통과 1, 오류 0.');
  await expect(page.locator('[data-rows] tr.pass .result')).toContainText('통과');
});

test('a hostile file runs out of time in its own worker; the other files are graded', async ({ page }) => {
  await page.goto('/instructor/');
  // A short limit for the test (the page's default is 60 s, like the CLI's).
  await page.locator('[data-instructor]').evaluate((el) => el.setAttribute('data-time-limit', '8000'));
  const hostile = { name: 'b-hostile.json', text: cp('Hostile', ['i=0; while true; do i=$((i+1)); ip link add d$i type dummy; done'], { passed: true }) };
  await dropFiles(page, [FILES[0]!, hostile, { name: 'c-good.json', text: cp('Lee', SOLUTION) }]);
  await expect(page.locator('[data-instructor]')).toHaveAttribute('data-graded', '3', { timeout: 60_000 });
  const rows = page.locator('[data-rows] tr');
  await expect(rows.nth(0)).toHaveClass('pass');
  await expect(rows.nth(1)).toHaveClass('error');
  await expect(rows.nth(1)).toContainText('time limit exceeded: grading took longer than 8 s (not graded)');
  await expect(rows.nth(1).locator('th')).toHaveText('Hostile');
  await expect(rows.nth(2)).toHaveClass('pass');
});
