// Unit tests live beside the sources; e2e/*.spec.ts are Playwright's (npm run test:e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    // Installs the shell's program runner (bootSpawn, spawnWith) as a session does.
    setupFiles: ['test/setup.ts'],
  },
});
