// The runtime side of CNI (libcni, as containerd's CRI plugin uses it): load
// the first network configuration in /etc/cni/net.d (lexical order; .conf,
// .conflist, .json), run each plugin of the list with CNI_* variables and the
// derived request configuration on stdin (cniVersion and name from the list,
// prevResult from the previous plugin, runtimeConfig from capabilities), and
// cache the result in /var/lib/cni/results for DEL and CHECK.

import type { Kernel } from '../../kernel/kernel.ts';
import type { Process } from '../../kernel/proc.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';

/** A loaded network configuration list. */
export interface NetConfList {
  cniVersion: string;
  name: string;
  plugins: Record<string, unknown>[];
  file: string;
}

/** Runtime values of one attachment. */
export interface RuntimeConf {
  containerId: string;
  netns: string;
  ifname: string;
  args?: string;
  capabilityArgs?: Record<string, unknown>;
}

/** The network config kubelet would use, or an error text like containerd's. */
export function loadNetConf(k: Kernel, dir = '/etc/cni/net.d'): NetConfList | string {
  const d = k.vfs.tryLookup(dir);
  if (!d || d.kind !== 'dir') return 'cni config uninitialized';
  const files = k.vfs.readdir(dir).filter((f) => /\.(conf|conflist|json)$/.test(f)).sort();
  for (const f of files) {
    try {
      const j = JSON.parse(k.vfs.readFile(`${dir}/${f}`)) as Record<string, unknown>;
      if (f.endsWith('.conflist')) {
        if (!Array.isArray(j.plugins) || !j.plugins.length) continue;
        return { cniVersion: String(j.cniVersion ?? '0.4.0'), name: String(j.name ?? ''), plugins: j.plugins as Record<string, unknown>[], file: `${dir}/${f}` };
      }
      if (!j.type) continue;
      return { cniVersion: String(j.cniVersion ?? '0.4.0'), name: String(j.name ?? ''), plugins: [j], file: `${dir}/${f}` };
    } catch {
      continue;
    }
  }
  return 'cni config uninitialized';
}

/** Build one plugin's stdin (SPEC section 3, "Deriving request configuration"). */
export function requestConf(list: NetConfList, plugin: Record<string, unknown>, prevResult: unknown, caps: Record<string, unknown> = {}): string {
  const out: Record<string, unknown> = { ...plugin, cniVersion: list.cniVersion, name: list.name };
  delete out.capabilities;
  const want = (plugin.capabilities ?? {}) as Record<string, boolean>;
  const rc: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(caps)) if (want[k]) rc[k] = v;
  if (Object.keys(rc).length) out.runtimeConfig = rc;
  if (prevResult !== undefined) out.prevResult = prevResult;
  return JSON.stringify(out);
}

async function invoke(p: Process, list: NetConfList, plugin: Record<string, unknown>, cmd: string, rt: RuntimeConf, stdin: string, cniPath: string): Promise<{ code: number; out: string }> {
  const type = String(plugin.type);
  const dir = cniPath.split(':').find((d) => p.netns && (p.netns as { kernel: Kernel }).kernel.vfs.tryLookup(`${d}/${type}`)) ?? cniPath.split(':')[0];
  const out = new StringOut();
  const err = new StringOut();
  const env = { ...p.env, CNI_COMMAND: cmd, CNI_CONTAINERID: rt.containerId, CNI_NETNS: rt.netns, CNI_IFNAME: rt.ifname, CNI_PATH: cniPath, ...(rt.args ? { CNI_ARGS: rt.args } : {}) };
  let code: number;
  try {
    code = await p.exec(p, [`${dir}/${type}`], { env, stdin: new StringIn(stdin), stdout: out, stderr: err });
  } catch {
    return { code: 127, out: JSON.stringify({ code: 999, msg: `failed to find plugin "${type}" in path [${cniPath}]` }) };
  }
  void list;
  return { code, out: out.text };
}

function cachePath(list: NetConfList, rt: RuntimeConf): string {
  return `/var/lib/cni/results/${list.name}-${rt.containerId}-${rt.ifname}`;
}

/** AddNetworkList: run every plugin in order; returns the final result or throws Error(msg). */
export async function addNetworkList(p: Process, k: Kernel, list: NetConfList, rt: RuntimeConf, cniPath = '/opt/cni/bin'): Promise<Record<string, unknown>> {
  let prev: unknown;
  for (const plugin of list.plugins) {
    const r = await invoke(p, list, plugin, 'ADD', rt, requestConf(list, plugin, prev, rt.capabilityArgs), cniPath);
    if (r.code !== 0) {
      let msg = r.out;
      try {
        const j = JSON.parse(r.out) as { msg?: string; details?: string };
        msg = (j.msg ?? '') + (j.details ? `: ${j.details}` : '');
      } catch {
        // not JSON
      }
      throw new Error(`plugin type="${String(plugin.type)}" name="${list.name}" failed (add): ${msg.trim()}`);
    }
    prev = JSON.parse(r.out);
  }
  k.vfs.mkdir('/var/lib/cni/results', {}, true);
  k.vfs.putFile(cachePath(list, rt), JSON.stringify({ kind: 'cniCacheV1', containerId: rt.containerId, config: btoa(JSON.stringify(list)), ifName: rt.ifname, networkName: list.name, result: prev }));
  return prev as Record<string, unknown>;
}

/** DelNetworkList: plugins in reverse order with the cached result as prevResult. */
export async function delNetworkList(p: Process, k: Kernel, list: NetConfList, rt: RuntimeConf, cniPath = '/opt/cni/bin'): Promise<void> {
  const f = cachePath(list, rt);
  let prev: unknown;
  if (k.vfs.tryLookup(f)) prev = (JSON.parse(k.vfs.readFile(f)) as { result: unknown }).result;
  for (const plugin of [...list.plugins].reverse()) await invoke(p, list, plugin, 'DEL', rt, requestConf(list, plugin, prev, rt.capabilityArgs), cniPath);
  if (k.vfs.tryLookup(f)) k.vfs.unlink(f);
}
