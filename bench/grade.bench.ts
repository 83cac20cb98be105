// Grading bench: 1,000 checkpoint files graded the way `npm run grade` and
// the instructor page do (gradeText: parse, validate, replay on a fresh
// world, run the checks). A mix of labs and outcomes, as a class hands in.

import { performance } from 'node:perf_hooks';
import { CHECKPOINT_FORMAT, csvRow, gradeText } from '../src/labs/checkpoint.ts';
import { labInfo } from '../src/labs/index.ts';
import type { Bench, Row } from './run.ts';

/** `n` checkpoint texts: correct, partial and tampered, on fixed and parametric labs. */
function classOf(n: number): string[] {
  const out: string[] = [];
  const labs = ['namespaces-veth', 'namespaces-veth-random', 'routing-two-subnets-random', 'namespaces-bridge'];
  for (let i = 0; i < n; i++) {
    const lab = labs[i % labs.length]!;
    const seed = 1000 + i;
    const sol = labInfo(lab, seed)!.solution;
    const commands = i % 5 === 3 ? sol.slice(0, 2) : i % 7 === 6 ? ['echo passed'] : sol;
    out.push(JSON.stringify({ format: CHECKPOINT_FORMAT, lab, learner: `learner-${i}`, seed, commands }));
  }
  return out;
}

/** Grade `n` checkpoints one after another; wall time and per-file cost. */
export function gradeBench(n: number): Bench {
  return {
    name: `grade:${n}-checkpoints`,
    about: `grading ${n} checkpoint files (replay + checks), one after another`,
    async run(): Promise<Row[]> {
      const files = classOf(n);
      const per = new Map<string, { n: number; ms: number; passed: number }>();
      const t0 = performance.now();
      let csvBytes = 0;
      for (const text of files) {
        const s = performance.now();
        const row = await gradeText(text);
        const ms = performance.now() - s;
        csvBytes += csvRow(row).length + 1;
        const p = per.get(row.lab) ?? { n: 0, ms: 0, passed: 0 };
        p.n++;
        p.ms += ms;
        if (row.passed) p.passed++;
        per.set(row.lab, p);
      }
      const wall = performance.now() - t0;
      const rows: Row[] = [{ part: `all ${n} files`, files: n, passed: [...per.values()].reduce((a, p) => a + p.passed, 0), 'wall ms': Math.round(wall), 'ms per file': +(wall / n).toFixed(2), 'CSV bytes': csvBytes }];
      for (const [lab, p] of per) rows.push({ part: `  ${lab}`, files: p.n, passed: p.passed, 'wall ms': Math.round(p.ms), 'ms per file': +(p.ms / p.n).toFixed(2), 'CSV bytes': '' });
      return rows;
    },
  };
}
