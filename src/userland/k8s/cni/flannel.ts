// The flannel CNI plugin (flannel-io/cni-plugin): reads the node's lease
// from /run/flannel/subnet.env (written by flanneld) and delegates to the
// bridge plugin with host-local IPAM over the node's pod subnet — so every
// node hands out addresses from its own /24 and pod IPs are unique across
// the cluster. The delegate config is kept in /var/lib/cni/flannel/ID for
// DEL, as the real plugin does.

import type { Process } from '../../../kernel/proc.ts';
import { kernelOf } from '../../lib/sys.ts';
import { fmtIp4, netOf } from '../../../kernel/addr.ts';
import { CniError, delegate, parseCidr, pluginMain, type CmdArgs, type CniResult } from './skel.ts';

/** Parse subnet.env (KEY=VALUE lines). */
export function parseSubnetEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

async function add(p: Process, a: CmdArgs): Promise<CniResult> {
  const k = kernelOf(p);
  const conf = a.conf as Record<string, unknown>;
  const envFile = (conf.subnetFile as string) || '/run/flannel/subnet.env';
  if (!k.vfs.tryLookup(envFile)) throw new CniError(999, `failed to load flannel 'subnet.env' file: open ${envFile}: no such file or directory. Check the flannel pod log for this node.`);
  const env = parseSubnetEnv(k.vfs.readFile(envFile));
  // FLANNEL_SUBNET is the bridge's address (10.244.1.1/24); host-local gets the network (10.244.1.0/24),
  // as the plugin's README in containernetworking/plugins (plugins/meta/flannel) shows.
  const sn = parseCidr(env.FLANNEL_SUBNET ?? '');
  const subnet = sn ? `${fmtIp4(netOf(sn.ip, sn.len))}/${sn.len}` : env.FLANNEL_SUBNET;
  const d = (conf.delegate as Record<string, unknown>) ?? {};
  const deleg = {
    cniVersion: a.conf.cniVersion,
    name: a.conf.name,
    type: 'bridge',
    bridge: (d.bridge as string) ?? 'cni0',
    hairpinMode: d.hairpinMode ?? true,
    isDefaultGateway: true,
    ipMasq: env.FLANNEL_IPMASQ !== 'true',
    mtu: Number(env.FLANNEL_MTU) || 1450,
    ipam: { type: 'host-local', ranges: [[{ subnet }]], routes: [{ dst: env.FLANNEL_NETWORK }] },
  };
  if (deleg.ipMasq === false) delete (deleg as Record<string, unknown>).ipMasq;
  const text = JSON.stringify(deleg);
  k.vfs.mkdir('/var/lib/cni/flannel', {}, true);
  k.vfs.putFile(`/var/lib/cni/flannel/${a.containerId}`, text);
  return (await delegate(p, 'bridge', 'ADD', text))!;
}

async function del(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const f = `/var/lib/cni/flannel/${a.containerId}`;
  if (!k.vfs.tryLookup(f)) return;
  await delegate(p, 'bridge', 'DEL', k.vfs.readFile(f));
  k.vfs.unlink(f);
}

async function check(p: Process, a: CmdArgs): Promise<void> {
  const k = kernelOf(p);
  const f = `/var/lib/cni/flannel/${a.containerId}`;
  if (!k.vfs.tryLookup(f)) throw new CniError(3, `no delegate config for ${a.containerId}`);
  const deleg = JSON.parse(k.vfs.readFile(f)) as Record<string, unknown>;
  await delegate(p, 'bridge', 'CHECK', JSON.stringify({ ...deleg, prevResult: a.conf.prevResult }));
}

/** Run flannel under the CNI protocol. */
export function flannelMain(p: Process): Promise<number> {
  return pluginMain(p, 'flannel', { add, del, check });
}
