// The ptp plugin (plugins/main/ptp, containernetworking/plugins 1.1): a veth
// pair with no bridge. IPAM runs first; the container side gets the address
// with routes through the gateway address (the kernel's subnet route is
// replaced by a /32 to the gateway and the subnet via it); the host side
// holds the gateway address as a /32 plus a host-scope route to the
// container, and IP forwarding is turned on.

import type { Process } from '../../../kernel/proc.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import { netOf } from '../../../kernel/addr.ts';
import { SCOPE } from '../../../kernel/netdev.ts';
import { kernelOf, nsOf } from '../../lib/sys.ts';
import { CniError, ERR, checkFieldTypes, delegate, getNs, openNetnsPath, parseCidr, pluginMain, type CmdArgs, type CniResult } from './skel.ts';
import { delLinkByName, setupIpMasq, setupVeth, teardownIpMasq } from './netlink.ts';

interface PtpConf {
  ipMasq?: boolean;
  mtu?: number;
}

function load(a: CmdArgs): PtpConf & { ipamType: string; name: string } {
  const c = a.conf as PtpConf & typeof a.conf;
  checkFieldTypes(c, { ipMasq: 'bool', mtu: 'int' });
  return { ...c, ipamType: (a.conf.ipam?.type as string | undefined) ?? '', name: a.conf.name ?? '' };
}

const route = (dst: number, len: number, o: { gw?: number; scope: number; src?: number; dev: import('../../../kernel/netdev.ts').NetDevice }) => ({
  table: 254,
  type: 'unicast' as const,
  dst: netOf(dst, len),
  dstLen: len,
  tos: 0,
  metric: 0,
  protocol: 'boot',
  scope: o.scope,
  onlink: false,
  gateway: o.gw,
  prefsrc: o.src,
  dev: o.dev,
});
const flags = { create: true, excl: true, replace: false };

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const conf = load(a);
  const ipamResult = (await delegate(p, conf.ipamType, 'ADD', a.stdin))!;
  const hostNs = nsOf(p);
  try {
    if (!ipamResult.ips?.length) throw new CniError(ERR.internal, 'IPAM plugin returned missing IP config');
    const contNs: NetNs = openNetnsPath(k, a.netns);
    const { host, cont } = setupVeth(p, hostNs, contNs, a.ifname, conf.mtu);
    const ips = ipamResult.ips.map((ip) => ({ interface: 1, address: ip.address, ...(ip.gateway ? { gateway: ip.gateway } : {}) }));
    // Container side: address, the gateway as a link route, the subnet and the result's routes via it.
    contNs.setUp(cont, true);
    for (const ip of ips) {
      const c = parseCidr(ip.address);
      if (!c) continue;
      contNs.addrAdd(cont, { local: c.ip, prefixlen: c.len, broadcast: 'auto' });
      try {
        contNs.routeDel({ table: 254, dst: netOf(c.ip, c.len), dstLen: c.len, dev: cont });
      } catch {
        // no subnet route (a /32)
      }
      const gw = ip.gateway ? parseCidr(`${ip.gateway}/32`)!.ip : undefined;
      if (gw === undefined) continue;
      contNs.routeAdd(route(gw, 32, { scope: SCOPE.link, src: c.ip, dev: cont }), flags);
      contNs.routeAdd(route(c.ip, c.len, { gw, scope: SCOPE.universe, src: c.ip, dev: cont }), flags);
      for (const r of ipamResult.routes ?? []) {
        const d = parseCidr(r.dst);
        if (!d) continue;
        const via = r.gw ? parseCidr(`${r.gw}/32`)!.ip : gw;
        contNs.routeAdd(route(d.ip, d.len, { gw: via, scope: SCOPE.universe, dev: cont }), flags);
      }
    }
    // Host side: the gateway address as /32 and a route to the container.
    for (const ip of ips) {
      const c = parseCidr(ip.address);
      if (!c || !ip.gateway) continue;
      const gw = parseCidr(`${ip.gateway}/32`)!.ip;
      if (!hostNs.addrDump(host).some((x) => x.local === gw)) hostNs.addrAdd(host, { local: gw, prefixlen: 32, broadcast: 'auto' });
      hostNs.routeAdd(route(c.ip, 32, { scope: SCOPE.host, dev: host }), flags);
    }
    hostNs.setIpForward(true);
    if (conf.ipMasq) for (const ip of ips) await setupIpMasq(p, parseCidr(ip.address)!, conf.name, a.containerId);
    return { interfaces: [{ name: host.name, mac: hostNs.linkMsg(host).address }, { name: cont.name, mac: contNs.linkMsg(cont).address, sandbox: a.netns }], ips, ...(ipamResult.routes?.length ? { routes: ipamResult.routes } : {}), dns: {} };
  } catch (e) {
    await delegate(p, conf.ipamType, 'DEL', a.stdin).catch(() => undefined);
    throw e;
  }
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const conf = load(a);
  await delegate(p, conf.ipamType, 'DEL', a.stdin);
  if (!a.netns) return;
  let ns: NetNs;
  try {
    ns = getNs(k, a.netns);
  } catch {
    return;
  }
  const nets = delLinkByName(ns, a.ifname);
  if (conf.ipMasq) for (const n of nets) await teardownIpMasq(p, n, conf.name, a.containerId);
}

async function check(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const conf = load(a);
  await delegate(p, conf.ipamType, 'CHECK', a.stdin);
  if (!a.conf.prevResult) throw new CniError(ERR.internal, 'Required prevResult missing');
  const ns = openNetnsPath(k, a.netns);
  const dev = ns.devByName(a.ifname);
  if (!dev) throw new CniError(ERR.internal, `Error: Container Interface name in prevResult: ${a.ifname} not found`);
}

/** Run ptp under the CNI protocol. */
export function ptpMain(p: Process): Promise<number> {
  return pluginMain(p, 'ptp', { add, del, check });
}
