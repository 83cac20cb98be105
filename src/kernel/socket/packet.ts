// Packet sockets (AF_PACKET, SOCK_RAW, ETH_P_ALL): how tcpdump captures and
// how a daemon speaking raw ARP (MetalLB's speaker) listens and answers.
// The socket sees every frame sent or received on its namespace's devices
// (the device taps of dev_queue_xmit and netif_receive_skb) and sends whole
// frames out of a device, past routing and neighbours.

import type { NetDevice } from '../netdev.ts';
import type { NetNs } from '../netns.ts';
import type { EthFrame } from '../packet.ts';
import type { Tap } from '../stack.ts';

/** What a packet socket's owner is told: a frame seen on `dev`, sent ('out') or received ('in'). */
export type PacketHandler = (dev: NetDevice, frame: EthFrame, dir: 'in' | 'out') => void;

/** A packet socket of one namespace. */
export class PacketSocket {
  closed = false;
  readonly ns: NetNs;
  private readonly tap?: Tap;

  constructor(ns: NetNs, handler?: PacketHandler) {
    this.ns = ns;
    if (handler) {
      this.tap = (dev, frame, dir) => {
        if (dev.ns === ns) handler(dev, frame, dir);
      };
      ns.kernel.stack.taps.add(this.tap);
    }
  }

  /** sendto() of a whole frame on `dev` (dev_queue_xmit). */
  send(dev: NetDevice, frame: EthFrame): void {
    if (this.closed) return;
    this.ns.kernel.stack.devXmit(dev, frame);
  }

  /** close(): no more frames. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.tap) this.ns.kernel.stack.taps.delete(this.tap);
  }
}

/** socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) in `ns`; `handler` receives every frame of the namespace's devices. */
export function packetSocket(ns: NetNs, handler?: PacketHandler): PacketSocket {
  return new PacketSocket(ns, handler);
}
