// The host-local IPAM plugin: allocates addresses from `ranges` (or the
// legacy `subnet`) and records each lease as a file
// /var/lib/cni/networks/NAME/IP holding "CONTAINERID\r\nIFNAME", plus
// last_reserved_ip.N so allocation continues round-robin after the last
// address handed out (plugins/ipam/host-local/backend/{allocator,disk}).

import type { Process } from '../../../kernel/proc.ts';
import { fmtIp4, netOf, bcastOf } from '../../../kernel/addr.ts';
import { kernelOf } from '../../lib/sys.ts';
import { CniError, ERR, loadArgs, parseCidr, pluginMain, type CmdArgs, type CniResult, type CniRoute } from './skel.ts';

/** One allocation range after defaults were filled in (allocator.Range.Canonicalize). */
export interface IpRange {
  subnet: { ip: number; len: number };
  start: number;
  end: number;
  gateway: number;
}

const cidrText = (ip: number, len: number): string => `${fmtIp4(ip)}/${len}`;

function parseIpOpt(s: unknown): number | undefined {
  if (typeof s !== 'string' || s === '') return undefined;
  const c = parseCidr(`${s}/32`);
  if (!c) throw new CniError(ERR.internal, `invalid IP address: ${s}`);
  return c.ip;
}

/** The ranges of an ipam config, canonicalized and validated as host-local 1.1 does. */
export function rangesOf(ipam: Record<string, unknown>): IpRange[][] {
  let sets = ipam.ranges as Record<string, unknown>[][] | undefined;
  if (ipam.subnet !== undefined && ipam.subnet !== '') {
    // The legacy single-subnet form becomes range set 0.
    sets = [[{ subnet: ipam.subnet, rangeStart: ipam.rangeStart, rangeEnd: ipam.rangeEnd, gateway: ipam.gateway }], ...(sets ?? [])];
  }
  if (!Array.isArray(sets) || !sets.length) throw new CniError(ERR.internal, 'no IP ranges specified');
  // Decoding: every subnet must be a CIDR.
  for (const set of sets) {
    for (const r of set) {
      if (typeof r.subnet === 'string' && r.subnet.includes(':')) throw new CniError(ERR.unsupportedField, `host-local: the IPv6 range ${r.subnet} is not simulated`);
      if (!parseCidr(String(r.subnet ?? ''))) throw new CniError(ERR.internal, `invalid CIDR address: ${String(r.subnet ?? '')}`);
    }
  }
  const out = sets.map((set, si) =>
    set.map((r) => {
      const sn = parseCidr(String(r.subnet))!;
      const wrap = (msg: string): never => {
        throw new CniError(ERR.internal, `invalid range set ${si}: ${msg}`);
      };
      const net = netOf(sn.ip, sn.len);
      if (sn.len > 30) wrap(`Network ${cidrText(net, sn.len)} too small to allocate from`);
      if (net !== sn.ip) wrap(`Network has host bits set. For a subnet mask of length ${sn.len} the network address is ${fmtIp4(net)}`);
      const gateway = parseIpOpt(r.gateway) ?? net + 1;
      const lo = net + 1;
      const hi = bcastOf(net, sn.len) - 1;
      const start = parseIpOpt(r.rangeStart);
      const end = parseIpOpt(r.rangeEnd);
      const endV = end ?? hi;
      if (start !== undefined && (start < lo || start > hi || start > endV)) wrap(`RangeStart ${fmtIp4(start)} not in network ${cidrText(net, sn.len)}`);
      const startV = start ?? lo;
      if (end !== undefined && (end < lo || end > hi || end < startV)) wrap(`RangeEnd ${fmtIp4(end)} not in network ${cidrText(net, sn.len)}`);
      return { subnet: { ip: net, len: sn.len }, start: startV, end: endV, gateway };
    }),
  );
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      if (out[i].some((a) => out[j].some((b) => a.start <= b.end && b.start <= a.end))) throw new CniError(ERR.internal, `range set ${i} overlaps with ${j}`);
    }
  }
  return out;
}

/** Range.String(): `start-end`, joined by "," for a set. */
export function rangeSetString(set: IpRange[]): string {
  return set.map((r) => `${fmtIp4(r.start)}-${fmtIp4(r.end)}`).join(',');
}

const LINE_BREAK = '\r\n';

function ipamOf(a: CmdArgs): Record<string, unknown> {
  const ipam = a.conf.ipam;
  if (!ipam || typeof ipam !== 'object') throw new CniError(ERR.internal, "IPAM config missing 'ipam' key");
  return ipam;
}

function dataDir(a: CmdArgs): string {
  const ipam = a.conf.ipam ?? {};
  return `${(ipam.dataDir as string) || '/var/lib/cni/networks'}/${a.conf.name}`;
}

/** disk.New: the network's directory (0755) and its empty `lock` file (0750). */
function openStore(p: Process, a: CmdArgs): string {
  const k = kernelOf(p);
  const dir = dataDir(a);
  k.vfs.mkdir(dir, {}, true);
  if (!k.vfs.tryLookup(`${dir}/lock`)) k.vfs.putFile(`${dir}/lock`, '', 0o750);
  return dir;
}

const isLease = (name: string): boolean => !name.startsWith('last_reserved_ip') && name !== 'lock';

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const ipam = ipamOf(a);
  const sets = rangesOf(ipam);
  const cniArgs = loadArgs(a.args, ['IP']);
  const requested = cniArgs.IP ? parseCidr(`${cniArgs.IP}/32`)?.ip : undefined;
  if (cniArgs.IP && requested === undefined) throw new CniError(ERR.internal, `ARGS: error parsing value of pair "IP=${cniArgs.IP}": invalid IP address`);
  const dir = openStore(p, a);
  const ips: NonNullable<CniResult['ips']> = [];
  const id = a.containerId.trim();
  const owner = id + LINE_BREAK + a.ifname;
  const taken: string[] = [];
  try {
    for (let si = 0; si < sets.length; si++) {
      const set = sets[si];
      const inSet = (ip: number): boolean => set.some((r) => ip >= r.start && ip <= r.end);
      // GetByID: this container and interface already hold an address of the set?
      for (const name of k.vfs.readdir(dir)) {
        if (!isLease(name)) continue;
        const c = parseCidr(`${name}/32`);
        if (c && inSet(c.ip) && k.vfs.readFile(`${dir}/${name}`).trim() === owner.trim()) {
          throw new CniError(ERR.internal, `failed to allocate for range ${si}: ${name} has been allocated to ${id}, duplicate allocation is not allowed`);
        }
      }
      const lastFile = `${dir}/last_reserved_ip.${si}`;
      const last = k.vfs.tryLookup(lastFile) ? parseCidr(`${k.vfs.readFile(lastFile).trim()}/32`)?.ip : undefined;
      // The iterator: every address of every range of the set, starting after the last reserved one.
      const all: { ip: number; r: IpRange }[] = [];
      for (const r of set) for (let ip = r.start; ip <= r.end && all.length < 1 << 20; ip++) all.push({ ip, r });
      let startAt = 0;
      if (last !== undefined) {
        const i = all.findIndex((x) => x.ip === last);
        if (i >= 0) startAt = i + 1;
      }
      let chosen: { ip: number; r: IpRange } | undefined;
      if (requested !== undefined) {
        // CNI_ARGS IP=: that address or nothing (for the range set holding it).
        const r = set.find((x) => requested >= x.start && requested <= x.end);
        if (!r) throw new CniError(ERR.internal, `failed to allocate for range ${si}: requested ip ${fmtIp4(requested)} is not in any range set`);
        if (k.vfs.tryLookup(`${dir}/${fmtIp4(requested)}`) || requested === r.gateway) throw new CniError(ERR.internal, `failed to allocate for range ${si}: requested IP address ${fmtIp4(requested)} is not available in range set ${rangeSetString(set)}`);
        chosen = { ip: requested, r };
      }
      for (let n = 0; !chosen && n < all.length; n++) {
        const c = all[(startAt + n) % all.length];
        if (c.ip === c.r.gateway) continue;
        if (k.vfs.tryLookup(`${dir}/${fmtIp4(c.ip)}`)) continue;
        chosen = c;
        break;
      }
      if (!chosen) throw new CniError(ERR.internal, `failed to allocate for range ${si}: no IP addresses available in range set: ${rangeSetString(set)}`);
      k.vfs.putFile(`${dir}/${fmtIp4(chosen.ip)}`, owner, 0o644);
      taken.push(`${dir}/${fmtIp4(chosen.ip)}`);
      k.vfs.putFile(lastFile, fmtIp4(chosen.ip), 0o644);
      ips.push({ address: `${fmtIp4(chosen.ip)}/${chosen.r.subnet.len}`, gateway: fmtIp4(chosen.r.gateway) });
    }
  } catch (e) {
    // Addresses of earlier range sets are released when a later one fails.
    for (const f of taken) k.vfs.unlink(f);
    throw e;
  }
  const routes = (ipam.routes as CniRoute[] | undefined) ?? [];
  const out: CniResult = { ips };
  if (routes.length) out.routes = routes;
  out.dns = {};
  return out;
}

function del(p: Process, a: CmdArgs): void {
  const k = kernelOf(p);
  ipamOf(a);
  rangesOf(ipamOf(a));
  const dir = openStore(p, a);
  const match = a.containerId.trim() + LINE_BREAK + a.ifname;
  for (const name of k.vfs.readdir(dir)) {
    if (!isLease(name)) continue;
    if (k.vfs.readFile(`${dir}/${name}`).trim() === match.trim()) k.vfs.unlink(`${dir}/${name}`);
  }
}

function check(p: Process, a: CmdArgs): void {
  const k = kernelOf(p);
  rangesOf(ipamOf(a));
  const dir = openStore(p, a);
  const match = a.containerId.trim() + LINE_BREAK + a.ifname;
  const found = k.vfs.readdir(dir).some((n) => isLease(n) && k.vfs.readFile(`${dir}/${n}`).trim() === match.trim());
  if (!found) throw new CniError(ERR.internal, `host-local: Failed to find address added by container ${a.containerId}`);
}

/** Run host-local under the CNI protocol. */
export function hostLocalMain(p: Process): Promise<number> {
  return pluginMain(p, 'host-local', { add, del, check });
}
