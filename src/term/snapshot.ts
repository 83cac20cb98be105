// Plain-data views of a world for the page: the topology (namespaces, their
// interfaces and addresses, veth pairs and cables as links, bridges as
// switches) and the last traced packet path. Computed in the worker from the
// kernel's own state (the same objects `ip link`/`ip addr` print from), sent
// as structured-clone friendly values; the page only draws them.

import { fmtIp4 } from '../kernel/addr.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { NetDevice } from '../kernel/netdev.ts';
import type { NetNs } from '../kernel/netns.ts';
import type { World } from '../world/world.ts';
import type { TopoSnapshot, TopoIface, TopoLink, PathSnapshot } from './protocol.ts';
import { nsOwnersOf } from '../world/owners.ts';

/** What runs in each namespace: the pod whose sandbox it is, the Docker containers in it. */
function ownersOf(world: World): Map<NetNs, { pod?: string; containers?: string[] }> {
  const out = new Map<NetNs, { pod?: string; containers?: string[] }>();
  for (const o of nsOwnersOf(world)) if (o.pod) out.set(o.ns, { ...out.get(o.ns), pod: o.pod });
  for (const k of world.hosts.values()) {
    for (const o of nsOwnersOf(k)) {
      if (!o.container) continue;
      const cur = out.get(o.ns) ?? {};
      out.set(o.ns, { ...cur, containers: [...(cur.containers ?? []), o.container] });
    }
  }
  return out;
}

/** `host/red`-style id of a namespace (its trace label). */
function nsId(ns: NetNs): string {
  return ns.label;
}

function ifaceId(dev: NetDevice): string {
  return `${nsId(dev.ns)}|${dev.name}`;
}

function iface(dev: NetDevice): TopoIface {
  return {
    id: ifaceId(dev),
    name: dev.name,
    kind: dev.kind,
    up: dev.adminUp,
    state: dev.operState,
    addrs: dev.inet.map((a) => `${fmtIp4(a.local)}/${a.prefixlen}`),
    master: dev.master ? ifaceId(dev.master) : undefined,
    mac: dev.kind === 'loopback' ? undefined : dev.mac,
  };
}

/** The topology of every host of `world` (init namespace first, then named ones). */
export function topologyOf(world: World): TopoSnapshot {
  const namespaces: TopoSnapshot['namespaces'] = [];
  const links: TopoLink[] = [];
  const seenVeth = new Set<string>();
  const segments = new Map<string, string[]>();
  let version = 0;
  const owners = ownersOf(world);
  for (const [hostName, k] of world.hosts) {
    version += (k as Kernel).topoVersion;
    for (const ns of (k as Kernel).namespaces) {
      if (!ns.alive) continue;
      const devs = ns.devices();
      const names = (k as Kernel).netnsNamesOf(ns);
      namespaces.push({
        id: nsId(ns),
        host: hostName,
        name: ns === k.initNs ? undefined : names[0],
        init: ns === k.initNs,
        ifaces: devs.map(iface),
        ...owners.get(ns),
      });
      for (const d of devs) {
        if (d.kind === 'veth' && d.peer) {
          const a = ifaceId(d);
          const b = ifaceId(d.peer);
          const key = a < b ? `${a}~${b}` : `${b}~${a}`;
          if (!seenVeth.has(key)) {
            seenVeth.add(key);
            links.push({ a, b, kind: 'veth', up: d.running && d.peer.running });
          }
        }
        if (d.master) links.push({ a: ifaceId(d), b: ifaceId(d.master), kind: 'port', up: d.running });
        if (d.kind === 'ether' && d.segment) {
          const l = segments.get(d.segment.name) ?? [];
          l.push(ifaceId(d));
          segments.set(d.segment.name, l);
        }
      }
    }
  }
  for (const [name, ends] of segments) {
    if (ends.length === 2) links.push({ a: ends[0]!, b: ends[1]!, kind: 'wire', up: true, label: name });
    else for (let i = 1; i < ends.length; i++) links.push({ a: ends[0]!, b: ends[i]!, kind: 'wire', up: true, label: name });
  }
  return { version, namespaces, links };
}

/** The most recent traced packet path on any host of `world`, if any. */
export function lastPathOf(world: World, source: PathSnapshot['source'] = 'command'): PathSnapshot | undefined {
  const best = world.paths.newest();
  if (!best) return undefined;
  return { command: best.command, at: best.at, source, steps: best.trace.steps.map((s) => ({ ...s })) };
}

/** The newest traced packet itself (compared by identity to notice a new one). */
export function lastTraceObject(world: World): unknown {
  return world.paths.newest();
}
