// Vite plugin for the terminal worker's bundle only (astro.config.mjs,
// `vite.worker.plugins`): `src/userland/index.ts` (which imports every
// command) resolves to `src/userland/lazy.ts` (every command's spec at once,
// its code in a chunk loaded on first use). Node (CLI, grader, tests) and
// the pages' server render keep the eager index.
import { fileURLToPath } from 'node:url';

const EAGER = fileURLToPath(new URL('../src/userland/index.ts', import.meta.url));
const LAZY = fileURLToPath(new URL('../src/userland/lazy.ts', import.meta.url));

export default function lazyCommands() {
  return {
    name: 'packetlab-lazy-commands',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/userland\/index(\.ts)?$/.test(source)) return null;
      const r = await this.resolve(source, importer, { ...options, skipSelf: true });
      return r && r.id === EAGER ? LAZY : null;
    },
  };
}
