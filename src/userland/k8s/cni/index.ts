// CNI plugin programs. Each is installed as /opt/cni/bin/TYPE, the
// directory kubelet's CNI_PATH names. The files are small `#!` stubs naming
// the registered program (`cni-bridge` ...), because the name `bridge` on
// PATH belongs to iproute2's bridge(8): running /opt/cni/bin/bridge runs the
// plugin, typing `bridge` runs iproute2's tool, as on a real node.

import type { Kernel } from '../../../kernel/kernel.ts';
import { register } from '../../registry.ts';
import { bridgeMain } from './bridge.ts';
import { hostLocalMain } from './host-local.ts';
import { loopbackMain } from './loopback.ts';
import { flannelMain } from './flannel.ts';
import { portmapMain } from './portmap.ts';

/** The plugins this simulator ships, by CNI `type`. */
export const CNI_PLUGINS = ['bridge', 'host-local', 'loopback', 'portmap', 'flannel'] as const;

const mains = { bridge: bridgeMain, 'host-local': hostLocalMain, loopback: loopbackMain, portmap: portmapMain, flannel: flannelMain };
for (const [type, run] of Object.entries(mains)) {
  register({ name: `cni-${type}`, summary: `CNI ${type} plugin (installed as /opt/cni/bin/${type})`, hidden: true, run });
}

/** Install plugin stubs under `dir` (default /opt/cni/bin), as a node image or a DaemonSet's init container would. */
export function installCniPlugins(k: Kernel, types: readonly string[] = CNI_PLUGINS, dir = '/opt/cni/bin'): void {
  k.vfs.mkdir(dir, {}, true);
  for (const t of types) k.vfs.putFile(`${dir}/${t}`, `#!/usr/libexec/cni/cni-${t}\n`, 0o755);
  k.vfs.mkdir('/etc/cni/net.d', {}, true);
}
