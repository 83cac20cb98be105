// `npm run grade` as a learner's instructor uses it: the CLI runs as a child
// process on checkpoint files written to a temporary directory, and the CSV
// it prints is read back. Fixtures are named for what they are (CORRECT,
// TAMPERED…); parametric labs are graded for the seed each learner had.

import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_FORMAT, CSV_HEADER, csvField } from '../src/labs/checkpoint.ts';
import { labInfo } from '../src/labs/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'src/cli/grade.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the grade CLI with `args` (Node 24 runs the TypeScript as is). */
function grade(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** Parse RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

type Rec = Record<string, string>;
function records(csv: string): Rec[] {
  const [head, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

const checkpoint = (lab: string, learner: string, seed: number, commands: string[], extra: object = {}) =>
  JSON.stringify({ format: CHECKPOINT_FORMAT, lab, learner, seed, commands, ...extra }, null, 2);

const VETH = labInfo('namespaces-veth')!;
const CORRECT = checkpoint('namespaces-veth', 'Ada', 1, VETH.solution);
const WRONG = checkpoint('namespaces-veth', 'Bob', 1, VETH.solution.slice(0, 3));
/** Claims everything passed; the commands do nothing useful. */
const TAMPERED = checkpoint('namespaces-veth', 'Mallory', 1, ['ip netns add red', 'echo all good'], {
  passed: true,
  results: VETH.tasks.map((t) => ({ id: t.id, title: t.title, passed: true, message: 'ok' })),
});
const MALFORMED = '{"format": "packetlab-checkpoint/1", "lab": "namespaces-veth", ';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'packetlab-grade-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  mkdirSync(resolve(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('grade CLI', () => {
  it('exits 2 with a usage line when given no paths', async () => {
    const r = await grade();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: grade PATH/);
  });

  it('prints the CSV header first and one row per checkpoint, in argument order', async () => {
    const r = await grade(file('correct.json', CORRECT), file('wrong.json', WRONG));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(CSV_HEADER);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const [ok, wrong] = records(r.stdout);
    expect(ok).toEqual({ learner: 'Ada', lab: 'namespaces-veth', passed: 'true', checks_passed: '4', checks_total: '4', error: '' });
    expect(wrong!.learner).toBe('Bob');
    expect(wrong!.passed).toBe('false');
    expect(Number(wrong!.checks_passed)).toBeLessThan(4);
    expect(wrong!.checks_total).toBe('4');
  });

  it('ignores what a tampered checkpoint claims and replays its commands', async () => {
    const r = await grade(file('tampered.json', TAMPERED));
    const [row] = records(r.stdout);
    expect(row!.learner).toBe('Mallory');
    expect(row!.passed).toBe('false');
    expect(row!.checks_passed).toBe('0');
    expect(row!.error).toBe('');
  });

  it('reports malformed files, wrong formats, unknown labs and missing files as rows with an error', async () => {
    const r = await grade(
      file('malformed.json', MALFORMED),
      file('format.json', JSON.stringify({ format: 'something-else', lab: 'namespaces-veth', learner: 'Eve', seed: 1, commands: [] })),
      file('unknown.json', checkpoint('no-such-lab', 'Zed', 1, ['true'])),
      file('badseed.json', checkpoint('namespaces-veth', 'Sam', -3, [])),
      file('array.json', '[1,2,3]'),
      join(dir, 'does-not-exist.json'),
    );
    expect(r.code).toBe(0);
    const rows = records(r.stdout);
    expect(rows.map((x) => x.passed)).toEqual(['false', 'false', 'false', 'false', 'false', 'false']);
    expect(rows[0]!.error).toMatch(/^malformed JSON/);
    expect(rows[1]).toMatchObject({ learner: 'Eve', lab: 'namespaces-veth', error: 'format is not packetlab-checkpoint/1' });
    expect(rows[2]).toMatchObject({ learner: 'Zed', lab: 'no-such-lab', error: 'unknown lab no-such-lab' });
    expect(rows[3]!.error).toMatch(/seed/);
    expect(rows[4]!.error).toBe('not a JSON object');
    expect(rows[5]!.error).toMatch(/^cannot read .*does-not-exist\.json: ENOENT/);
  });

  it('grades every *.json under a directory, recursively and in name order', async () => {
    const d = join(dir, 'class');
    file('class/b-bob.json', WRONG);
    file('class/a-ada.json', CORRECT);
    file('class/late/c-mallory.json', TAMPERED);
    file('class/notes.txt', 'not a checkpoint');
    const r = await grade(d);
    expect(r.code).toBe(0);
    expect(records(r.stdout).map((x) => [x.learner, x.passed])).toEqual([
      ['Ada', 'true'],
      ['Bob', 'false'],
      ['Mallory', 'false'],
    ]);
  });

  it('quotes fields holding commas, quotes and newlines (RFC 4180)', async () => {
    const name = 'Kim, Min-ji "MJ"\nsection 2';
    const r = await grade(file('quoted.json', checkpoint('namespaces-veth', name, 1, VETH.solution)));
    expect(r.stdout).toContain(`${csvField(name)},namespaces-veth,true,4,4,\n`);
    expect(r.stdout).toContain('"Kim, Min-ji ""MJ""\nsection 2"');
    expect(records(r.stdout)[0]!.learner).toBe(name);
  });
});

describe('parametric labs', () => {
  for (const id of ['namespaces-veth-random', 'routing-two-subnets-random']) {
    it(`${id}: seeds pick different values, and a learner's own solution passes only for their seed`, async () => {
      const a = labInfo(id, 7)!;
      const b = labInfo(id, 8)!;
      expect(a.parametric).toBe(true);
      expect(a.params).not.toEqual(b.params);
      expect(a.goal).not.toBe(b.goal);
      expect(a.solution).not.toEqual(b.solution);
      // The goal shows the learner's own values.
      for (const v of Object.values(a.params)) if (!v.includes('/')) expect(a.goal + a.solution.join(' ')).toContain(v);

      const r = await grade(
        file(`${id}-7-own.json`, checkpoint(id, 'seven', 7, a.solution)),
        file(`${id}-8-own.json`, checkpoint(id, 'eight', 8, b.solution)),
        file(`${id}-8-copied.json`, checkpoint(id, 'copier', 8, a.solution)),
      );
      const rows = records(r.stdout);
      expect(rows.map((x) => [x.learner, x.passed])).toEqual([
        ['seven', 'true'],
        ['eight', 'true'],
        ['copier', 'false'],
      ]);
    });
  }

  it('labs with fixed values keep them whatever the seed', async () => {
    for (const id of ['namespaces-veth', 'namespaces-bridge', 'routing-two-subnets']) {
      const one = labInfo(id, 1)!;
      const other = labInfo(id, 424242)!;
      expect(other.parametric).toBe(false);
      expect(other.goal).toBe(one.goal);
      expect(other.solution).toEqual(one.solution);
    }
    const r = await grade(file('fixed-seed.json', checkpoint('namespaces-veth', 'Ada', 424242, VETH.solution)));
    expect(records(r.stdout)[0]!.passed).toBe('true');
  });
});
