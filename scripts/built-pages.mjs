// The build's HTML pages, rewritten in place after `astro build` by the
// integrations that add to them (scripts/early-worker.mjs,
// scripts/module-preload.mjs).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/**
 * Pass every page under `site` through `transform(html, readAsset)` and write
 * back the ones it changed; `readAsset(path)` reads a built file by its URL
 * path (`/_astro/…`). Returns [page before, page after] for each change.
 */
export function rewritePages(site, transform) {
  const changed = [];
  const readAsset = (p) => readFileSync(join(site, p), 'utf8');
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file, 'utf8');
    const out = transform(html, readAsset);
    if (out !== html) {
      writeFileSync(file, out);
      changed.push([html, out]);
    }
  }
  return changed;
}
