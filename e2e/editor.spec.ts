// The editor pane (<Editor>, a plain textarea): edit a file of a lab's host,
// save it (a printf line typed into the lab terminal), read it back with
// cat; the pane's script is fetched only on pages that have an editor.
import { expect, test, type Locator } from '@playwright/test';
import { expectScreen, forbidThirdParty, screenText } from './helpers.ts';

// A lab world boots and the terminal replays: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function labTerminal(page: import('@playwright/test').Page, id: string): Promise<Locator> {
  const term = page.locator(`pl-lab[lab="${id}"] pl-terminal`);
  await term.scrollIntoViewIfNeeded();
  await expect(term).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect.poll(() => screenText(term)).toMatch(/root@\S+:~# /);
  return term;
}

test('edit /etc/cni/net.d/10-bridge.conf in the CNI lesson and cat it in the lab terminal', async ({ page }) => {
  const outside = await forbidThirdParty(page);
  await page.goto('/lessons/cni/');
  const term = await labTerminal(page, 'cni-bridge');
  const editor = page.locator('pl-editor[path="/etc/cni/net.d/10-bridge.conf"]');
  await editor.scrollIntoViewIfNeeded();
  await expect(editor).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const area = editor.locator('textarea');
  await expect(area).toHaveValue(/"cniVersion": "1.0.0"/);
  await area.fill('name: edited in the pane');
  await editor.getByRole('button', { name: 'Save to host' }).click();
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Saved /etc/cni/net.d/10-bridge.conf', { timeout: 30_000 });
  // xterm paints only while on screen.
  await term.scrollIntoViewIfNeeded();
  await expectScreen(term, "printf 'name: edited in the pane' > /etc/cni/net.d/10-bridge.conf");
  await term.locator('.xterm').click();
  await page.keyboard.type('cat /etc/cni/net.d/10-bridge.conf; echo');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenText(term)).split('\n').filter((l) => l.trim() === 'name: edited in the pane').length).toBe(1);
  // Load from host reads the file back.
  await editor.getByRole('button', { name: 'Load from host' }).click();
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Loaded');
  await expect(area).toHaveValue('name: edited in the pane');
  expect(outside).toEqual([]);
});

test('the kube-proxy lesson loads /root/web.yaml from the lab host', async ({ page }) => {
  await page.goto('/lessons/kube-proxy/');
  await labTerminal(page, 'kube-proxy-clusterip');
  const editor = page.locator('pl-editor[path="/root/web.yaml"]');
  await editor.scrollIntoViewIfNeeded();
  await expect(editor).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await editor.getByRole('button', { name: 'Load from host' }).click();
  await expect(editor.locator('textarea')).toHaveValue(/kind: Deployment/);
});

test('pages without an editor pane never fetch its script', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal').first();
  await term.scrollIntoViewIfNeeded();
  await expect(term).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.waitForTimeout(500);
  expect(urls.filter((u) => /editor-element/i.test(u))).toEqual([]);
});
