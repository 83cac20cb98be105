// The bridge plugin (plugins/main/bridge, containernetworking/plugins 1.1):
// make sure bridge `bridge` (default cni0) exists and is up, create a veth
// pair with the container end named CNI_IFNAME inside CNI_NETNS and the host
// end (vethXXXXXXXX) enslaved to the bridge; with an `ipam` section get
// addresses from the IPAM plugin it delegates to and configure them, and when
// isGateway give the bridge the gateway address and turn on IP forwarding;
// ipMasq adds the CNI-<hash> masquerade chain. Without `ipam` the plugin
// works at layer 2 only.
//
//   container netns             host
//   ┌──────────────┐        ┌───────────────────────────┐
//   │ eth0 10.x.y.z├────────┤vethXXXX ─ cni0 (gateway)  │
//   └──────────────┘  veth  └───────────────────────────┘

import type { Process } from '../../../kernel/proc.ts';
import type { NetNs } from '../../../kernel/netns.ts';
import type { NetDevice } from '../../../kernel/netdev.ts';
import { IFF } from '../../../kernel/netdev.ts';
import { fmtIp4, netOf } from '../../../kernel/addr.ts';
import { kernelOf, nsOf } from '../../lib/sys.ts';
import { CniError, ERR, checkFieldTypes, refuseUnmodelled, delegate, getNs, openNetnsPath, parseCidr, pluginMain, type CmdArgs, type CniResult, type CniRoute } from './skel.ts';
import { configureIface, delLinkByName, setupIpMasq, setupVeth, teardownIpMasq } from './netlink.ts';

interface BridgeConf {
  bridge?: string;
  isGateway?: boolean;
  isDefaultGateway?: boolean;
  forceAddress?: boolean;
  ipMasq?: boolean;
  hairpinMode?: boolean;
  promiscMode?: boolean;
  mtu?: number;
}

/** loadNetConf: field types, defaults and the one combination the plugin refuses. */
function loadNetConf(a: CmdArgs): BridgeConf & { name: string; ipamType: string } {
  const c = a.conf as BridgeConf & typeof a.conf;
  checkFieldTypes(c, { bridge: 'string', isGateway: 'bool', isDefaultGateway: 'bool', forceAddress: 'bool', ipMasq: 'bool', mtu: 'int', hairpinMode: 'bool', promiscMode: 'bool' });
  if (c.hairpinMode && c.promiscMode) throw new CniError(ERR.internal, 'cannot set hairpin mode and promiscuous mode at the same time.');
  refuseUnmodelled('bridge', c, ['vlan', 'macspoofchk', 'enabledad', 'preserveDefaultVlan', 'vlanTrunk']);
  return { ...c, bridge: c.bridge || 'cni0', isGateway: !!(c.isGateway || c.isDefaultGateway), name: a.conf.name ?? '', ipamType: (a.conf.ipam?.type as string | undefined) ?? '' };
}

/** ensureBridge: create the bridge (with the config's MTU) or reuse it, promiscuous when asked, and up. */
function ensureBridge(hostNs: NetNs, name: string, mtu: number | undefined, promisc: boolean): NetDevice {
  const l = hostNs.linkGet(name);
  if (l && l.linkinfo?.kind !== 'bridge') throw new CniError(ERR.internal, `failed to create bridge "${name}": "${name}" already exists but is not a bridge`);
  const br = l ? l.dev : hostNs.linkAdd({ name, kind: 'bridge', mtu });
  if (promisc) hostNs.linkChange(br, { promisc: true });
  if (!(hostNs.linkMsg(br).flags & IFF.UP)) hostNs.setUp(br, true);
  return br;
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const conf = loadNetConf(a);
  const hostNs = nsOf(p);
  const br = ensureBridge(hostNs, conf.bridge!, conf.mtu, !!conf.promiscMode);
  const brMacAtSetup = hostNs.linkMsg(br).address;
  const contNs = openNetnsPath(k, a.netns);
  const { host: hostVeth, cont: contVeth } = setupVeth(p, hostNs, contNs, a.ifname, conf.mtu);
  hostNs.setMaster(hostVeth, br);
  if (conf.hairpinMode) hostNs.linkChange(hostVeth, { brport: { hairpin: true } });
  const result: CniResult = {
    interfaces: [{ name: br.name }, { name: hostVeth.name, mac: hostNs.linkMsg(hostVeth).address }, { name: contVeth.name, mac: contNs.linkMsg(contVeth).address, sandbox: a.netns }],
  };
  if (conf.ipamType) {
    const ipamResult = (await delegate(p, conf.ipamType, 'ADD', a.stdin))!;
    try {
      if (!ipamResult.ips?.length) throw new CniError(ERR.internal, 'IPAM plugin returned missing IP config');
      result.ips = ipamResult.ips.map((ip) => ({ interface: 2, address: ip.address, ...(ip.gateway ? { gateway: ip.gateway } : {}) }));
      const routes: CniRoute[] = [...(ipamResult.routes ?? [])];
      if (conf.isDefaultGateway) {
        const gw = ipamResult.ips.find((ip) => ip.gateway && !ip.address.includes(':'))?.gateway;
        if (gw) routes.push({ dst: '0.0.0.0/0', gw });
      }
      if (routes.length) result.routes = routes;
      configureIface(contNs, contVeth, result);
      if (conf.isGateway) {
        for (const ip of result.ips) {
          if (!ip.gateway || ip.address.includes(':')) continue;
          const c = parseCidr(ip.address)!;
          const g = parseCidr(`${ip.gateway}/32`)!.ip;
          const brAddrs = hostNs.addrDump(br);
          const mine = brAddrs.filter((x) => x.local !== g || x.prefixlen !== c.len);
          if (brAddrs.some((x) => x.local === g && x.prefixlen === c.len)) continue;
          if (mine.length && !conf.forceAddress) throw new CniError(ERR.internal, `failed to set bridge addr: "${br.name}" already has an IP address different from ${ip.gateway}/${c.len}`);
          hostNs.addrAdd(br, { local: g, prefixlen: c.len, broadcast: 'auto' });
        }
        // The bridge keeps the address it had when set up instead of the lowest port's.
        hostNs.setAddress(br, brMacAtSetup);
        hostNs.setIpForward(true);
      }
      if (conf.ipMasq) {
        for (const ip of result.ips) {
          const c = parseCidr(ip.address);
          if (c) await setupIpMasq(p, c, conf.name, a.containerId);
        }
      }
    } catch (e) {
      await delegate(p, conf.ipamType, 'DEL', a.stdin).catch(() => undefined);
      throw e;
    }
  } else {
    // Layer 2 only: the container side comes up without addresses.
    contNs.setUp(contVeth, true);
  }
  result.interfaces![0].mac = hostNs.linkMsg(br).address;
  result.dns = {};
  return result;
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const conf = loadNetConf(a);
  if (conf.ipamType) await delegate(p, conf.ipamType, 'DEL', a.stdin);
  if (!a.netns) return;
  let contNs: NetNs;
  try {
    contNs = getNs(k, a.netns);
  } catch {
    return; // the namespace is already gone: nothing to undo
  }
  const nets = delLinkByName(contNs, a.ifname);
  if (conf.ipMasq) for (const n of nets) await teardownIpMasq(p, n, conf.name, a.containerId);
}

/** Go's %+v of a types.Route, as ValidateExpectedRoute reports a missing one. */
function goRoute(r: CniRoute): string {
  const d = parseCidr(r.dst);
  const mask = d ? (d.len === 0 ? 0 : (0xffffffff << (32 - d.len)) >>> 0).toString(16).padStart(8, '0') : '';
  const ip = d ? fmtIp4(d.ip) : '<nil>';
  return `{Dst:{IP:${ip} Mask:${mask}} GW:${r.gw ?? '<nil>'}}`;
}

async function check(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const conf = loadNetConf(a);
  if (conf.ipamType) await delegate(p, conf.ipamType, 'CHECK', a.stdin);
  const prev = a.conf.prevResult;
  if (!prev) throw new CniError(ERR.internal, 'Required prevResult missing');
  // The bridge and the container interface as the previous result names them.
  const brIntf = (prev.interfaces ?? []).find((i) => i.name === conf.bridge);
  if (!brIntf) throw new CniError(ERR.internal, 'Interface name missing ');
  const contIntf = (prev.interfaces ?? []).find((i) => i.sandbox === a.netns && i.name === a.ifname);
  if (!contIntf) throw new CniError(ERR.internal, `Sandbox in prevResult ${a.netns} doesn't match configured netns: ${a.netns}`);
  const contNs = openNetnsPath(k, a.netns);
  const dev = contNs.devByName(a.ifname);
  if (!dev) throw new CniError(ERR.internal, `Error: Container Interface name in prevResult: ${a.ifname} not found`);
  for (const ip of prev.ips ?? []) {
    const c = parseCidr(ip.address);
    if (c && !contNs.addrDump(dev).some((x) => x.local === c.ip && x.prefixlen === c.len)) throw new CniError(ERR.internal, `Failed to match addr ${ip.address} on interface ${a.ifname}`);
  }
  for (const r of (prev.routes ?? []) as CniRoute[]) {
    const d = parseCidr(r.dst);
    const gw = r.gw ? parseCidr(`${r.gw}/32`)?.ip : undefined;
    const found = d && contNs.routeDump(254).some((x) => x.dst === netOf(d.ip, d.len) && x.dstLen === d.len && (gw === undefined || x.gateway === gw));
    if (!found) throw new CniError(ERR.internal, `Expected Route ${goRoute(r)} not found in routing table`);
  }
  const br = nsOf(p).linkGet(conf.bridge!);
  if (!br || br.linkinfo?.kind !== 'bridge') throw new CniError(ERR.internal, `Error: Bridge ${conf.bridge} not found`);
}

/** Run bridge under the CNI protocol. */
export function bridgeMain(p: Process): Promise<number> {
  return pluginMain(p, 'bridge', { add, del, check });
}
