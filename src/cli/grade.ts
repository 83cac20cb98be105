// `npm run --silent grade -- [--lab LAB_ID] [--class CODE] [--time-limit S]
// [--memory-limit MB] PATH...` — replay checkpoint files (or every *.json
// under directories) and print CSV: learner,lab,passed,checks_passed,
// checks_total,error,file. Files are graded in worker threads with a heap
// limit and a per-file timeout, so one hostile file only gets an error row.
// Exit 0 when grading ran, 2 on bad usage.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CSV_HEADER, MAX_CHECKPOINT_BYTES, csvRow, errorRow, type GradeOptions, type GradeRow } from '../labs/checkpoint-format.ts';

const USAGE = 'usage: grade [--lab LAB_ID] [--class CODE] [--time-limit SECONDS] [--memory-limit MB] PATH... (checkpoint files or directories of them)\n';

/** A path to grade, or a path found unusable while collecting (an error row). */
type Item = { file: string; error?: string };

const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function collect(path: string, out: Item[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    out.push({ file: path }); // reading it names the problem (ENOENT, a broken link…)
    return;
  }
  if (!st.isDirectory()) {
    out.push({ file: path });
    return;
  }
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch (e) {
    out.push({ file: path, error: `cannot read directory ${path}: ${why(e)}` });
    return;
  }
  for (const name of names) {
    const p = join(path, name);
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch (e) {
      // A broken symbolic link or an entry that cannot be examined: its own row.
      if (name.endsWith('.json')) out.push({ file: p, error: `cannot read ${p}: ${why(e)}` });
      continue;
    }
    if (dir) collect(p, out);
    else if (name.endsWith('.json')) out.push({ file: p });
  }
}

interface Limits {
  timeMs: number;
  memoryMb: number;
}

/**
 * A grading thread with a heap limit. It grades files one at a time; a file
 * that runs past the time limit or out of memory kills it. A file is only
 * reported as over a limit when it was the first the thread graded, so
 * nothing an earlier file left behind can cost a good file its grade.
 */
class Lane {
  private w: Worker | null = null;
  private graded = 0;
  private seq = 0;
  private pending: ((r: { row?: GradeRow; error?: string }) => void) | null = null;

  private limits: Limits;

  constructor(limits: Limits) {
    this.limits = limits;
  }

  private start(): Worker {
    const w = new Worker(new URL('./grade-worker.ts', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, this.limits.memoryMb >> 3)), stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    // Events of a thread already replaced are ignored.
    w.on('message', (m: { id: number; row: GradeRow }) => {
      if (this.w === w && m.id === this.seq) this.pending?.({ row: m.row });
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (this.w === w) this.pending?.({ error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `memory limit exceeded: grading needed more than ${this.limits.memoryMb} MB (not graded)` : `grader failed: ${e.message} (not graded)` });
    });
    w.on('exit', (code) => {
      if (this.w !== w) return;
      this.w = null;
      this.pending?.({ error: `grader stopped (exit code ${code}; not graded)` });
    });
    this.graded = 0;
    return w;
  }

  private kill(): void {
    const w = this.w;
    this.w = null;
    if (w) void w.terminate();
  }

  /** Grade one text; on a limit hit in a thread that graded other files first, try again in a fresh one. */
  async grade(text: string, opts: GradeOptions): Promise<GradeRow> {
    for (;;) {
      if (this.w && this.graded >= 25) this.kill();
      const fresh = !this.w || this.graded === 0;
      const w = (this.w ??= this.start());
      const id = ++this.seq;
      const r = await new Promise<{ row?: GradeRow; error?: string }>((done) => {
        const timer = setTimeout(() => done({ error: `time limit exceeded: grading took longer than ${this.limits.timeMs / 1000} s (not graded)` }), this.limits.timeMs);
        this.pending = (x) => {
          clearTimeout(timer);
          this.pending = null;
          done(x);
        };
        w.postMessage({ id, text, opts });
      });
      if (r.row) {
        this.graded++;
        return r.row;
      }
      this.kill();
      if (fresh) return errorRow(opts.file ?? '', r.error!, text);
    }
  }

  close(): void {
    this.kill();
  }
}

async function gradeItem(it: Item, opts: GradeOptions, lane: Lane): Promise<GradeRow> {
  if (it.error) return errorRow(it.file, it.error);
  let buf: Buffer;
  try {
    const st = statSync(it.file);
    if (!st.isFile()) return errorRow(it.file, `cannot read ${it.file}: not a regular file`);
    if (st.size > MAX_CHECKPOINT_BYTES) return errorRow(it.file, `file too large (more than ${MAX_CHECKPOINT_BYTES >> 20} MB; not graded)`);
    buf = readFileSync(it.file);
  } catch (e) {
    return errorRow(it.file, `cannot read ${it.file}: ${why(e)}`);
  }
  return lane.grade(buf.toString('utf8'), { ...opts, file: it.file });
}

async function main(args: string[]): Promise<number> {
  const opts: GradeOptions = {};
  const limits: Limits = { timeMs: 60_000, memoryMb: 512 };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const val = (): string | undefined => args[++i];
    if (a === '-h' || a === '--help') {
      process.stderr.write(USAGE);
      return 2;
    } else if (a === '--lab') {
      const v = val();
      if (!v) return usage('--lab needs a lab id');
      // The lab list loads the simulation: only when asked.
      const { getLab } = await import('../labs/index.ts');
      if (!getLab(v)) return usage(`unknown lab '${v}'`);
      opts.lab = v;
    } else if (a === '--class') {
      const v = val();
      if (!v || !v.trim()) return usage('--class needs a class code');
      opts.classCode = v;
    } else if (a === '--time-limit' || a === '--memory-limit') {
      const n = Number(val());
      if (!Number.isFinite(n) || n <= 0) return usage(`${a} needs a positive number`);
      if (a === '--time-limit') limits.timeMs = n * 1000;
      else limits.memoryMb = Math.max(16, Math.round(n));
    } else if (a === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else paths.push(a);
  }
  if (!paths.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  const items: Item[] = [];
  for (const p of paths) collect(p, items);
  process.stdout.write(CSV_HEADER + '\n');
  // A few workers at a time; rows are printed in input order.
  const rows: (GradeRow | undefined)[] = new Array(items.length);
  let next = 0;
  let printed = 0;
  const flush = (): void => {
    while (printed < items.length && rows[printed]) process.stdout.write(csvRow(rows[printed++]!) + '\n');
  };
  const lanes = Math.max(1, Math.min(4, availableParallelism()));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const lane = new Lane(limits);
      while (next < items.length) {
        const i = next++;
        rows[i] = await gradeItem(items[i]!, opts, lane);
        flush();
      }
      lane.close();
    }),
  );
  flush();
  return 0;
}

function usage(msg: string): number {
  process.stderr.write(`grade: ${msg}\n${USAGE}`);
  return 2;
}

// A closed pipe (grade … | head) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 2));

main(process.argv.slice(2)).then(
  (c) => process.exit(c),
  (e) => {
    process.stderr.write(`grade: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
