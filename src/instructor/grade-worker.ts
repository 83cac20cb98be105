/// <reference lib="webworker" />
// The instructor page's grader: the same gradeText and csvRow as
// `npm run grade`, off the main thread so the table stays responsive.

import { csvRow, gradeText } from '../labs/checkpoint.ts';
import type { GradeReply, GradeRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (ev: MessageEvent<GradeRequest>) => {
  const m = ev.data;
  if (!m || m.type !== 'grade') return;
  queue = queue.then(async () => {
    const row = await gradeText(m.text);
    const reply: GradeReply = { type: 'graded', id: m.id, name: m.name, row, csv: csvRow(row) };
    scope.postMessage(reply);
  });
};
