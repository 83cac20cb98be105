// Astro site config: static pages, MDX lessons, the terminal worker bundled
// as an ES module so it can share chunks with the simulation code; the
// Pagefind search index is written after every build.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './scripts/pagefind-integration.mjs';
import lazyCommands from './scripts/lazy-commands.mjs';
import earlyWorker from './scripts/early-worker.mjs';
import modulePreload from './scripts/module-preload.mjs';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), earlyWorker(), modulePreload(), pagefind()],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    // The worker registers every command's spec at once and loads its code on first use.
    worker: { format: 'es', plugins: () => [lazyCommands()] },
    build: { assetsInlineLimit: 0 },
  },
});
