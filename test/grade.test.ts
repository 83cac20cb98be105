// `npm run grade` as a learner's instructor uses it: the CLI runs as a child
// process on checkpoint files written to a temporary directory, and the CSV
// it prints is read back. Fixtures are named for what they are (CORRECT,
// TAMPERED…); parametric labs are graded for the seed each learner had.

import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_FORMAT, CSV_HEADER, classSeed, csvField } from '../src/labs/checkpoint.ts';
import { labInfo } from '../src/labs/index.ts';

// Each run starts the CLI and its grading threads: slower than a unit test on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

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
    expect(r.stderr).toMatch(/^usage: grade \[--lab LAB_ID\] \[--class CODE\] .* PATH.../);
  });

  it('prints the CSV header first and one row per checkpoint, in argument order', async () => {
    const r = await grade(file('correct.json', CORRECT), file('wrong.json', WRONG));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(CSV_HEADER);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const [ok, wrong] = records(r.stdout);
    expect(ok).toEqual({ learner: 'Ada', lab: 'namespaces-veth', passed: 'true', checks_passed: '4', checks_total: '4', error: '', file: join(dir, 'correct.json') });
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
    expect(r.stdout).toContain(`${csvField(name)},namespaces-veth,true,4,4,,${join(dir, 'quoted.json')}\n`);
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

describe('hand-ins an instructor can trust', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP: leading quote, quoted cell)', async () => {
    const names = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    const r = await grade(...names.map((n, i) => file(`inject-${i}.json`, checkpoint('namespaces-veth', n, 1, ['true']))));
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",namespaces-veth,/);
    expect(lines[2]).toMatch(/^"'\+1\+1",/);
    expect(lines[3]).toMatch(/^"'-2\+3",/);
    expect(lines[4]).toMatch(/^"'@SUM\(A1\)",/);
    expect(records(r.stdout).map((x) => x.learner)).toEqual(names.map((n) => `'${n}`));
    // A plain negative-looking error or file name is neutralised the same way.
    expect(csvField('-x')).toBe(`"'-x"`);
    expect(csvField('plain')).toBe('plain');
  });

  it('ends every row with the file column; a UTF-8 byte-order mark is accepted', async () => {
    const p = file('bom.json', '\uFEFF' + CORRECT);
    const r = await grade(p);
    expect(r.stdout.split('\n')[0]).toBe('learner,lab,passed,checks_passed,checks_total,error,file');
    expect(records(r.stdout)[0]).toMatchObject({ learner: 'Ada', passed: 'true', error: '', file: p });
  });

  it('a broken symlink, a symlink loop and a FIFO in a folder each get their own row; the rest is graded', async () => {
    const d = join(dir, 'links');
    file('links/a-ada.json', CORRECT);
    symlinkSync(join(d, 'gone.json'), join(d, 'b-broken.json'));
    symlinkSync(join(d, 'c-loop.json'), join(d, 'c-loop.json'));
    execFile('mkfifo', [join(d, 'd-fifo.json')]);
    await new Promise((r) => setTimeout(r, 300));
    file('links/e-bob.json', WRONG);
    const r = await grade(d);
    expect(r.code).toBe(0);
    const rows = records(r.stdout);
    expect(rows.map((x) => [x.file.slice(d.length + 1), x.learner, x.passed])).toEqual([
      ['a-ada.json', 'Ada', 'true'],
      ['b-broken.json', '', 'false'],
      ['c-loop.json', '', 'false'],
      ['d-fifo.json', '', 'false'],
      ['e-bob.json', 'Bob', 'false'],
    ]);
    expect(rows[1]!.error).toBe(`cannot read ${join(d, 'b-broken.json')}: ENOENT`);
    expect(rows[2]!.error).toBe(`cannot read ${join(d, 'c-loop.json')}: ELOOP`);
    expect(rows[3]!.error).toBe(`cannot read ${join(d, 'd-fifo.json')}: not a regular file`);
  });

  it('--lab grades only hand-ins for the assigned lab and marks the others', async () => {
    const other = checkpoint('routing-two-subnets', 'Cy', 1, labInfo('routing-two-subnets')!.solution);
    const r = await grade('--lab', 'namespaces-veth', file('lab-a.json', CORRECT), file('lab-b.json', other));
    const [a, b] = records(r.stdout);
    expect(a).toMatchObject({ learner: 'Ada', passed: 'true', error: '' });
    expect(b).toMatchObject({ learner: 'Cy', lab: 'routing-two-subnets', passed: 'false', checks_total: '0', error: 'for lab routing-two-subnets, not the assigned lab namespaces-veth (not graded)' });
    const bad = await grade('--lab', 'no-such-lab', file('lab-c.json', CORRECT));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^grade: unknown lab 'no-such-lab'/);
  });

  it('flags a hand-in whose recorded entries and command list disagree', async () => {
    const entries = VETH.solution.map((line, i) => ({ line, at: i * 1000 }));
    const agree = checkpoint('namespaces-veth', 'Ada', 1, VETH.solution, { entries: [...entries, { intr: true, at: 99_000 }, { line: '  ', at: 99_500 }] });
    const edited = checkpoint('namespaces-veth', 'Eve', 1, VETH.solution, { entries: entries.slice(0, 3) });
    const swapped = checkpoint('namespaces-veth', 'Sy', 1, VETH.solution, { entries: entries.map((e, i) => (i === 4 ? { line: 'echo hi', at: e.at } : e)) });
    const r = await grade(file('ent-a.json', agree), file('ent-b.json', edited), file('ent-c.json', swapped));
    const [a, b, c] = records(r.stdout);
    expect(a).toMatchObject({ learner: 'Ada', passed: 'true', error: '' });
    expect(b!.error).toBe('recorded entries and command list disagree at command 4: the terminal recorded nothing, the command list says "ip link set veth-red netns red" (not graded)');
    expect(c!.error).toBe('recorded entries and command list disagree at command 5: the terminal recorded "echo hi", the command list says "ip link set veth-blue netns blue" (not graded)');
  });

  it('class mode: seeds come from the class code and the name; a file copied under another name fails and says so', async () => {
    const id = 'namespaces-veth-random';
    const code = 'NET101-A';
    const ada = classSeed(code, 'Ada Lovelace');
    const bob = classSeed(code, 'Bob');
    expect(ada).not.toBe(bob);
    expect(classSeed(' net101-a ', '  ada   LOVELACE ')).toBe(ada);
    const own = checkpoint(id, 'Ada Lovelace', ada, labInfo(id, ada)!.solution, { class: code });
    const copied = checkpoint(id, 'Bob', ada, labInfo(id, ada)!.solution, { class: code });
    const elsewhere = checkpoint(id, 'Cy', classSeed('OTHER', 'Cy'), labInfo(id, classSeed('OTHER', 'Cy'))!.solution, { class: 'OTHER' });
    const r = await grade('--class', code, file('cls-ada.json', own), file('cls-bob.json', copied), file('cls-cy.json', elsewhere));
    const [a, b, c] = records(r.stdout);
    expect(a).toMatchObject({ learner: 'Ada Lovelace', passed: 'true', error: '' });
    expect(b).toMatchObject({ learner: 'Bob', passed: 'false', error: `seed ${ada} is not Bob's seed in class NET101-A (${bob}): the file was made under another name or outside the class (not graded)` });
    expect(c!.error).toBe('handed in for class OTHER, not class NET101-A (not graded)');
    // Bob's own values differ, so Ada's commands fail for Bob's seed even when he puts his seed in.
    const forged = await grade('--class', code, file('cls-forged.json', checkpoint(id, 'Bob', bob, labInfo(id, ada)!.solution, { class: code })));
    expect(records(forged.stdout)[0]).toMatchObject({ learner: 'Bob', passed: 'false', error: '' });
  });

  it('a class folder of 100 good files and one hostile file: every good row graded, the hostile one over its limit', async () => {
    const d = join(dir, 'big-class');
    for (let i = 0; i < 100; i++) file(`big-class/l${String(i).padStart(3, '0')}.json`, checkpoint('namespaces-veth', `learner-${i}`, 1, VETH.solution));
    // Endless legitimate work: a device per iteration, forever.
    file('big-class/l050-hostile.json', checkpoint('namespaces-veth', 'Hostile', 1, ['i=0; while true; do i=$((i+1)); ip link add d$i type dummy; done'], { passed: true, results: [{ id: 'namespaces', passed: true }] }));
    const t0 = performance.now();
    const r = await grade('--time-limit', '15', '--memory-limit', '256', d);
    const secs = (performance.now() - t0) / 1000;
    expect(r.code).toBe(0);
    const rows = records(r.stdout);
    expect(rows).toHaveLength(101);
    const hostile = rows.filter((x) => x.learner === 'Hostile');
    expect(hostile).toHaveLength(1);
    expect(hostile[0]!.passed).toBe('false');
    expect(hostile[0]!.error).toMatch(/^(time|memory) limit exceeded: /);
    const good = rows.filter((x) => x.learner !== 'Hostile');
    expect(good.every((x) => x.passed === 'true' && x.checks_passed === '4' && x.error === '')).toBe(true);
    console.log(`graded 101 files (100 good, 1 hostile: ${hostile[0]!.error}) in ${secs.toFixed(1)} s`);
  }, 600_000);
});

describe('oversized hand-ins', () => {
  it('a file over the size limit gets an error row without being read', async () => {
    const big = file('huge.json', checkpoint('namespaces-veth', 'Big', 1, ['true'], { entries: [], padding: 'x'.repeat(5 << 20) }));
    const r = await grade(big, file('after.json', CORRECT));
    const [a, b] = records(r.stdout);
    expect(a).toMatchObject({ learner: '', passed: 'false', error: 'file too large (more than 4 MB; not graded)', file: big });
    expect(b).toMatchObject({ learner: 'Ada', passed: 'true' });
  });
});
