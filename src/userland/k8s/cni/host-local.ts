// The host-local IPAM plugin: allocates addresses from `ranges` (or the
// legacy `subnet`) and records each lease as a file
// /var/lib/cni/networks/NAME/IP holding "CONTAINERID\r\nIFNAME", plus
// last_reserved_ip.N so allocation continues round-robin after the last
// address handed out (plugins/ipam/host-local/backend/{allocator,disk}).

import type { Process } from '../../../kernel/proc.ts';
import { fmtIp4, netOf, bcastOf } from '../../../kernel/addr.ts';
import { kernelOf } from '../../lib/sys.ts';
import { CniError, ERR, parseCidr, pluginMain, type CmdArgs, type CniResult, type CniRoute } from './skel.ts';

/** One allocation range after defaults were filled in (allocator.Range.Canonicalize). */
export interface IpRange {
  subnet: { ip: number; len: number };
  start: number;
  end: number;
  gateway: number;
}

/** The ranges of an ipam config, canonicalized. Throws CniError(7) on bad input. */
export function rangesOf(ipam: Record<string, unknown>): IpRange[][] {
  let sets = ipam.ranges as Record<string, string>[][] | undefined;
  if (!sets && typeof ipam.subnet === 'string') {
    sets = [[{ subnet: ipam.subnet, rangeStart: ipam.rangeStart as string, rangeEnd: ipam.rangeEnd as string, gateway: ipam.gateway as string }]];
  }
  if (!sets || !sets.length) throw new CniError(ERR.invalidConfig, 'no IP ranges specified');
  return sets.map((set) =>
    set.map((r) => {
      const sn = parseCidr(r.subnet ?? '');
      if (!sn) throw new CniError(ERR.invalidConfig, `invalid CIDR address: ${r.subnet}`);
      if (sn.len > 30) throw new CniError(ERR.invalidConfig, `Network ${r.subnet} too small to allocate from`);
      const net = netOf(sn.ip, sn.len);
      const ip4 = (s: string | undefined, dflt: number): number => {
        if (!s) return dflt;
        const c = parseCidr(`${s}/32`);
        if (!c) throw new CniError(ERR.invalidConfig, `invalid IP ${s}`);
        return c.ip;
      };
      return { subnet: { ip: net, len: sn.len }, start: ip4(r.rangeStart, net + 1), end: ip4(r.rangeEnd, bcastOf(net, sn.len) - 1), gateway: ip4(r.gateway, net + 1) };
    }),
  );
}

/** Range.String(): `start-end`, joined by "," for a set. */
export function rangeSetString(set: IpRange[]): string {
  return set.map((r) => `${fmtIp4(r.start)}-${fmtIp4(r.end)}`).join(',');
}

const LINE_BREAK = '\r\n';

function dataDir(a: CmdArgs): string {
  const ipam = a.conf.ipam ?? {};
  return `${(ipam.dataDir as string) || '/var/lib/cni/networks'}/${a.conf.name}`;
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const ipam = a.conf.ipam ?? {};
  const sets = rangesOf(ipam);
  const dir = dataDir(a);
  k.vfs.mkdir(dir, {}, true);
  const ips: CniResult['ips'] = [];
  const id = a.containerId.trim();
  for (let si = 0; si < sets.length; si++) {
    const set = sets[si];
    // Already allocated to this container and interface? (duplicate allocation is refused)
    for (const name of k.vfs.readdir(dir)) {
      if (name.startsWith('last_reserved_ip') || name === 'lock') continue;
      const data = k.vfs.readFile(`${dir}/${name}`);
      if (data === id + LINE_BREAK + a.ifname) {
        throw new CniError(999, `${name} has been allocated to ${id}, duplicate allocation is not allowed`);
      }
    }
    const lastFile = `${dir}/last_reserved_ip.${si}`;
    const last = k.vfs.tryLookup(lastFile) ? parseCidr(`${k.vfs.readFile(lastFile).trim()}/32`)?.ip : undefined;
    // The iterator: every address of every range, starting after the last reserved one.
    const all: { ip: number; r: IpRange }[] = [];
    for (const r of set) for (let ip = r.start; ip <= r.end && all.length < 1 << 20; ip++) all.push({ ip, r });
    let startAt = 0;
    if (last !== undefined) {
      const i = all.findIndex((x) => x.ip === last);
      if (i >= 0) startAt = i + 1;
    }
    let chosen: { ip: number; r: IpRange } | undefined;
    for (let n = 0; n < all.length; n++) {
      const c = all[(startAt + n) % all.length];
      if (c.ip === c.r.gateway) continue;
      if (k.vfs.tryLookup(`${dir}/${fmtIp4(c.ip)}`)) continue;
      chosen = c;
      break;
    }
    if (!chosen) throw new CniError(999, `failed to allocate for range ${si}: no IP addresses available in range set: ${rangeSetString(set)}`);
    k.vfs.putFile(`${dir}/${fmtIp4(chosen.ip)}`, id + LINE_BREAK + a.ifname);
    k.vfs.putFile(lastFile, fmtIp4(chosen.ip));
    ips.push({ address: `${fmtIp4(chosen.ip)}/${chosen.r.subnet.len}`, gateway: fmtIp4(chosen.r.gateway) });
  }
  const routes = (ipam.routes as CniRoute[] | undefined) ?? [];
  const out: CniResult = { ips };
  if (routes.length) out.routes = routes;
  out.dns = (a.conf.dns as CniResult['dns']) ?? {};
  return out;
}

function del(p: Process, a: CmdArgs): void {
  const k = kernelOf(p);
  const dir = dataDir(a);
  if (!k.vfs.tryLookup(dir)) return;
  const match = a.containerId.trim() + LINE_BREAK + a.ifname;
  for (const name of k.vfs.readdir(dir)) {
    if (name.startsWith('last_reserved_ip') || name === 'lock') continue;
    if (k.vfs.readFile(`${dir}/${name}`).trim() === match.trim()) k.vfs.unlink(`${dir}/${name}`);
  }
}

function check(p: Process, a: CmdArgs): void {
  const k = kernelOf(p);
  const dir = dataDir(a);
  const match = a.containerId.trim() + LINE_BREAK + a.ifname;
  const found = k.vfs.tryLookup(dir) && k.vfs.readdir(dir).some((n) => !n.startsWith('last_reserved_ip') && k.vfs.readFile(`${dir}/${n}`) === match);
  if (!found) throw new CniError(999, `host-local: Failed to find address added by container ${a.containerId}`);
}

/** Run host-local under the CNI protocol. */
export function hostLocalMain(p: Process): Promise<number> {
  return pluginMain(p, 'host-local', { add, del, check });
}
