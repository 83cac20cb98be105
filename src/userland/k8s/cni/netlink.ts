// What the main CNI plugins share (plugins/pkg/ip, pkg/ipam of
// containernetworking/plugins 1.1): the veth pair with a random host-side
// name, ipam.ConfigureIface (addresses and routes in the container), the
// ipMasq chain, and removing a container interface on DEL.

import type { Process } from '../../../kernel/proc.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import type { NetDevice } from '../../../kernel/netdev.ts';
import { fmtIp4, netOf } from '../../../kernel/addr.ts';
import { SCOPE } from '../../../kernel/netdev.ts';
import { kernelOf } from '../../lib/sys.ts';
import { CniError, ERR, cniComment, iptables, parseCidr, type CniResult } from './skel.ts';
import { cniChainName } from './portmap.ts';

/** ip.SetupVeth: container side CNI_IFNAME in `contNs`, host side vethXXXXXXXX in `hostNs` (up). */
export function setupVeth(p: Process, hostNs: NetNs, contNs: NetNs, ifname: string, mtu?: number): { host: NetDevice; cont: NetDevice } {
  const k = kernelOf(p);
  if (contNs.devByName(ifname)) throw new CniError(ERR.internal, `container veth name provided (${ifname}) already exists`);
  let hostName = '';
  for (let i = 0; i < 32; i++) {
    hostName = `veth${k.rng.hex(4)}`;
    if (!hostNs.devByName(hostName)) break;
  }
  const host = hostNs.linkAdd({ name: hostName, kind: 'veth', peerName: ifname, peerNs: contNs, mtu });
  // netlink creates the pair without a transmit queue length (ip shows no `qlen`).
  const cont = contNs.linkGet(ifname)!.dev;
  hostNs.linkChange(host, { txqlen: 0 });
  contNs.linkChange(cont, { txqlen: 0 });
  hostNs.setUp(host, true);
  return { host, cont };
}

const ip4 = (s: string): number => parseCidr(`${s}/32`)!.ip;

/** ipam.ConfigureIface: link up, the result's addresses, then its routes (gateway defaulting to the address's). */
export function configureIface(ns: NetNs, dev: NetDevice, result: CniResult): void {
  ns.setUp(dev, true);
  for (const ip of result.ips ?? []) {
    const c = parseCidr(ip.address);
    if (c) ns.addrAdd(dev, { local: c.ip, prefixlen: c.len, broadcast: 'auto' });
  }
  const gw0 = result.ips?.find((x) => x.gateway && !x.address.includes(':'))?.gateway;
  for (const r of result.routes ?? []) {
    const d = parseCidr(r.dst);
    if (!d) continue;
    const gw = r.gw ?? gw0;
    ns.routeAdd(
      { table: 254, type: 'unicast', dst: netOf(d.ip, d.len), dstLen: d.len, tos: 0, metric: 0, protocol: 'boot', scope: gw ? SCOPE.universe : SCOPE.link, onlink: false, gateway: gw ? ip4(gw) : undefined, dev },
      { create: true, excl: true, replace: false },
    );
  }
}

/** ip.DelLinkByNameAddr: remove the container interface, returning its IPv4 networks (for ipMasq teardown). */
export function delLinkByName(ns: NetNs, ifname: string): { ip: number; len: number }[] {
  const dev = ns.devByName(ifname);
  if (!dev) return [];
  const nets = ns.addrDump(dev).map((a) => ({ ip: a.local, len: a.prefixlen }));
  ns.linkDel(dev);
  return nets;
}

/** ip.SetupIPMasq: a CNI-<hash> nat chain accepting the network and masquerading the rest, entered from POSTROUTING for the address. */
export async function setupIpMasq(p: Process, addr: { ip: number; len: number }, netName: string, id: string): Promise<void> {
  const chain = cniChainName(netName, id, '');
  const comment = cniComment(netName, id);
  await iptables(p, ['-t', 'nat', '-N', chain]);
  const rules: string[][] = [
    [chain, '-d', `${fmtIp4(netOf(addr.ip, addr.len))}/${addr.len}`, '-j', 'ACCEPT', '-m', 'comment', '--comment', comment],
    [chain, '!', '-d', '224.0.0.0/4', '-j', 'MASQUERADE', '-m', 'comment', '--comment', comment],
    ['POSTROUTING', '-s', fmtIp4(addr.ip), '-j', chain, '-m', 'comment', '--comment', comment],
  ];
  for (const r of rules) {
    if ((await iptables(p, ['-t', 'nat', '-C', ...r])).code !== 0) {
      const res = await iptables(p, ['-t', 'nat', '-A', ...r]);
      if (res.code !== 0) throw new CniError(ERR.internal, `failed to setup IP masquerade: ${res.err.trim()}`);
    }
  }
}

/** ip.TeardownIPMasq: the POSTROUTING rule, then the chain. */
export async function teardownIpMasq(p: Process, addr: { ip: number; len: number }, netName: string, id: string): Promise<void> {
  const chain = cniChainName(netName, id, '');
  const comment = cniComment(netName, id);
  await iptables(p, ['-t', 'nat', '-D', 'POSTROUTING', '-s', fmtIp4(addr.ip), '-j', chain, '-m', 'comment', '--comment', comment]);
  await iptables(p, ['-t', 'nat', '-F', chain]);
  await iptables(p, ['-t', 'nat', '-X', chain]);
}
