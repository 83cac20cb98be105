// The portmap plugin (plugins/meta/portmap), chained after the main plugin:
// for each runtimeConfig.portMappings entry it adds DNAT rules
// (CNI-HOSTPORT-DNAT → CNI-DN-<hash> → DNAT to the container address) by
// running iptables, and passes prevResult through unchanged.

import type { Process } from '../../../kernel/proc.ts';
import { StringOut } from '../../../kernel/proc.ts';
import { CniError, ERR, pluginMain, type CmdArgs, type CniResult } from './skel.ts';
import { sha512hex } from '../../../k8s/sha512.ts';

interface PortMapping {
  hostPort: number;
  containerPort: number;
  protocol?: string;
  hostIP?: string;
}

/** utils.MustFormatChainNameWithPrefix(name, id, prefix): "CNI-"+prefix+sha512(name+id) hex, cut to 28 characters. */
export function cniChainName(name: string, id: string, prefix: string): string {
  return (`CNI-${prefix}` + sha512hex(name + id)).slice(0, 28);
}

/** The iptables commands portmap runs for ADD (nat table). */
export function portmapCommands(netName: string, containerId: string, containerIp: string, maps: PortMapping[]): string[][] {
  const chain = cniChainName(netName, containerId, 'DN-');
  const comment = `dnat name: "${netName}" id: "${containerId}"`;
  const cmds: string[][] = [
    ['-t', 'nat', '-N', 'CNI-HOSTPORT-DNAT'],
    ['-t', 'nat', '-N', chain],
    ['-t', 'nat', '-A', 'CNI-HOSTPORT-DNAT', '-p', 'tcp', '-m', 'comment', '--comment', comment, '-m', 'multiport', '--destination-ports', maps.map((m) => m.hostPort).join(','), '-j', chain],
  ];
  for (const m of maps) {
    const proto = (m.protocol ?? 'tcp').toLowerCase();
    cmds.push(['-t', 'nat', '-A', chain, '-p', proto, '--dport', String(m.hostPort), '-j', 'DNAT', '--to-destination', `${containerIp}:${m.containerPort}`]);
  }
  cmds.push(['-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'CNI-HOSTPORT-DNAT']);
  cmds.push(['-t', 'nat', '-A', 'OUTPUT', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'CNI-HOSTPORT-DNAT']);
  return cmds;
}

async function iptables(p: Process, args: string[]): Promise<number> {
  const err = new StringOut();
  return p.exec(p, ['iptables', '-w', ...args], { stdout: new StringOut(), stderr: err }).catch(() => 127);
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const prev = a.conf.prevResult;
  if (!prev) throw new CniError(ERR.invalidConfig, 'must be called as chained plugin');
  const maps = ((a.conf.runtimeConfig?.portMappings as PortMapping[] | undefined) ?? []).filter((m) => m.hostPort > 0);
  if (!maps.length) return prev;
  const ip = prev.ips?.find((x) => x.address.includes('.'))?.address.split('/')[0];
  if (!ip) return prev;
  for (const c of portmapCommands(a.conf.name ?? '', a.containerId, ip, maps)) await iptables(p, c);
  return prev;
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const chain = cniChainName(a.conf.name ?? '', a.containerId, 'DN-');
  await iptables(p, ['-t', 'nat', '-F', chain]);
  await iptables(p, ['-t', 'nat', '-X', chain]);
}

/** Run portmap under the CNI protocol. */
export function portmapMain(p: Process): Promise<number> {
  return pluginMain(p, 'portmap', { add, del, check: () => undefined });
}
