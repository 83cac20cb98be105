// The packet-path view's source: a program that opens a connection (curl,
// nc) traces its first SYN and announces it to the kernel's trace
// observers, like ping does with its first echo request.

import { traceStep, type Trace } from '../../kernel/packet.ts';
import { tm } from '../../kernel/trace-texts.ts';
import type { Process } from '../../kernel/proc.ts';
import type { TcpSocket } from '../../kernel/socket/tcp.ts';
import { kernelOf, nsOf } from './sys.ts';

/** Trace `s`'s SYN as this command's packet path; returns a recorder for a connect() failure (to `ip` port `port`, with the errno text `err`). */
export function traceConnect(p: Process, s: TcpSocket): (ip: string, port: number, err: string) => void {
  const k = kernelOf(p);
  const trace: Trace = { steps: [], max: 400 };
  s.synTrace = trace;
  k.announceTrace({ command: p.argv.join(' '), at: k.clock.now, trace });
  return (ip: string, port: number, err: string) => {
    // A failure before anything was sent (no route): say so on the path.
    if (!trace.steps.some((st) => st.stage === 'drop')) traceStep(trace, k.clock.now, nsOf(p).label, 'drop', tm('sock.connectFailed', { ip, port, err }));
  };
}
