// `node test/fuzz/cli.ts [RUNS] [SEED]`: a deep fuzzing run outside Vitest;
// prints each finding (one JSON line) and a summary by class on stderr.

import '../../src/userland/index.ts';
import '../../src/shell/bash.ts';
import { allCommands } from '../../src/userland/registry.ts';
import { genLine, Rng } from './grammar.ts';
import { fuzzBatch, setTrace, type Finding } from './harness.ts';
import { appendFileSync, writeFileSync } from 'node:fs';

if (process.env.FUZZ_TRACE) {
  writeFileSync(process.env.FUZZ_TRACE, '');
  setTrace((s) => appendFileSync(process.env.FUZZ_TRACE!, s));
}

const runs = Number(process.argv[2] ?? process.env.FUZZ_RUNS ?? 1000);
const seed = Number(process.argv[3] ?? process.env.FUZZ_SEED ?? 17);
const BATCH = 50;
const specs = allCommands();
const r = new Rng(seed);
const byKind = new Map<string, number>();
let tried = 0;
const t0 = performance.now();
for (let i = 0; i < runs; i += BATCH) {
  const lines: string[] = [];
  for (let j = 0; j < BATCH && i + j < runs; j++) lines.push(genLine(r, specs));
  let found: Finding[];
  try {
    found = await fuzzBatch(lines, seed + i);
  } catch (e) {
    found = [{ line: lines.join(' ;; '), kind: 'harness', detail: String(e) }];
  }
  tried += lines.length;
  for (const f of found) {
    byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
    process.stdout.write(JSON.stringify(f) + '\n');
  }
  if ((i / BATCH) % 20 === 0) process.stderr.write(`${tried} lines, ${Math.round(performance.now() - t0)} ms\n`);
}
process.stderr.write(`tried ${tried} lines in ${Math.round(performance.now() - t0)} ms; findings: ${JSON.stringify(Object.fromEntries(byKind))}\n`);
