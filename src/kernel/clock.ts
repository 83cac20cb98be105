// The virtual clock. Nothing in the simulation reads the wall clock: time
// advances only when the driver fires the next timer, so a transcript replays
// to the same result at any machine speed.

/** Handle of a scheduled timer. */
export interface Timer {
  readonly at: number;
  readonly seq: number;
  cancelled: boolean;
  readonly fn: () => void;
  /** A CPU slice (a busy program's time): the realtime driver fires it without waiting for the wall clock. */
  cpu?: boolean;
}

/** A min-heap of timers ordered by (time, insertion order). Time is in ms (float). */
export class Clock {
  /** Current virtual time in milliseconds since the world booted. */
  now = 0;
  /** Virtual time at which the world booted, as a Unix epoch in ms (for dates). */
  readonly epochMs: number;
  private heap: Timer[] = [];
  private seq = 0;
  /** Timers fired so far (a bound for runaway loops is enforced by drivers). */
  fired = 0;
  /**
   * Called when a new timer becomes the earliest pending one. The realtime
   * driver sleeps (in wall time) until the earliest timer it saw, so a timer
   * scheduled later by a promise chain must wake it (src/session/session.ts).
   */
  onEarliest: (() => void) | null = null;

  constructor(epochMs = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.epochMs = epochMs;
  }

  /** Run `fn` after `delayMs` of virtual time (0 = after what is already due now). */
  setTimer(delayMs: number, fn: () => void): Timer {
    const t: Timer = { at: this.now + Math.max(0, delayMs), seq: this.seq++, cancelled: false, fn };
    this.push(t);
    if (this.onEarliest && this.heap[0] === t) this.onEarliest();
    return t;
  }

  /** Cancel a timer; harmless if it already fired. */
  cancel(t: Timer | undefined): void {
    if (t) t.cancelled = true;
  }

  /** Time of the next live timer, or undefined when none is pending. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** True when the next live timer is a CPU slice. */
  nextIsCpu(): boolean {
    this.dropCancelled();
    return !!this.heap[0]?.cpu;
  }

  /** True if a live timer is pending. */
  hasPending(): boolean {
    return this.nextAt() !== undefined;
  }

  /**
   * Advance to the next timer and fire it. Returns false when nothing is
   * pending. `limit` stops before timers later than that time (then the clock
   * advances to `limit` and false is returned).
   */
  fireNext(limit = Infinity): boolean {
    this.dropCancelled();
    const t = this.heap[0];
    if (!t) {
      if (limit !== Infinity && limit > this.now) this.now = limit;
      return false;
    }
    if (t.at > limit) {
      if (limit > this.now) this.now = limit;
      return false;
    }
    this.pop();
    if (t.at > this.now) this.now = t.at;
    this.fired++;
    t.fn();
    return true;
  }

  /** Fire every timer due at or before the current time, bounded by `budget`. */
  runDue(budget = 100_000): number {
    let n = 0;
    while (n < budget && this.fireNext(this.now)) n++;
    return n;
  }

  /** Advance the clock by `ms`, firing every timer on the way (bounded by `budget`). */
  advance(ms: number, budget = 1_000_000): void {
    const end = this.now + ms;
    let n = 0;
    while (n < budget && this.fireNext(end)) n++;
    if (this.now < end) this.now = end;
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
