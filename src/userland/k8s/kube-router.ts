// kube-router with only its network policy controller (`--run-router=false
// --run-firewall=true --run-service-proxy=false`, as kube-router's
// daemonset/kube-router-firewall-daemonset.yaml runs it next to another pod
// network): a node daemon that watches NetworkPolicies, Pods and Namespaces
// and enforces the policies on this node's pods with iptables and ipset, in
// kube-router's layout (src/k8s/netpol.ts). Each sync:
//
//  1. keeps the jumps `INPUT/FORWARD/OUTPUT -> KUBE-ROUTER-*` at position 1
//     (ensureTopLevelChains: -C, then -I 1 and -D of the old position),
//  2. ensures KUBE-NWPLCY-COMMON and KUBE-NWPLCY-DEFAULT,
//  3. `ipset restore -exist` of the policy sets,
//  4. `iptables-restore --noflush` of the policy and pod chains of this
//     sync's version, deleting the previous version's chains,
//  5. destroys KUBE-SRC-/KUBE-DST- sets no policy uses any more.
// Commands go through the simulated iptables and ipset, so `iptables -S`,
// `iptables-save` and `ipset list` show what it installed.

import type { Process } from '../../kernel/proc.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { klogTime } from '../lib/klog.ts';
import { inClusterConfig } from '../../k8s/client.ts';
import { buildNetpolSync, KR_COMMON, KR_DEFAULT, KR_TOP, staticChainRules, topJump } from '../../k8s/netpol.ts';
import { ipsetOf } from '../../kernel/netfilter/ipset.ts';

/** The last sync of each node's controller (tests, docs). */
export const lastNetpolSync = new WeakMap<object, { ipset: string; rules: string; ipsetStatus: number; restoreStatus: number; version: string }>();

async function run(p: Process, argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out = new StringOut();
  const err = new StringOut();
  try {
    const code = await p.exec(p, argv, { stdin: new StringIn(stdin), stdout: out, stderr: err });
    return { code, out: out.text, err: err.text };
  } catch (e) {
    return { code: 127, out: '', err: `${argv[0]}: ${(e as Error).message}\n` };
  }
}

/** The Unix epoch of the virtual clock's zero (the API server's). */
const EPOCH_MS = Date.UTC(2025, 0, 6, 9, 0, 0);

register({
  name: 'kube-router',
  summary: 'kube-router network policy controller: enforces NetworkPolicy with iptables and ipset',
  usage: 'kube-router --run-firewall=true [--run-router=false] [--run-service-proxy=false] [--service-cluster-ip-range=CIDR] [--service-node-port-range=RANGE]',
  async run(p) {
    const k = kernelOf(p);
    const b = inClusterConfig(k);
    if (!b) {
      p.stderr.write(`F${klogTime(p)}       1 kube-router.go:95] Failed to build kubeconfig: invalid configuration: no configuration has been provided\n`);
      return 1;
    }
    const arg = (name: string, dflt: string): string => p.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
    for (const [f, v] of [['run-router', 'false'], ['run-service-proxy', 'false']]) {
      if (arg(f, 'true') !== v) {
        p.stderr.write(`kube-router: --${f}=true: not simulated\n`);
        return 1;
      }
    }
    if (arg('run-firewall', 'true') !== 'true') return 0;
    const serviceCidr = arg('service-cluster-ip-range', '10.96.0.0/12');
    const nodePortRange = arg('service-node-port-range', '30000-32767').replace('-', ':');
    const say = (s: string): void => void p.stdout.write(`I${klogTime(p)}       1 ${s}\n`);
    say('network_policy_controller.go:163] Starting network policy controller');
    let previous: string[] = [];
    let dirty = true;
    let syncing = false;
    let staticDone = false;

    const ensureTop = async (): Promise<void> => {
      for (const [builtin, custom] of KR_TOP) {
        await run(p, ['iptables', '-t', 'filter', '-N', custom]);
        const spec = topJump(builtin, custom);
        const listed = await run(p, ['iptables', '-t', 'filter', '-S', builtin]);
        const uuid = spec[3].split(' - ')[1];
        const rules = listed.out.split('\n').filter((l) => l.startsWith('-A '));
        const at = rules.findIndex((l) => l.includes(uuid)) + 1;
        if (at === 1) continue;
        await run(p, ['iptables', '-t', 'filter', '-I', builtin, '1', ...spec]);
        if (at > 1) await run(p, ['iptables', '-t', 'filter', '-D', builtin, String(at + 1)]);
      }
      if (!staticDone) {
        for (const c of [KR_COMMON, KR_DEFAULT]) await run(p, ['iptables', '-t', 'filter', '-N', c]);
        for (const [c, spec] of staticChainRules()) {
          if ((await run(p, ['iptables', '-t', 'filter', '-C', c, ...spec])).code !== 0) await run(p, ['iptables', '-t', 'filter', '-A', c, ...spec]);
        }
        staticDone = true;
      }
    };

    const sync = async (): Promise<void> => {
      if (syncing) return;
      syncing = true;
      try {
        await Promise.resolve();
        while (dirty) {
          dirty = false;
          const version = (BigInt(EPOCH_MS + Math.floor(k.clock.now)) * 1_000_000n + BigInt(Math.round((k.clock.now % 1) * 1e6))).toString();
          await ensureTop();
          const out = buildNetpolSync({ policies: b.api.list('NetworkPolicy'), pods: b.api.list('Pod'), namespaces: b.api.list('Namespace'), nodeName: b.nodeName, serviceCidr, nodePortRange, version });
          const ips = await run(p, ['ipset', 'restore', '-exist'], out.ipset);
          const stale = previous.filter((c) => !out.chains.includes(c));
          const text = `*filter\n${out.rules}${stale.map((c) => `:${c} - [0:0]\n`).join('')}${stale.map((c) => `-X ${c}\n`).join('')}COMMIT\n`;
          const r = await run(p, ['iptables-restore', '--noflush'], text);
          lastNetpolSync.set(k, { ipset: out.ipset, rules: text, ipsetStatus: ips.code, restoreStatus: r.code, version });
          if (ips.code !== 0) p.stdout.write(`E${klogTime(p)}       1 network_policy_controller.go:271] Aborting sync. Failed to sync network policy chains: failed to perform ipset restore: ${ips.err.trim()}\n`);
          if (r.code !== 0) {
            p.stdout.write(`E${klogTime(p)}       1 network_policy_controller.go:300] Aborting sync. Failed to run iptables-restore: ${r.err.trim()}\n`);
            continue;
          }
          previous = out.chains;
          // cleanupStaleIPSets: policy sets no longer in use.
          for (const name of [...ipsetOf(k.initNs).sets.keys()]) {
            if ((name.startsWith('KUBE-SRC-') || name.startsWith('KUBE-DST-')) && !out.sets.includes(name)) await run(p, ['ipset', 'destroy', name]);
          }
        }
      } finally {
        syncing = false;
      }
    };
    const off = b.api.watch(['NetworkPolicy', 'Pod', 'Namespace'], () => {
      dirty = true;
      void b.track(sync());
    });
    await b.track(sync());
    let stop = false;
    // The periodic full sync (--iptables-sync-period, 5m by default) also puts the top-level jumps back in front.
    void (async () => {
      while (!stop) {
        await p.sleep(300_000);
        if (stop) break;
        dirty = true;
        await b.track(sync());
      }
    })();
    await new Promise<void>((res) => p.onSignal(() => res()));
    stop = true;
    off();
    return 0;
  },
});
