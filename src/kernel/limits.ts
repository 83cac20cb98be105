// Resource limits of a simulated host. A real host has them too (a process
// table, memory, pipe capacity); here they keep one command line from
// freezing the page or the grader. All are counts, never wall-clock time, so
// a replay hits them at the same point. See docs/ARCHITECTURE.md, "Bounds".

/** Tasks one host may run at once; bash's fork() then fails with EAGAIN. */
export const MAX_TASKS = 1024;

/** Longest string a shell variable may hold (bytes, as bash's xmalloc would be asked for). */
export const MAX_STRING = 16 * 1024 * 1024;

/** Bytes a pipe buffers before its writer must wait (Linux's default pipe capacity). */
export const PIPE_CAPACITY = 65536;

/**
 * Shell steps (commands, loop turns) between yields to the event loop, so
 * Ctrl-C is seen promptly; each yield costs SHELL_SLICE_MS of virtual time
 * (about 20,000 steps per virtual second), so a busy loop advances the clock.
 * The realtime driver does not wait for the wall clock on these slices.
 */
export const SHELL_YIELD_STEPS = 1024;
export const SHELL_SLICE_MS = 50;
