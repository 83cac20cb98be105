// Checkpoints graded in a worker thread. src/cli/grade.ts runs a few of
// these with a heap limit and gives each file a timeout: whatever a file's
// commands do, only this thread runs out of time or memory (and is
// replaced), never the class's grading.

import { parentPort } from 'node:worker_threads';
import { gradeText, type GradeOptions } from '../labs/checkpoint.ts';

parentPort!.on('message', async (m: { id: number; text: string; opts: GradeOptions }) => {
  const row = await gradeText(m.text, m.opts);
  parentPort!.postMessage({ id: m.id, row });
});
