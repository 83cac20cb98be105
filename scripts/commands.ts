// Write src/userland/commands.generated.ts and commands-detail.generated.ts
// (`npm run commands`): the specs of
// every command the browser worker registers lazily. The shell's own programs
// (bash and what it imports) come first and stay out of the list.
import { writeFileSync } from 'node:fs';
import '../src/shell/bash.ts';
import { buildManifest, manifestSources } from '../src/userland/manifest.ts';
import { allCommands } from '../src/userland/registry.ts';

const stubs = await buildManifest();
await import('../src/userland/index.ts');
const missing = allCommands().filter((c) => !stubs.some((s) => s.name === c.name)).map((c) => c.name);
const { names, details } = manifestSources(stubs);
writeFileSync(new URL('../src/userland/commands.generated.ts', import.meta.url), names);
writeFileSync(new URL('../src/userland/commands-detail.generated.ts', import.meta.url), details);
console.log(`${stubs.length} lazy commands written; eager (shell): ${missing.join(' ')}`);
