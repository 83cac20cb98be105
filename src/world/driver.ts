// Drives a world's virtual clock while programs (async functions) run.
//
// Kernel work (frames crossing links, timers) runs synchronously inside
// Clock timers; programs await promises that kernel events resolve. The
// driver lets every pending promise settle (one macrotask), then fires the
// next timer, until the awaited work finishes. In "fast" mode virtual time
// jumps straight to the next timer (CLI, tests, checks); in "realtime" mode
// it is paced by the wall clock (the browser terminal, so `ping` prints one
// line per second) and can be woken early by input.

import type { Clock } from '../kernel/clock.ts';

/** Resolve after the current macrotask, so all queued microtasks have run. */
export function macrotask(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => void };
  if (typeof g.setImmediate === 'function') return new Promise((r) => g.setImmediate!(r));
  const MC = (globalThis as unknown as { MessageChannel: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(x: unknown): void } } }).MessageChannel;
  return new Promise((r) => {
    const ch = new MC();
    ch.port1.onmessage = () => {
      ch.port1.close();
      r();
    };
    ch.port2.postMessage(0);
  });
}

/** How a drive ended. */
export type DriveResult<T> =
  | { done: true; value: T }
  | { done: false; reason: 'stalled' | 'time-limit' | 'event-limit' };

/** Options for driving. */
export interface DriveOptions {
  /** Stop (not done) after this much virtual time (ms). Default 1 hour. */
  maxVirtualMs?: number;
  /** Stop after this many timers fired. Default 5 million. */
  maxEvents?: number;
  /** Pace by the wall clock: 1 = real time. Undefined = fast (no pacing). */
  realtime?: number;
  /** In realtime mode, a promise that resolves when input arrives (wakes the pacing wait). */
  kick?: () => Promise<void>;
}

/** Work outside the simulation (code loading on first use) that virtual time waits for. */
const outside = new Set<Promise<unknown>>();

/**
 * Hold every world's clock until `p` settles: a program that loads code on
 * first use (kubectl's YAML parser) sees no virtual time pass while it loads,
 * so the run stays deterministic however long the load takes.
 */
export function holdClock<T>(p: Promise<T>): Promise<T> {
  outside.add(p);
  const release = (): void => {
    outside.delete(p);
  };
  p.then(release, release);
  return p;
}

/** Fire timers until `work` settles. Rejections of `work` propagate. */
export async function drive<T>(clock: Clock, work: Promise<T>, opts: DriveOptions = {}): Promise<DriveResult<T>> {
  let settled = false;
  let value: T | undefined;
  let error: unknown;
  let failed = false;
  work.then(
    (v) => {
      settled = true;
      value = v;
    },
    (e) => {
      settled = true;
      failed = true;
      error = e;
    },
  );
  const start = clock.now;
  const maxMs = opts.maxVirtualMs ?? 3_600_000;
  const maxEvents = opts.maxEvents ?? 5_000_000;
  let events = 0;
  let idleTurns = 0;
  for (;;) {
    await macrotask();
    if (settled) break;
    if (outside.size) {
      await Promise.allSettled([...outside]);
      continue;
    }
    const next = clock.nextAt();
    if (next === undefined) {
      if (opts.realtime !== undefined && opts.kick) {
        await opts.kick();
        continue;
      }
      // Nothing scheduled: give promise chains a few more turns, then stall.
      if (++idleTurns < 3) continue;
      return { done: false, reason: 'stalled' };
    }
    idleTurns = 0;
    if (next - start > maxMs) {
      clock.now = Math.max(clock.now, start + maxMs);
      return { done: false, reason: 'time-limit' };
    }
    if (opts.realtime !== undefined && next > clock.now && !clock.nextIsCpu()) {
      const waitMs = (next - clock.now) / opts.realtime;
      const woke = await realWait(waitMs, opts.kick);
      if (woke) {
        // Input arrived: advance virtual time by the real time that passed.
        continue;
      }
    }
    // Fire everything due at `next` in one go (bounded), then settle again.
    const batchEnd = next;
    let n = 0;
    while (clock.fireNext(batchEnd)) {
      n++;
      if (++events > maxEvents) return { done: false, reason: 'event-limit' };
      if (n >= 10_000) break;
    }
  }
  if (failed) throw error;
  return { done: true, value: value as T };
}

/** Wait `ms` of wall time; resolves true if `kick` fired first. */
function realWait(ms: number, kick?: () => Promise<void>): Promise<boolean> {
  const g = globalThis as unknown as { setTimeout(f: () => void, ms: number): unknown; clearTimeout(t: unknown): void };
  const setTimeout = g.setTimeout.bind(globalThis);
  const clearTimeout = g.clearTimeout.bind(globalThis);
  return new Promise((resolve) => {
    let done = false;
    const t = setTimeout(() => {
      if (!done) {
        done = true;
        resolve(false);
      }
    }, Math.min(ms, 2_147_000_000));
    kick?.().then(() => {
      if (!done) {
        done = true;
        clearTimeout(t);
        resolve(true);
      }
    });
  });
}
