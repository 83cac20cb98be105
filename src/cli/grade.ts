// `npm run --silent grade -- PATH...` — replay checkpoint files (or every
// *.json under directories) and print CSV: learner,lab,passed,checks_passed,
// checks_total,error. Exit 0 when grading ran, 2 on bad usage.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_HEADER, csvRow, gradeText } from '../labs/checkpoint.ts';

function collect(path: string, out: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    out.push(path);
    return;
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const p = join(path, name);
      if (statSync(p).isDirectory()) collect(p, out);
      else if (name.endsWith('.json')) out.push(p);
    }
  } else out.push(path);
}

async function main(args: string[]): Promise<number> {
  if (!args.length || args.includes('-h') || args.includes('--help')) {
    process.stderr.write('usage: grade PATH... (checkpoint files or directories of them)\n');
    return 2;
  }
  const files: string[] = [];
  for (const a of args) collect(a, files);
  process.stdout.write(CSV_HEADER + '\n');
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      process.stdout.write(csvRow({ learner: '', lab: '', passed: false, checksPassed: 0, checksTotal: 0, error: `cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, checks: [] }) + '\n');
      continue;
    }
    process.stdout.write(csvRow(await gradeText(text)) + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (c) => process.exit(c),
  (e) => {
    process.stderr.write(`grade: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
