// Write src/userland/commands.generated.ts (`npm run commands`): the specs of
// every command the browser worker registers lazily. The shell's own programs
// (bash and what it imports) come first and stay out of the list.
import { writeFileSync } from 'node:fs';
import '../src/shell/bash.ts';
import { buildManifest, manifestSource } from '../src/userland/manifest.ts';
import { allCommands } from '../src/userland/registry.ts';

const stubs = await buildManifest();
await import('../src/userland/index.ts');
const missing = allCommands().filter((c) => !stubs.some((s) => s.name === c.name)).map((c) => c.name);
const file = new URL('../src/userland/commands.generated.ts', import.meta.url);
writeFileSync(file, manifestSource(stubs));
console.log(`${stubs.length} lazy commands written; eager (shell): ${missing.join(' ')}`);
