// Sockets for programs: UDP and a small TCP, installed as the stack's
// transport handlers for every Kernel.

import type { Kernel } from '../kernel.ts';
import { TcpProto } from './tcp.ts';
import { UdpProto } from './udp.ts';

export { TcpSocket, TcpProto, type TcpState, icmpErrno } from './tcp.ts';
export { UdpSocket, UdpProto, type Datagram } from './udp.ts';
export { type InetSock, type SockOwner, socketsOf } from './socket.ts';
export { IcmpSocket, Icmp6Socket, icmpSocket, icmp6Socket, type IcmpSocketHandler } from './icmp.ts';

/** Install the UDP and TCP handlers into a kernel's stack. */
export function installSockets(k: Kernel): void {
  k.stack.l4.set('udp', new UdpProto());
  k.stack.l4.set('tcp', new TcpProto());
}
