// The time in klog's line header (k8s.io/klog/v2: `Lmmdd hh:mm:ss.uuuuuu
// PID file:line] msg`): month, day and time of day with microseconds, read
// from the host's virtual clock (hosts run on UTC), so the log lines of
// kube-proxy, flanneld and kubectl advance as the simulation runs.

import type { Process } from '../../kernel/proc.ts';
import { kernelOf } from './sys.ts';

/** `mmdd hh:mm:ss.uuuuuu` at the virtual now of `p`'s host. */
export function klogTime(p: Process): string {
  const clock = kernelOf(p).clock;
  return klogStamp(clock.epochMs, clock.now);
}

/** `mmdd hh:mm:ss.uuuuuu` (UTC) of a whole-ms Unix time plus (fractional) ms elapsed since. */
export function klogStamp(epochMs: number, elapsedMs = 0): string {
  const whole = Math.floor(elapsedMs);
  const d = new Date(epochMs + whole);
  const micros = d.getUTCMilliseconds() * 1000 + Math.floor((elapsedMs - whole) * 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(micros).padStart(6, '0')}`;
}
