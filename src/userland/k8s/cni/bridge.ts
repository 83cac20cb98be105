// The bridge plugin (plugins/main/bridge): make sure bridge `bridge`
// (default cni0) exists and is up, create a veth pair with the container end
// named CNI_IFNAME inside CNI_NETNS and the host end (vethXXXXXXXX) enslaved
// to the bridge, get addresses from the IPAM plugin it delegates to, put
// them and the routes in the container, and when isGateway give the bridge
// the gateway address and turn on IP forwarding.
//
//   container netns             host
//   ┌──────────────┐        ┌───────────────────────────┐
//   │ eth0 10.x.y.z├────────┤vethXXXX ─ cni0 (gateway)  │
//   └──────────────┘  veth  └───────────────────────────┘

import type { Process } from '../../../kernel/proc.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import type { NetDevice } from '../../../kernel/netdev.ts';
import { fmtIp4, netOf } from '../../../kernel/addr.ts';
import { kernelOf, nsOf } from '../../lib/sys.ts';
import { CniError, ERR, delegate, openNetnsPath, parseCidr, pluginMain, type CmdArgs, type CniResult, type CniRoute } from './skel.ts';

interface BridgeConf {
  bridge?: string;
  isGateway?: boolean;
  isDefaultGateway?: boolean;
  ipMasq?: boolean;
  hairpinMode?: boolean;
  mtu?: number;
}

function ensureBridge(hostNs: NetNs, name: string, mtu?: number): NetDevice {
  let br = hostNs.devByName(name);
  if (br && br.kind !== 'bridge') throw new CniError(999, `failed to create bridge "${name}": could not add "${name}": ${name} already exists but is not a bridge`);
  if (!br) br = hostNs.linkAdd({ name, kind: 'bridge', mtu });
  if (!br.adminUp) hostNs.setUp(br, true);
  return br;
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const conf = a.conf as BridgeConf & typeof a.conf;
  const hostNs = k.initNs === nsOf(p) ? nsOf(p) : nsOf(p);
  const brName = conf.bridge || 'cni0';
  const isGateway = !!(conf.isGateway || conf.isDefaultGateway);
  if (!conf.ipam?.type) throw new CniError(ERR.invalidConfig, 'missing IPAM type');
  const contNs = openNetnsPath(k, a.netns);
  if (contNs.devByName(a.ifname)) throw new CniError(999, `container veth name ("${a.ifname}") peer provided ("") already exists`);
  const br = ensureBridge(hostNs, brName, conf.mtu);
  // ip.SetupVeth: a random host-side name, the container side created in the netns.
  let hostName = '';
  for (let i = 0; i < 32; i++) {
    hostName = `veth${k.rng.hex(4)}`;
    if (!hostNs.devByName(hostName)) break;
  }
  const hostVeth = hostNs.linkAdd({ name: hostName, kind: 'veth', peerName: a.ifname, peerNs: contNs, mtu: conf.mtu });
  const contVeth = hostVeth.peer!;
  hostNs.setMaster(hostVeth, br);
  if (conf.hairpinMode && hostVeth.port) hostVeth.port.hairpin = true;
  hostNs.setUp(hostVeth, true);
  // IPAM
  let ipamResult: CniResult;
  try {
    ipamResult = (await delegate(p, conf.ipam.type, 'ADD', a.stdin))!;
  } catch (e) {
    hostNs.linkDel(hostVeth);
    throw e;
  }
  if (!ipamResult.ips?.length) throw new CniError(999, 'IPAM plugin returned missing IP config');
  const result: CniResult = {
    interfaces: [
      { name: br.name, mac: br.mac },
      { name: hostVeth.name, mac: hostVeth.mac },
      { name: contVeth.name, mac: contVeth.mac, sandbox: a.netns },
    ],
    ips: ipamResult.ips.map((ip) => ({ interface: 2, address: ip.address, ...(ip.gateway ? { gateway: ip.gateway } : {}) })),
    routes: [...(ipamResult.routes ?? [])],
    dns: ipamResult.dns ?? {},
  };
  if (conf.isDefaultGateway && !result.routes!.some((r) => r.dst === '0.0.0.0/0')) result.routes!.push({ dst: '0.0.0.0/0', gw: ipamResult.ips[0].gateway });
  // ipam.ConfigureIface: addresses and routes in the container.
  contNs.setUp(contNs.lo, true);
  contNs.setUp(contVeth, true);
  for (const ip of result.ips!) {
    const c = parseCidr(ip.address)!;
    contNs.addrAdd(contVeth, { local: c.ip, prefixlen: c.len, broadcast: 'auto' });
  }
  const gw0 = result.ips![0].gateway;
  for (const r of result.routes!) {
    const d = parseCidr(r.dst);
    if (!d) continue;
    const gw = r.gw ?? gw0;
    const g = gw ? parseCidr(`${gw}/32`)!.ip : undefined;
    contNs.routeAdd(
      { table: 254, type: 'unicast', dst: netOf(d.ip, d.len), dstLen: d.len, tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: g, dev: contVeth },
      { create: true, excl: true, replace: false },
    );
  }
  if (isGateway) {
    for (const ip of result.ips!) {
      if (!ip.gateway) continue;
      const c = parseCidr(ip.address)!;
      const g = parseCidr(`${ip.gateway}/32`)!.ip;
      if (!br.inet.some((x) => x.local === g)) hostNs.addrAdd(br, { local: g, prefixlen: c.len, broadcast: 'auto' });
    }
    // ip.EnableForward
    hostNs.setIpForward(true);
  }
  if (conf.ipMasq) {
    p.stderr.write('bridge: ipMasq: the simulated plugin leaves masquerading to the node (iptables -t nat -A POSTROUTING ...)\n');
  }
  return result;
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const conf = a.conf;
  if (conf.ipam?.type) await delegate(p, conf.ipam.type, 'DEL', a.stdin);
  if (!a.netns) return;
  const node = k.vfs.tryLookup(a.netns);
  if (!node || node.kind !== 'nsfs') return;
  const contNs = node.ns as NetNs;
  const dev = contNs.devByName(a.ifname);
  if (dev) contNs.linkDel(dev);
}

function check(p: Process, a: CmdArgs): void {
  const k = kernelOf(p);
  const prev = a.conf.prevResult;
  if (!prev) throw new CniError(ERR.invalidConfig, 'Required prevResult missing');
  const contNs = openNetnsPath(k, a.netns);
  const dev = contNs.devByName(a.ifname);
  if (!dev) throw new CniError(999, `Error: Container Interface name in prevResult: ${a.ifname} not found`);
  for (const ip of prev.ips ?? []) {
    const c = parseCidr(ip.address);
    if (c && !dev.inet.some((x) => x.local === c.ip && x.prefixlen === c.len)) throw new CniError(999, `${a.ifname}: Failed to match addr ${ip.address} on interface`);
  }
  const brName = (a.conf as BridgeConf).bridge || 'cni0';
  if (!nsOf(p).devByName(brName)) throw new CniError(999, `error: bridge ${brName} not found`);
  for (const r of (prev.routes ?? []) as CniRoute[]) {
    const d = parseCidr(r.dst);
    if (d && !contNs.fib.table(254).some((x) => x.dst === netOf(d.ip, d.len) && x.dstLen === d.len)) {
      throw new CniError(999, `Failed to match route: ${r.dst} via ${r.gw ?? prev.ips?.[0]?.gateway ?? ''} in ${fmtIp4(0)}`.replace(/ in 0\.0\.0\.0$/, ''));
    }
  }
}

/** Run bridge under the CNI protocol. */
export function bridgeMain(p: Process): Promise<number> {
  return pluginMain(p, 'bridge', { add, del, check });
}
