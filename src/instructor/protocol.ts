// Messages between the instructor page and a grading worker.
//
//   page ──grade{id, name, text, opts}──▶ worker (gradeText: replay + checks)
//   page ◀──graded{id, row, csv}───────── worker
//
// The page starts one worker per file and ends it after its reply or when
// the file runs past its time limit (the row then says so).

import type { GradeOptions, GradeRow } from '../labs/checkpoint-format.ts';

/** Page → worker: grade one file's text. */
export interface GradeRequest {
  type: 'grade';
  id: number;
  name: string;
  text: string;
  opts: GradeOptions;
}

/** Worker → page: one graded file; `csv` is exactly the CLI's row for it. */
export interface GradeReply {
  type: 'graded';
  id: number;
  name: string;
  row: GradeRow;
  csv: string;
}
