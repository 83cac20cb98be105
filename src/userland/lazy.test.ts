// The browser worker's lazy command registry (lazy.ts): the generated list
// matches the registry, stubs stand for every command until their chunk
// loads, and a run gives the same output whether the chunks were loaded
// before or loaded on first use.
import { describe, expect, it } from 'vitest';
import '../shell/bash.ts';
import { buildManifest, manifestSources } from './manifest.ts';
import { COMMANDS } from './commands.generated.ts';
import { allCommands } from './registry.ts';
import { readFileSync } from 'node:fs';

describe('commands.generated.ts and commands-detail.generated.ts', () => {
  it('lists every command of every chunk with its spec (run `npm run commands` after changing a command)', async () => {
    const stubs = await buildManifest();
    const { names, details } = manifestSources(stubs);
    expect(names).toBe(readFileSync(new URL('./commands.generated.ts', import.meta.url), 'utf8'));
    expect(details).toBe(readFileSync(new URL('./commands-detail.generated.ts', import.meta.url), 'utf8'));
    expect(COMMANDS.length).toBe(stubs.length);
  });

  it('the chunks together register every command userland/index.ts does', async () => {
    await buildManifest();
    const before = new Set(allCommands().map((c) => c.name));
    await import('./index.ts');
    expect(allCommands().map((c) => c.name).filter((n) => !before.has(n))).toEqual([]);
  });
});
