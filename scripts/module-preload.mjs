// Astro integration: a `modulepreload` for every chunk a page's module
// scripts import statically. The browser learns of a module's imports only
// when that module has arrived and been parsed, so a page whose scripts
// import shared chunks that import others fetches them in waves, one wave
// after another. On a loaded renderer each wave waits for the main thread
// to take the response (in a trace of /lessons/namespaces/ the second wave
// was requested at 210 ms and delivered at 400 ms, behind the page's first
// layout, and a third wave followed it). Listing the whole static graph in
// <head> lets every file be fetched and compiled while the page is parsed.
// Dynamic imports are not listed: they load on first use by design.
import { rewritePages } from './built-pages.mjs';
import { fileURLToPath } from 'node:url';

/** `import … from "./x.js"` and `import "./x.js"` in a built chunk (minified or not); not `import(…)`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.\/[\w.-]+\.js)["']/g;

/**
 * The chunks (as `/_astro/…` paths) reachable by static imports from the
 * page's `<script type="module" src="/_astro/…">`, level by level in the order met,
 * without the scripts themselves. `readAsset(path)` returns a built file's
 * text; a file that cannot be read ends its branch.
 */
export function staticGraph(html, readAsset) {
  const entries = [...html.matchAll(/<script type="module" src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set(entries);
  const out = [];
  // Breadth first: each level of imports in the order the scripts name them.
  const queue = [...entries];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    let text;
    try {
      text = readAsset(file);
    } catch {
      continue;
    }
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of text.matchAll(STATIC_IMPORT)) {
      const dep = dir + m[1].slice(2);
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push(dep);
      queue.push(dep);
    }
  }
  return out;
}

/** `html` with a modulepreload for each chunk of its static graph not already preloaded, at the end of <head>. */
export function withModulePreloads(html, readAsset) {
  const have = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]));
  const links = staticGraph(html, readAsset)
    .filter((p) => !have.has(p))
    .map((p) => `<link rel="modulepreload" href="${p}">`)
    .join('');
  if (!links || !html.includes('</head>')) return html;
  return html.replace('</head>', `${links}</head>`);
}

/** @returns {import('astro').AstroIntegration} */
export default function modulePreload() {
  return {
    name: 'packetlab-module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const changed = rewritePages(fileURLToPath(dir), withModulePreloads);
        const count = (html) => html.match(/rel="modulepreload"/g)?.length ?? 0;
        const pages = changed.length;
        const links = changed.reduce((n, [before, after]) => n + count(after) - count(before), 0);
        logger.info(`module preloads: ${links} links on ${pages} pages`);
      },
    },
  };
}
