// kube-proxy (iptables mode; --proxy-mode=ipvs programs the IPVS model and
// the IPVS proxier's few iptables rules): a
// node daemon watching Services and EndpointSlices. Each sync writes the
// whole ruleset as kube-proxy's proxier does — first the jump rules from the
// built-in chains (`iptables -C`, then `-I` when missing), then one
// `iptables-restore -w --noflush --counters` with the generated text — so
// `iptables -t nat -S | grep KUBE` shows exactly what it installed.

import type { Process } from '../../kernel/proc.ts';
import { StringIn, StringOut } from '../../kernel/proc.ts';
import { register, declareNotSimulated } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { klogTime } from '../lib/klog.ts';
import { inClusterConfig } from '../../k8s/client.ts';
import { buildIptablesRestore, JUMP_CHAINS, jumpArgs } from '../../k8s/proxy/iptables.ts';
import { servicePorts } from '../../k8s/proxy/model.ts';
import { buildIpvsIptablesRestore, IPVS_JUMP_CHAINS, ipvsNodeAddresses, planIpvsSync, syncIpvs, syncIpvsSets, type IpvsSyncPlan } from '../../k8s/proxy/ipvs.ts';
import { HealthCheckServer } from './kube-proxy-health.ts';

/** The canary chain kube-proxy's iptables Monitor creates in each table (proxier.go kubeProxyCanaryChain; utiliptables.Monitor). */
export const KUBE_PROXY_CANARY = 'KUBE-PROXY-CANARY';
/** Tables the Monitor watches, in the order it creates the canaries. */
export const CANARY_TABLES = ['mangle', 'nat', 'filter'] as const;
import { syncNftables, type NftProxierState } from './kube-proxy-nft.ts';

declareNotSimulated(
  { tool: 'kube-proxy', kind: 'attribute', item: 'spec.externalIPs in IPVS mode', why: "the IPVS proxier's ExternalIP rules need iptables' physdev match, which is not simulated; kube-proxy logs an error and leaves them out" },
  { tool: 'kube-proxy', kind: 'attribute', item: 'sessionAffinity: ClientIP in IPVS mode', why: 'IPVS persistence (ipvsadm -p) is not simulated; the virtual server schedules round robin' },
  { tool: 'kube-proxy', kind: 'attribute', item: 'SCTP Services in IPVS mode', why: 'the simulated IPVS forwards TCP and UDP' },
);

/** The last ruleset each node's kube-proxy wrote (for tests and `kubectl logs`). */
export const lastSync = new WeakMap<object, { text: string; restoreStatus: number; at: number }>();

async function run(p: Process, argv: string[], stdin = ''): Promise<{ code: number; err: string }> {
  const err = new StringOut();
  try {
    const code = await p.exec(p, argv, { stdin: new StringIn(stdin), stdout: new StringOut(), stderr: err });
    return { code, err: err.text };
  } catch (e) {
    return { code: 127, err: `${argv[0]}: ${(e as Error).message}\n` };
  }
}

register({
  name: 'kube-proxy',
  summary: 'Kubernetes network proxy: programs Service rules (iptables or IPVS mode)',
  usage: 'kube-proxy [--proxy-mode=iptables|ipvs|nftables]',
  async run(p) {
    const k = kernelOf(p);
    const b = inClusterConfig(k);
    if (!b) {
      p.stderr.write(`E${klogTime(p)}       1 run.go:74] "command failed" err="failed to load kubeconfig: invalid configuration: no configuration has been provided"\n`);
      return 1;
    }
    const modeArg = p.argv.find((a) => a.startsWith('--proxy-mode='))?.split('=')[1];
    const mode = modeArg ?? b.proxyMode;
    let log = '';
    const say = (s: string): void => {
      log += s + '\n';
      p.stdout.write(s + '\n');
    };
    say(`I${klogTime(p)}       1 server_linux.go:${mode === 'ipvs' ? 230 : 66}] "Using ${mode} proxy"`);
    let existing: string[] = [];
    const nftState: NftProxierState = { existing: [], stale: [] };
    let jumpsDone = false;
    const warnedExternal = new Set<string>();
    // The iptables Monitor starts with the proxier: it creates its canary chains and later watches them.
    // (The nftables proxier has no iptables Monitor.)
    if (mode !== 'nftables') for (const t of CANARY_TABLES) await run(p, ['iptables', '-w', '5', '-W', '100000', '-N', KUBE_PROXY_CANARY, '-t', t]);
    const health = new HealthCheckServer(p);
    const nodeIP = (b.api.get('Node', undefined, b.nodeName)?.status?.addresses ?? []).find((a: { type: string; address: string }) => a.type === 'InternalIP')?.address as string | undefined;
    let dirty = true;
    let syncing = false;
    const sync = async (): Promise<void> => {
      if (syncing) return;
      syncing = true;
      try {
        // Let the rest of a burst of API events arrive first (the real proxier's
        // BoundedFrequencyRunner coalesces changes the same way).
        await Promise.resolve();
        while (dirty) {
          dirty = false;
          const ports = servicePorts(b.api.list('Service'), b.api.list('EndpointSlice'));
          if (mode === 'nftables') {
            // pkg/proxy/nftables: the whole `ip kube-proxy` table in one nft transaction.
            const r = await syncNftables(p, k, b, ports, nftState);
            if (r.code !== 0) say(`E${klogTime(p)}       1 proxier.go:1189] "nftables sync failed" err="${r.err.trim().split('\n')[0]}"`);
            health.sync(ports, b.nodeName);
            continue;
          }
          let plan: IpvsSyncPlan | undefined;
          if (mode === 'ipvs') {
            // pkg/proxy/ipvs: virtual servers and kube-ipvs0 addresses, then the ipsets the rules below match.
            const ipvsOpts = { clusterCidr: b.clusterCidr, nodeName: b.nodeName, nodeIP, nodeAddresses: ipvsNodeAddresses(k) };
            syncIpvs(k, ports, ipvsOpts);
            plan = planIpvsSync(ports, ipvsOpts);
            syncIpvsSets(k, plan);
            // The ExternalIP rules of this mode need the physdev match, which this kernel lacks: say so once per Service.
            for (const sp of ports) {
              const key = `${sp.namespace}/${sp.name}`;
              if (sp.externalIPs.length && !warnedExternal.has(key + ' ext')) {
                warnedExternal.add(key + ' ext');
                say(`E${klogTime(p)}       1 proxier.go:1075] "externalIPs are not simulated in IPVS mode (the physdev match is missing); not programmed" service="${key}"`);
              }
              if (sp.sessionAffinity === 'ClientIP' && !warnedExternal.has(key + ' aff')) {
                warnedExternal.add(key + ' aff');
                say(`E${klogTime(p)}       1 proxier.go:1075] "sessionAffinity ClientIP is not simulated in IPVS mode (no IPVS persistence); scheduled round robin" service="${key}"`);
              }
            }
          }
          if (!jumpsDone) {
            for (const j of mode === 'ipvs' ? IPVS_JUMP_CHAINS : JUMP_CHAINS) {
              await run(p, ['iptables', '-t', j.table, '-N', j.dstChain]);
              const c = await run(p, ['iptables', '-t', j.table, '-C', j.srcChain, ...jumpArgs(j)]);
              if (c.code !== 0) await run(p, ['iptables', '-t', j.table, '-I', j.srcChain, ...jumpArgs(j)]);
            }
            jumpsDone = true;
          }
          const text = plan ? buildIpvsIptablesRestore(plan, { clusterCidr: b.clusterCidr }) : buildIptablesRestore(ports, { clusterCidr: b.clusterCidr, nodeName: b.nodeName, nodeIP }, existing);
          const r = await run(p, ['iptables-restore', '--noflush', '--counters'], text);
          lastSync.set(k, { text, restoreStatus: r.code, at: k.clock.now });
          if (r.code !== 0) say(`E${klogTime(p)}       1 proxier.go:1525] "Failed to execute iptables-restore" err="exit status ${r.code}: ${r.err.trim()}"`);
          health.sync(ports, b.nodeName);
          existing = [...text.matchAll(/^:(KUBE-(?:SVC|SEP|EXT|SVL|FW)-\S+) /gm)].map((m) => m[1]).filter((c) => !text.includes(`-X ${c}\n`));
        }
      } finally {
        syncing = false;
      }
    };
    const off = b.api.watch(['Service', 'EndpointSlice'], () => {
      dirty = true;
      void b.track(sync());
    });
    await b.track(sync());
    await new Promise<void>((res) => p.onSignal(() => res()));
    off();
    health.close();
    void log;
    return 0;
  },
});
