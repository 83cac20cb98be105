// IP Virtual Server: a table of virtual services (protocol, VIP, port,
// scheduler) each with real servers, per network namespace, as
// net/netfilter/ipvs keeps it. The model covers what kube-proxy's IPVS mode
// uses: round-robin scheduling and masquerading (NAT) forwarding. `ipvsadm`
// reads and writes it; kube-proxy programs it.

import type { NetNs } from '../netns.ts';

/** A real server behind a virtual service. */
export interface IpvsDest {
  addr: string;
  port: number;
  weight: number;
  fwd: 'Masq' | 'Route' | 'Tunnel';
  activeConns: number;
  inactConns: number;
}

/** A virtual service. */
export interface IpvsService {
  proto: 'TCP' | 'UDP';
  addr: string;
  port: number;
  sched: string;
  dests: IpvsDest[];
  /** rr cursor. */
  next: number;
}

/** The IPVS state of one namespace. */
export class IpvsTable {
  readonly services: IpvsService[] = [];

  find(proto: string, addr: string, port: number): IpvsService | undefined {
    return this.services.find((s) => s.proto === proto && s.addr === addr && s.port === port);
  }

  /** ip_vs_add_service (EEXIST when present). */
  addService(s: Omit<IpvsService, 'dests' | 'next'>): IpvsService {
    const have = this.find(s.proto, s.addr, s.port);
    if (have) return have;
    const n: IpvsService = { ...s, dests: [], next: 0 };
    this.services.push(n);
    return n;
  }

  delService(proto: string, addr: string, port: number): boolean {
    const i = this.services.findIndex((s) => s.proto === proto && s.addr === addr && s.port === port);
    if (i < 0) return false;
    this.services.splice(i, 1);
    return true;
  }

  /** Round-robin over dests with weight > 0 (ip_vs_rr_schedule). */
  schedule(s: IpvsService): IpvsDest | undefined {
    const live = s.dests.filter((d) => d.weight > 0);
    if (!live.length) return undefined;
    const d = live[s.next % live.length];
    s.next = (s.next + 1) % live.length;
    return d;
  }
}

const tables = new WeakMap<NetNs, IpvsTable>();

/** The IPVS table of a namespace (created on first use, as loading ip_vs does). */
export function ipvsOf(ns: NetNs): IpvsTable {
  let t = tables.get(ns);
  if (!t) tables.set(ns, (t = new IpvsTable()));
  return t;
}

/** Whether IPVS was ever used in a namespace. */
export function hasIpvs(ns: NetNs): boolean {
  return tables.has(ns);
}
