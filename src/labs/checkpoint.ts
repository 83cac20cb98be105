// Graded checkpoints: a learner's commands for a lab, with the seed that
// picked their values. Grading replays the commands on a fresh world and
// re-runs the checks; anything the file claims about results is ignored.

import { getLab } from './index.ts';
import { checkLines } from './replay.ts';
import { CHECKPOINT_FORMAT } from './checkpoint-format.ts';

export { CHECKPOINT_FORMAT, CSV_HEADER } from './checkpoint-format.ts';

/** The checkpoint file contract (more fields allowed). */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  lab: string;
  learner: string;
  seed: number;
  commands: string[];
  [extra: string]: unknown;
}

/** One graded row. */
export interface GradeRow {
  learner: string;
  lab: string;
  passed: boolean;
  checksPassed: number;
  checksTotal: number;
  error: string;
  /** Per-check results (for the instructor table). */
  checks: { id: string; title: string; passed: boolean; message: string }[];
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
  return { ok: true, cp: o as unknown as Checkpoint };
}

/** Grade the text of one checkpoint file. Never throws. */
export async function gradeText(text: string): Promise<GradeRow> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { learner: '', lab: '', passed: false, checksPassed: 0, checksTotal: 0, error: `malformed JSON: ${(e as Error).message}`, checks: [] };
  }
  const v = validateCheckpoint(parsed);
  if (!v.ok) return { learner: v.learner, lab: v.lab, passed: false, checksPassed: 0, checksTotal: 0, error: v.error, checks: [] };
  const { cp } = v;
  try {
    const checks = await checkLines(cp.lab, cp.seed, cp.commands);
    const n = checks.filter((c) => c.passed).length;
    return { learner: cp.learner, lab: cp.lab, passed: n === checks.length, checksPassed: n, checksTotal: checks.length, error: '', checks };
  } catch (e) {
    return { learner: cp.learner, lab: cp.lab, passed: false, checksPassed: 0, checksTotal: 0, error: `replay failed: ${(e as Error).message}`, checks: [] };
  }
}

/** A CSV field, quoted when needed (RFC 4180). */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV row of a graded checkpoint. */
export function csvRow(r: GradeRow): string {
  return [r.learner, r.lab, String(r.passed), String(r.checksPassed), String(r.checksTotal), r.error].map(csvField).join(',');
}
