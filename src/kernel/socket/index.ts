// Sockets for programs: UDP and a small TCP, installed as the stack's
// transport handlers for every Kernel (install.ts).

export { TcpSocket, TcpProto, type TcpState, icmpErrno } from './tcp.ts';
export { UdpSocket, UdpProto, type Datagram } from './udp.ts';
export { type InetSock, type SockOwner, socketsOf } from './socket.ts';
export { IcmpSocket, Icmp6Socket, icmpSocket, icmp6Socket, type IcmpSocketHandler } from './icmp.ts';
export { installSockets } from './install.ts';
