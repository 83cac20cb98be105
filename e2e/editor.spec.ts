// The editor pane (<Editor>, Monaco bundled locally): edit a file of a lab's
// host, save it (a printf line typed into the lab terminal), read it back
// with cat; Monaco is fetched only on pages that have an editor.
import { expect, test, type Locator } from '@playwright/test';
import { expectScreen, forbidThirdParty, screenText } from './helpers.ts';

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
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await expect(editor.locator('.view-lines')).toContainText('"cniVersion": "1.0.0"');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('name: edited in monaco');
  await editor.getByRole('button', { name: 'Save to host' }).click();
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Saved /etc/cni/net.d/10-bridge.conf', { timeout: 30_000 });
  // xterm paints only while on screen.
  await term.scrollIntoViewIfNeeded();
  await expectScreen(term, "printf 'name: edited in monaco' > /etc/cni/net.d/10-bridge.conf");
  await term.locator('.xterm').click();
  await page.keyboard.type('cat /etc/cni/net.d/10-bridge.conf; echo');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenText(term)).split('\n').filter((l) => l.trim() === 'name: edited in monaco').length).toBe(1);
  // Load from host reads the file back.
  await editor.getByRole('button', { name: 'Load from host' }).click();
  await expect(editor.locator('[data-part="editor-status"]')).toContainText('Loaded');
  await expect(editor.locator('.view-lines')).toContainText('name: edited in monaco');
  expect(outside).toEqual([]);
});

test('the kube-proxy lesson loads /root/web.yaml from the lab host', async ({ page }) => {
  await page.goto('/lessons/kube-proxy/');
  await labTerminal(page, 'kube-proxy-clusterip');
  const editor = page.locator('pl-editor[path="/root/web.yaml"]');
  await editor.scrollIntoViewIfNeeded();
  await expect(editor).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await editor.getByRole('button', { name: 'Load from host' }).click();
  await expect(editor.locator('.view-lines')).toContainText('kind: Deployment');
  // YAML is tokenized (Monaco's yaml grammar gives keys their own class).
  await expect(editor.locator('.view-lines span[class*="mtk"]').first()).toBeVisible();
});

test('pages without an editor never fetch Monaco', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto('/lessons/namespaces/');
  const term = page.locator('pl-terminal').first();
  await term.scrollIntoViewIfNeeded();
  await expect(term).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await page.waitForTimeout(500);
  expect(urls.filter((u) => /monaco|editor\.api|editor\.worker|editor-element/i.test(u))).toEqual([]);
});
