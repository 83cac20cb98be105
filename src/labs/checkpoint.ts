// Graded checkpoints: a learner's commands for a lab, with the seed that
// picked their values. Grading replays the commands on a fresh world and
// re-runs the checks; anything the file claims about results is ignored.

import { getLab } from './index.ts';
import { checkLines, type ReplayStep } from './replay.ts';
import { CHECKPOINT_FORMAT, classSeed, errorRow, normClassCode, type GradeOptions, type GradeRow } from './checkpoint-format.ts';

export { CHECKPOINT_FORMAT, CSV_HEADER, MAX_CHECKPOINT_BYTES, classSeed, csvField, csvRow, errorRow, normClassCode, normLearner } from './checkpoint-format.ts';
export type { GradeOptions, GradeRow } from './checkpoint-format.ts';

/** The checkpoint file contract (more fields allowed). */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  lab: string;
  learner: string;
  seed: number;
  commands: string[];
  /** What the terminal recorded (the browser's hand-in): each line typed, a Ctrl-C, or keys an editor or pager read. */
  entries?: ({ line: string; at?: number } | { intr: true; at?: number } | { keys: string[]; at?: number; cols?: number; rows?: number })[];
  /** The class code the learner entered (class mode). */
  class?: string;
  [extra: string]: unknown;
}

/** Validate parsed JSON as a checkpoint; returns the reason it is not one. */
export function validateCheckpoint(v: unknown): { ok: true; cp: Checkpoint } | { ok: false; error: string; learner: string; lab: string } {
  const o = (v && typeof v === 'object' && !Array.isArray(v) ? v : {}) as Record<string, unknown>;
  const learner = typeof o.learner === 'string' ? o.learner : '';
  const lab = typeof o.lab === 'string' ? o.lab : '';
  const bad = (error: string) => ({ ok: false as const, error, learner, lab });
  if (!v || typeof v !== 'object' || Array.isArray(v)) return bad('not a JSON object');
  if (o.format !== CHECKPOINT_FORMAT) return bad(`format is not ${CHECKPOINT_FORMAT}`);
  if (!lab) return bad('missing lab');
  if (!getLab(lab)) return bad(`unknown lab ${lab}`);
  if (!learner) return bad('missing learner');
  if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) return bad('seed must be an integer 0..4294967295');
  if (!Array.isArray(o.commands) || o.commands.some((c) => typeof c !== 'string')) return bad('commands must be an array of strings');
  if (o.commands.length > 5000) return bad('too many commands (more than 5000)');
  if (o.class !== undefined && typeof o.class !== 'string') return bad('class must be a string');
  if (o.entries !== undefined) {
    const d = entriesDisagree(o.entries, o.commands as string[]);
    if (d) return bad(d);
  }
  return { ok: true, cp: o as unknown as Checkpoint };
}

/**
 * Why the terminal's recorded entries and the command list disagree (the
 * hand-in form writes both from the same record; an edited file rarely
 * keeps them in step), or undefined when they agree.
 */
function entriesDisagree(entries: unknown, commands: string[]): string | undefined {
  if (!Array.isArray(entries)) return 'entries must be an array';
  const lines: string[] = [];
  for (const e of entries) {
    const o = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
    if (typeof o.line === 'string') {
      if (o.line.trim()) lines.push(o.line);
    } else if (Array.isArray(o.keys)) {
      if (o.keys.length > 1000 || !o.keys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 32)) return 'keys entries must hold at most 1000 keys of at most 32 characters';
    } else if (o.intr !== true) return 'entries must each be a typed line, a Ctrl-C or keys';
  }
  const n = Math.max(lines.length, commands.length);
  for (let i = 0; i < n; i++) {
    if (lines[i] === commands[i]) continue;
    const show = (x: string | undefined) => (x === undefined ? 'nothing' : JSON.stringify(x.length > 60 ? x.slice(0, 57) + '...' : x));
    return `recorded entries and command list disagree at command ${i + 1}: the terminal recorded ${show(lines[i])}, the command list says ${show(commands[i])} (not graded)`;
  }
  return undefined;
}

/** The lines and editor keys of recorded entries, in order (Ctrl-Cs are not replayed, as for commands). */
function stepsOf(entries: NonNullable<Checkpoint['entries']>): ReplayStep[] {
  const steps: ReplayStep[] = [];
  for (const e of entries) {
    if ('keys' in e) steps.push({ keys: e.keys, cols: e.cols, rows: e.rows });
    else if ('line' in e && e.line.trim()) steps.push(e.line);
  }
  return steps;
}

/** Why a checkpoint may not be graded as the instructor asked (another lab, another class or name), or undefined. */
function outOfScope(cp: Checkpoint, opts: GradeOptions): string | undefined {
  if (opts.lab && cp.lab !== opts.lab) return `for lab ${cp.lab}, not the assigned lab ${opts.lab} (not graded)`;
  if (opts.classCode) {
    const code = normClassCode(opts.classCode);
    if (cp.class !== undefined && normClassCode(cp.class) !== code) return `handed in for class ${cp.class}, not class ${code} (not graded)`;
    const want = classSeed(code, cp.learner);
    if (cp.seed !== want) return `seed ${cp.seed} is not ${cp.learner}'s seed in class ${code} (${want}): the file was made under another name or outside the class (not graded)`;
  }
  return undefined;
}

/** Grade the text of one checkpoint file (a UTF-8 byte-order mark is allowed). Never throws. */
export async function gradeText(text: string, opts: GradeOptions = {}): Promise<GradeRow> {
  const file = opts.file ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return errorRow(file, `malformed JSON: ${(e as Error).message}`);
  }
  const v = validateCheckpoint(parsed);
  if (!v.ok) return { ...errorRow(file, v.error), learner: v.learner, lab: v.lab };
  const { cp } = v;
  const scope = outOfScope(cp, opts);
  if (scope) return { ...errorRow(file, scope), learner: cp.learner, lab: cp.lab };
  try {
    // Keys typed into an editor (nano, vi) are part of the work: replay them in order with the lines.
    const keyed = cp.entries?.some((e) => 'keys' in e);
    const checks = await checkLines(cp.lab, cp.seed, keyed ? stepsOf(cp.entries!) : cp.commands);
    const n = checks.filter((c) => c.passed).length;
    return { learner: cp.learner, lab: cp.lab, passed: n === checks.length, checksPassed: n, checksTotal: checks.length, error: '', file, checks };
  } catch (e) {
    return { ...errorRow(file, `replay failed: ${(e as Error).message}`), learner: cp.learner, lab: cp.lab };
  }
}
