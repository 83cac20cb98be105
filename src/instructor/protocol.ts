// Messages between the instructor page and its grading worker.
//
//   page ──grade{id, name, text}──▶ worker (gradeText: replay + checks)
//   page ◀──graded{id, row, csv}─── worker
//
// One file per message; the worker grades them in arrival order.

import type { GradeRow } from '../labs/checkpoint.ts';

/** Page → worker: grade one file's text. */
export interface GradeRequest {
  type: 'grade';
  id: number;
  name: string;
  text: string;
}

/** Worker → page: one graded file; `csv` is exactly the CLI's row for it. */
export interface GradeReply {
  type: 'graded';
  id: number;
  name: string;
  row: GradeRow;
  csv: string;
}
