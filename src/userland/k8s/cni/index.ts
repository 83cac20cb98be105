// CNI plugin programs. Each is registered as `cni-TYPE` and installed as an
// executable named TYPE: on every host in /usr/lib/cni, where Debian's
// containernetworking-plugins package puts them, and on cluster nodes also in
// /opt/cni/bin, the directory the container runtime's CNI_PATH names. The
// name `bridge` on PATH belongs to iproute2's bridge(8): running
// /usr/lib/cni/bridge runs the plugin, typing `bridge` runs iproute2's tool.
// Plugins of the package the simulation does not model are installed too and
// refuse to act, saying so (skel.ts notSimulatedMain).

import type { Kernel } from '../../../kernel/kernel.ts';
import { register } from '../../registry.ts';
import { programStub } from '../../install.ts';
import { bridgeMain } from './bridge.ts';
import { hostLocalMain } from './host-local.ts';
import { loopbackMain } from './loopback.ts';
import { flannelMain } from './flannel.ts';
import { portmapMain } from './portmap.ts';
import { ptpMain } from './ptp.ts';
import { notSimulatedMain } from './skel.ts';

/** The plugins this simulator models, by CNI `type`. */
export const CNI_PLUGINS = ['bridge', 'host-local', 'loopback', 'portmap', 'ptp', 'flannel'] as const;
/** What Debian 12's containernetworking-plugins installs in /usr/lib/cni. */
export const DEBIAN_CNI_PLUGINS = ['bandwidth', 'bridge', 'dhcp', 'firewall', 'host-device', 'host-local', 'ipvlan', 'loopback', 'macvlan', 'portmap', 'ptp', 'sbr', 'static', 'tuning', 'vlan', 'vrf'] as const;

const mains: Record<string, (p: import('../../../kernel/proc.ts').Process) => Promise<number>> = { bridge: bridgeMain, 'host-local': hostLocalMain, loopback: loopbackMain, portmap: portmapMain, ptp: ptpMain, flannel: flannelMain };
for (const t of DEBIAN_CNI_PLUGINS) if (!mains[t]) mains[t] = (p) => notSimulatedMain(p, t);
for (const [type, run] of Object.entries(mains)) {
  const where = type === 'flannel' ? '/opt/cni/bin' : '/usr/lib/cni';
  register({ name: `cni-${type}`, summary: `CNI ${type} plugin (installed as ${where}/${type})`, hidden: true, run });
}

/** Install plugin executables under `dir` (default /opt/cni/bin), as a node image or a DaemonSet's init container would. */
export function installCniPlugins(k: Kernel, types: readonly string[] = CNI_PLUGINS, dir = '/opt/cni/bin'): void {
  k.vfs.mkdir(dir, {}, true);
  for (const t of types) k.vfs.putFile(`${dir}/${t}`, programStub(`cni-${t}`), 0o755);
  k.vfs.mkdir('/etc/cni/net.d', {}, true);
}
