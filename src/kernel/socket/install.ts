// The transport handlers every Kernel starts with: UDP, and TCP's entry
// point (socket.ts `tcpRcv`), which hands segments to tcp.ts once that is
// loaded (the browser worker loads it with the first TCP socket).

import type { Kernel } from '../kernel.ts';
import { tcpRcv } from './socket.ts';
import { UdpProto } from './udp.ts';

/** Install the UDP and TCP handlers into a kernel's stack. */
export function installSockets(k: Kernel): void {
  k.stack.l4.set('udp', new UdpProto());
  k.stack.l4.set('tcp', tcpRcv);
}
