// flanneld with the host-gw backend and --kube-subnet-mgr: reads this node's
// podCIDR from its Node object, writes /run/flannel/subnet.env and the CNI
// config (the DaemonSet's install-cni step), and keeps one route per other
// node: "their pod /24 via their node IP". No encapsulation: the nodes share
// one L2 network, so the underlay routes pod traffic directly.

import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { klogTime } from '../lib/klog.ts';
import { nodeOf } from '../../k8s/registry.ts';
import { parseIp4 } from '../../kernel/addr.ts';
import { StringOut } from '../../kernel/proc.ts';

/** The CNI config flannel's manifest installs as /etc/cni/net.d/10-flannel.conflist. */
export const FLANNEL_CONFLIST = `{
  "name": "cbr0",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "flannel",
      "delegate": {
        "hairpinMode": true,
        "isDefaultGateway": true
      }
    },
    {
      "type": "portmap",
      "capabilities": {
        "portMappings": true
      }
    }
  ]
}
`;

const MASQ = ['-m', 'comment', '--comment', 'flanneld masq'];
const FWD = ['-m', 'comment', '--comment', 'flanneld forward'];
/** kube-proxy's masquerade mark, which flannel leaves alone (trafficmngr.KubeProxyMark). */
const KUBE_PROXY_MARK = '0x4000/0x4000';

/**
 * The nat rules `--ip-masq` keeps (flannel-io/flannel pkg/trafficmngr/iptables/iptables.go,
 * masqRules; iptables 1.8.9 has --random-fully): enter FLANNEL-POSTRTG from POSTROUTING,
 * leave kube-proxy's marked packets and pod-to-pod traffic alone, masquerade pods
 * going out of the cluster network and the host going into it.
 */
export function masqRules(clusterCidr: string, podCidr: string): [string, string[]][] {
  return [
    ['POSTROUTING', [...MASQ, '-j', 'FLANNEL-POSTRTG']],
    ['FLANNEL-POSTRTG', ['-m', 'mark', '--mark', KUBE_PROXY_MARK, ...MASQ, '-j', 'RETURN']],
    ['FLANNEL-POSTRTG', ['-s', podCidr, '-d', clusterCidr, ...MASQ, '-j', 'RETURN']],
    ['FLANNEL-POSTRTG', ['-s', clusterCidr, '-d', podCidr, ...MASQ, '-j', 'RETURN']],
    ['FLANNEL-POSTRTG', ['!', '-s', clusterCidr, '-d', podCidr, ...MASQ, '-j', 'RETURN']],
    ['FLANNEL-POSTRTG', ['-s', clusterCidr, '!', '-d', '224.0.0.0/4', ...MASQ, '-j', 'MASQUERADE', '--random-fully']],
    ['FLANNEL-POSTRTG', ['!', '-s', clusterCidr, '-d', clusterCidr, ...MASQ, '-j', 'MASQUERADE', '--random-fully']],
  ];
}

/** The filter rules of --iptables-forward-rules (default on): forward anything to or from the cluster network (forwardRules). */
export function forwardRules(clusterCidr: string): [string, string[]][] {
  return [
    ['FORWARD', [...FWD, '-j', 'FLANNEL-FWD']],
    ['FLANNEL-FWD', ['-s', clusterCidr, ...FWD, '-j', 'ACCEPT']],
    ['FLANNEL-FWD', ['-d', clusterCidr, ...FWD, '-j', 'ACCEPT']],
  ];
}

/** Create `chain` empty (ClearChain) and append the rules not already present, through iptables. */
async function writeRules(p: import('../../kernel/proc.ts').Process, table: string, chain: string, rules: [string, string[]][]): Promise<void> {
  const quiet = { stdout: new StringOut(), stderr: new StringOut() };
  if ((await p.exec(p, ['iptables', '-t', table, '-N', chain, '--wait'], quiet).catch(() => 1)) !== 0) await p.exec(p, ['iptables', '-t', table, '-F', chain, '--wait'], quiet).catch(() => 1);
  for (const [c, spec] of rules) {
    if ((await p.exec(p, ['iptables', '-t', table, '-C', c, ...spec, '--wait'], quiet).catch(() => 1)) === 0) continue;
    await p.exec(p, ['iptables', '-t', table, '-A', c, ...spec, '--wait'], quiet).catch(() => 1);
  }
}

register({
  name: 'flanneld',
  summary: 'flannel network agent (host-gw backend): per-node pod subnets and routes between nodes',
  usage: 'flanneld [--ip-masq] [--kube-subnet-mgr]',
  async run(p) {
    const k = kernelOf(p);
    const b = nodeOf(k);
    if (!b) {
      p.stderr.write(`E${klogTime(p)}       1 main.go:229] Failed to create SubnetManager: fail to create kubernetes config: unable to load in-cluster configuration\n`);
      return 1;
    }
    const ns = k.initNs;
    const me = b.api.get('Node', undefined, b.nodeName);
    const cidr: string | undefined = me?.spec?.podCIDR;
    if (!cidr) {
      p.stderr.write(`E${klogTime(p)}       1 main.go:332] Error registering network: failed to acquire lease: node "${b.nodeName}" pod cidr not assigned\n`);
      return 1;
    }
    const ipMasq = p.argv.slice(1).some((a) => a === '--ip-masq' || a === '--ip-masq=true');
    const fwdRules = !p.argv.slice(1).some((a) => a === '--iptables-forward-rules=false');
    const [net, len] = cidr.split('/');
    const gw = (parseIp4(net)! + 1) >>> 0;
    const gwText = [gw >>> 24, (gw >>> 16) & 255, (gw >>> 8) & 255, gw & 255].join('.');
    k.vfs.mkdir('/run/flannel', {}, true);
    k.vfs.putFile('/run/flannel/subnet.env', `FLANNEL_NETWORK=${b.clusterCidr}\nFLANNEL_SUBNET=${gwText}/${len}\nFLANNEL_MTU=1500\nFLANNEL_IPMASQ=${ipMasq}\n`);
    k.vfs.mkdir('/etc/cni/net.d', {}, true);
    k.vfs.putFile('/etc/cni/net.d/10-flannel.conflist', FLANNEL_CONFLIST);
    ns.setIpForward(true);
    p.stdout.write(`I${klogTime(p)}       1 main.go:211] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network kubeSubnetMgr:true ipMasq:${ipMasq}}\nI${klogTime(p)}       1 kube.go:139] Waiting 10m0s for node controller to sync\nI${klogTime(p)}       1 main.go:439] Current network or subnet (${b.clusterCidr}, ${gwText}/${len}) is not equal to previous one (0.0.0.0/0, 0.0.0.0/0), trying to recycle old iptables rules\nI${klogTime(p)}       1 main.go:416] Wrote subnet file to /run/flannel/subnet.env\nI${klogTime(p)}       1 main.go:420] Running backend.\n`);
    if (ipMasq) await writeRules(p, 'nat', 'FLANNEL-POSTRTG', masqRules(b.clusterCidr, `${net}/${len}`));
    if (fwdRules) await writeRules(p, 'filter', 'FLANNEL-FWD', forwardRules(b.clusterCidr));
    const sync = (): void => {
      for (const n of b.api.list('Node')) {
        if (n.metadata.name === b.nodeName || !n.spec?.podCIDR) continue;
        const ip = n.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address;
        if (!ip) continue;
        const [dn, dl] = (n.spec.podCIDR as string).split('/');
        const dst = parseIp4(dn)!;
        if (ns.routeDump(254).some((r) => r.dst === dst && r.dstLen === Number(dl))) continue;
        try {
          ns.routeAdd({ table: 254, type: 'unicast', dst, dstLen: Number(dl), tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: parseIp4(ip)! }, { create: true, excl: true, replace: false });
          p.stdout.write(`I${klogTime(p)}       1 route_network.go:55] Watching for new subnet leases\nI${klogTime(p)}       1 route_network.go:92] Subnet added: ${n.spec.podCIDR} via ${ip}\n`);
        } catch {
          // the next node event retries
        }
      }
    };
    sync();
    const off = b.api.watch((e) => {
      if (e.object.kind === 'Node') sync();
    });
    await new Promise<void>((res) => p.onSignal(() => res()));
    off();
    return 0;
  },
});
