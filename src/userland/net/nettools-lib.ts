// Shared views of links for the non-`ip` networking tools (bridge, brctl,
// ifconfig, netstat): interface flags as SIOCGIFFLAGS / rtnetlink report
// them (from a link dump, NetNs.linkDump / linkGet), iproute2's flag list,
// and net-tools' natural name order.

import type { LinkMsg, NetNs } from '../../kernel/netns.ts';

export { IFF } from '../../kernel/netdev.ts';
import { IFF } from '../../kernel/netdev.ts';

/** iproute2 print_link_flags: `<BROADCAST,MULTICAST,UP,LOWER_UP> `. */
export function linkFlagsText(l: LinkMsg, mdown: boolean): string {
  let flags = l.flags;
  const parts: string[] = [];
  if (flags & IFF.UP && !(flags & IFF.RUNNING)) parts.push('NO-CARRIER');
  flags &= ~IFF.RUNNING;
  const order: [string, number][] = [
    ['LOOPBACK', IFF.LOOPBACK],
    ['BROADCAST', IFF.BROADCAST],
    ['POINTOPOINT', IFF.POINTOPOINT],
    ['MULTICAST', IFF.MULTICAST],
    ['NOARP', IFF.NOARP],
    ['ALLMULTI', IFF.ALLMULTI],
    ['PROMISC', IFF.PROMISC],
    ['MASTER', IFF.MASTER],
    ['SLAVE', IFF.SLAVE],
    ['DEBUG', IFF.DEBUG],
    ['NOTRAILERS', IFF.NOTRAILERS],
    ['UP', IFF.UP],
    ['LOWER_UP', IFF.LOWER_UP],
  ];
  for (const [n, b] of order) {
    if (flags & b) {
      parts.push(n);
      flags &= ~b;
    }
  }
  if (flags) parts.push(flags.toString(16));
  if (mdown) parts.push('M-DOWN');
  return `<${parts.join(',')}> `;
}

/**
 * iproute2 print_name_and_link: `NAME@PEER: ` (or `@ifN` when the peer is in
 * another namespace); returns whether the peer is down (M-DOWN).
 */
export function nameAndLink(ns: NetNs, l: LinkMsg): { text: string; mdown: boolean } {
  if (!l.link) return { text: `${l.ifname}: `, mdown: false };
  if (l.linkNetns) return { text: `${l.ifname}@if${l.link}: `, mdown: false };
  const peer = ns.linkGet(l.link);
  if (!peer) return { text: `${l.ifname}@if${l.link}: `, mdown: false };
  return { text: `${l.ifname}@${peer.ifname}: `, mdown: !(peer.flags & IFF.UP) };
}

/** net-tools nstrcmp: compare names with embedded numbers numerically (eth2 < eth10). */
export function nstrcmp(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** A MAC without separators, as brctl prints bridge ids. */
export function macHex(mac: string): string {
  return mac.replace(/:/g, '');
}
