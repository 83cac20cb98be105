// `npm run --silent transcript -- FILE`: run each non-comment line of FILE as
// its own `bash -c` step on a fresh simulated bare host and print the
// fidelity kit's JSON transcript {"steps":[{cmd,stdout,stderr,exit}]}.
//
// `npm run --silent transcript -- --lab LAB_ID FILE`: the same in the start
// world of LAB_ID, on its terminal host; a line `@HOST CMD` runs CMD on HOST.
// Between lines the world's daemons run for a second of virtual time, as
// they would while a learner reads the output and types the next line.

import { readFileSync } from 'node:fs';
import { bareWorld } from '../world/world.ts';
import { runScript, type ScriptStep } from '../session/session.ts';
import { labInfo, makeLabWorld } from '../labs/index.ts';
import { labTranscript } from '../labs/transcript.ts';

const USAGE = 'usage: transcript [--lab LAB_ID] FILE\n';

/** Lines the recorder runs: not blank, not starting (after blanks) with `#`. */
export function scriptLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.filter((l) => !/^[\s]*(#|$)/.test(l));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let lab: string | undefined;
  if (args[0] === '--lab') {
    lab = args[1];
    args.splice(0, 2);
    if (!lab || !labInfo(lab)) {
      process.stderr.write(lab ? `transcript: unknown lab '${lab}' (try: npm run --silent lab -- list)\n` : USAGE);
      return 2;
    }
  }
  const file = args[0];
  if (!file || args.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`transcript: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  let steps: ScriptStep[];
  if (lab) {
    const world = makeLabWorld(lab, 1);
    steps = await labTranscript(world, scriptLines(text), labInfo(lab)!.terminalHost);
  } else {
    steps = await runScript(bareWorld(1), scriptLines(text));
  }
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
