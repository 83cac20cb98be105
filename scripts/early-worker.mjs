// Astro integration: start the main terminal's simulation worker while the
// page is still being parsed. The terminal's own script is a module, so it
// runs only after the whole page is parsed and first laid out; the worker it
// creates then still has to fetch, compile and boot. On pages with a main
// terminal (`<pl-terminal data-main>`) this writes into <head>, after the
// build, a one-line script that creates the same worker (the URL the
// Terminal chunk would use) and a modulepreload of xterm.js, so both load
// in parallel with the page; PlTerminal.load() adopts the worker
// (src/term/terminal-element.ts, takeEarlyWorker). Nothing else changes:
// without this script (dev server, an old cached page) the element creates
// its worker itself.
import { rewritePages } from './built-pages.mjs';
import { fileURLToPath } from 'node:url';

/** The window property the head script leaves the worker in (read once by PlTerminal). */
export const EARLY_WORKER_PROP = '__plEarlyWorker';

/**
 * `html` with the early-worker script and the xterm.js preload in <head>, or
 * unchanged when the page has no main terminal or its Terminal chunk cannot
 * be read. `readAsset(path)` returns a built file's text (path as in src="…").
 */
export function withEarlyWorker(html, readAsset) {
  if (!/<pl-terminal\b[^>]*\sdata-main[\s>=]/.test(html) || html.includes(EARLY_WORKER_PROP)) return html;
  const src = /<script type="module" src="(\/_astro\/Terminal\.astro_[^"]+\.js)"/.exec(html)?.[1];
  if (!src) return html;
  let chunk;
  try {
    chunk = readAsset(src);
  } catch {
    return html;
  }
  const worker = /new Worker\(new URL\(`(\/_astro\/worker-[\w-]+\.js)`/.exec(chunk)?.[1];
  if (!worker) return html;
  const xterm = /import\(`\.\/(xterm-host\.[\w-]+\.js)`\)/.exec(chunk)?.[1];
  const opts = JSON.stringify({ type: 'module', name: 'packetlab-sim' });
  // A failure before the element adopts the worker is kept on it (plFailed) and reported then.
  const script = `<script>(function(){try{var w=new Worker(${JSON.stringify(worker)},${opts});w.onerror=function(e){e.preventDefault();w.plFailed=1};window.${EARLY_WORKER_PROP}=w}catch(e){}})()</script>`;
  const preload = xterm ? `<link rel="modulepreload" href="/_astro/${xterm}">` : '';
  return html.replace(/<meta charset="utf-8">/, (m) => `${m}${script}${preload}`);
}

/** @returns {import('astro').AstroIntegration} */
export default function earlyWorker() {
  return {
    name: 'packetlab-early-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const n = rewritePages(fileURLToPath(dir), withEarlyWorker).length;
        logger.info(`early worker start: ${n} pages with a main terminal`);
      },
    },
  };
}
