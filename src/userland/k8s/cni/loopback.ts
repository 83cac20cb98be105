// The loopback plugin (plugins/main/loopback): set `lo` up in CNI_NETNS.
// Its ADD result lists lo with 127.0.0.1/8 and ::1/128 whatever cniVersion
// the config names; DEL sets lo down and ignores a namespace that is gone.

import type { Process } from '../../../kernel/proc.ts';
import { kernelOf } from '../../lib/sys.ts';
import { IFF } from '../../../kernel/netdev.ts';
import { CniError, ERR, getNs, pluginMain, type CmdArgs, type CniResult } from './skel.ts';

function add(p: Process, a: CmdArgs): CniResult {
  const ns = getNs(kernelOf(p), a.netns);
  ns.setUp(ns.lo, true);
  const r: CniResult & { keepShape?: boolean } = {
    interfaces: [{ name: 'lo', mac: '00:00:00:00:00:00', sandbox: a.netns }],
    ips: [
      { interface: 0, address: '127.0.0.1/8' },
      { interface: 0, address: '::1/128' },
    ],
    dns: {},
  };
  r.keepShape = true;
  return r;
}

function del(p: Process, a: CmdArgs): void {
  if (!a.netns) return;
  let ns;
  try {
    ns = getNs(kernelOf(p), a.netns);
  } catch {
    return;
  }
  ns.setUp(ns.lo, false);
}

function check(p: Process, a: CmdArgs): void {
  const ns = getNs(kernelOf(p), a.netns);
  if (!(ns.linkMsg(ns.lo).flags & IFF.UP)) throw new CniError(ERR.internal, 'loopback interface is down');
}

/** Run loopback under the CNI protocol. */
export function loopbackMain(p: Process): Promise<number> {
  return pluginMain(p, 'loopback', { add, del, check });
}
