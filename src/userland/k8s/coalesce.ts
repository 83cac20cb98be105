// A controller's reconcile loop run once per burst of watch events: a kick
// marks the state dirty and, unless a pass is already under way, lets the
// rest of the burst arrive (one microtask) and reconciles until nothing new
// came in (at most `maxRounds` passes), as client-go work queues collapse
// repeated keys.

/** Returns `kick`: mark dirty and reconcile (the promise settles when this pass ends, at once if one is running). */
export function coalescedReconcile(reconcile: () => void, maxRounds = 20): () => Promise<void> {
  let dirty = true;
  let running = false;
  const sync = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await Promise.resolve();
      for (let i = 0; dirty && i < maxRounds; i++) {
        dirty = false;
        reconcile();
      }
    } finally {
      running = false;
    }
  };
  return () => {
    dirty = true;
    return sync();
  };
}
