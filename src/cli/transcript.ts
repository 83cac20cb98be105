// `npm run --silent transcript -- FILE`: run each non-comment line of FILE as
// its own `bash -c` step on a fresh simulated bare host and print the
// fidelity kit's JSON transcript {"steps":[{cmd,stdout,stderr,exit}]}.

import { readFileSync } from 'node:fs';
import { bareWorld } from '../world/world.ts';
import { runScript } from '../session/session.ts';

/** Lines the recorder runs: not blank, not starting (after blanks) with `#`. */
export function scriptLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.filter((l) => !/^[\s]*(#|$)/.test(l));
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: transcript FILE\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`transcript: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const world = bareWorld(1);
  const steps = await runScript(world, scriptLines(text));
  process.stdout.write(JSON.stringify({ steps }) + '\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`transcript: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
