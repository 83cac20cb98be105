/// <reference lib="webworker" />
// The instructor page's grader for one file: the same gradeText and csvRow
// as `npm run grade`, off the main thread. The page ends this worker after
// its reply, or when the file runs past the time limit.

import { csvRow, gradeText } from '../labs/checkpoint.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (ev: MessageEvent<GradeRequest>) => {
  const m = ev.data;
  if (!m || m.type !== 'grade') return;
  const row = await gradeText(m.text, { ...m.opts, file: m.name });
  const reply: GradeReply = { type: 'graded', id: m.id, name: m.name, row, csv: csvRow(row) };
  scope.postMessage(reply);
};
