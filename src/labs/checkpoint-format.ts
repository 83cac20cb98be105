// The hand-in contract without the simulation: the checkpoint format tag,
// the grades CSV (header, rows, spreadsheet-safe cells), the class seed and
// the rows the grader writes for files it could not grade. The site's eager
// scripts (the lab panel, the instructor page) import this alone;
// checkpoint.ts re-exports it next to the grader.

/** `format` of every checkpoint file this grader reads. */
export const CHECKPOINT_FORMAT = 'packetlab-checkpoint/1';

/** First line of the grades CSV (the CLI's and the instructor page's). */
export const CSV_HEADER = 'learner,lab,passed,checks_passed,checks_total,error,file';

/** Largest checkpoint file graded (bigger files get an error row unread). */
export const MAX_CHECKPOINT_BYTES = 4 << 20;

/** One graded row. */
export interface GradeRow {
  learner: string;
  lab: string;
  passed: boolean;
  checksPassed: number;
  checksTotal: number;
  error: string;
  /** The file's name as given, or its path as found in a folder. */
  file: string;
  /** Per-check results (for the instructor table). */
  checks: { id: string; title: string; passed: boolean; message: string }[];
}

/** What the instructor asked for: only one lab, only one class. */
export interface GradeOptions {
  /** The file's name (the `file` column). */
  file?: string;
  /** Grade only hand-ins for this lab; others get an error row. */
  lab?: string;
  /** Class code: each learner's seed must be classSeed(code, learner). */
  classCode?: string;
}

/**
 * A CSV field: quoted when it holds a comma, quote or line break (RFC
 * 4180); a cell a spreadsheet would read as a formula (beginning with `=`,
 * `+`, `-`, `@`, tab or carriage return) gets a leading single quote and is
 * quoted, as OWASP's CSV-injection advice says.
 */
export function csvField(s: string): string {
  if (/^[=+\-@\t\r]/.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV row of a graded checkpoint. */
export function csvRow(r: GradeRow): string {
  return [r.learner, r.lab, String(r.passed), String(r.checksPassed), String(r.checksTotal), r.error, r.file].map(csvField).join(',');
}

/** A row for a file that was not graded: learner and lab as far as the text names them. */
export function errorRow(file: string, error: string, text?: string): GradeRow {
  let learner = '';
  let lab = '';
  if (text !== undefined && text.length <= MAX_CHECKPOINT_BYTES) {
    try {
      const o = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      if (o && typeof o === 'object') {
        if (typeof o.learner === 'string') learner = o.learner;
        if (typeof o.lab === 'string') lab = o.lab;
      }
    } catch {
      /* not JSON: no names */
    }
  }
  return { learner, lab, passed: false, checksPassed: 0, checksTotal: 0, error, file, checks: [] };
}

/** A class code as compared: trimmed, upper case. */
export function normClassCode(code: string): string {
  return code.trim().toUpperCase();
}

/** A learner's name as compared: NFKC, trimmed, inner spaces collapsed, lower case. */
export function normLearner(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The seed of a learner in a class: a deterministic hash (FNV-1a over
 * UTF-8, then a 32-bit finaliser) of the class code and the learner's name,
 * in 1..999999 like a browser's own seed. Same code and name, same values
 * in every parametric lab; another name, other values.
 */
export function classSeed(code: string, learner: string): number {
  const bytes = new TextEncoder().encode(`${normClassCode(code)}\n${normLearner(learner)}`);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return ((h >>> 0) % 999_999) + 1;
}
