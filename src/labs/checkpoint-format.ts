// The checkpoint file's format tag and the CSV header, alone so the site's eager scripts can
// name it without importing the simulation (checkpoint.ts re-exports it).

/** `format` of every checkpoint file this grader reads. */
export const CHECKPOINT_FORMAT = 'packetlab-checkpoint/1';

/** First line of the grades CSV (the CLI's and the instructor page's). */
export const CSV_HEADER = 'learner,lab,passed,checks_passed,checks_total,error';
