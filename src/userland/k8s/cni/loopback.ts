// The loopback plugin (plugins/main/loopback): set `lo` up in CNI_NETNS.
// Its ADD result lists lo with 127.0.0.1/8 and ::1/128.

import type { Process } from '../../../kernel/proc.ts';
import { kernelOf } from '../../lib/sys.ts';
import { openNetnsPath, pluginMain, type CmdArgs, type CniResult } from './skel.ts';

function add(p: Process, a: CmdArgs): CniResult {
  const ns = openNetnsPath(kernelOf(p), a.netns);
  ns.setUp(ns.lo, true);
  return {
    interfaces: [{ name: 'lo', mac: '00:00:00:00:00:00', sandbox: a.netns }],
    ips: [
      { interface: 0, address: '127.0.0.1/8' },
      { interface: 0, address: '::1/128' },
    ],
    dns: {},
  };
}

function del(p: Process, a: CmdArgs): void {
  if (!a.netns) return;
  const n = kernelOf(p).vfs.tryLookup(a.netns);
  if (n && n.kind === 'nsfs') {
    const ns = openNetnsPath(kernelOf(p), a.netns);
    ns.setUp(ns.lo, false);
  }
}

function check(p: Process, a: CmdArgs): void {
  const ns = openNetnsPath(kernelOf(p), a.netns);
  if (!ns.lo.adminUp) throw new Error('loopback interface is down');
}

/** Run loopback under the CNI protocol. */
export function loopbackMain(p: Process): Promise<number> {
  return pluginMain(p, 'loopback', { add, del, check });
}
