// flanneld with --kube-subnet-mgr: reads this node's podCIDR from its Node
// object, writes /run/flannel/subnet.env and the CNI config (the DaemonSet's
// install-cni step), and connects the other nodes' pod subnets with the
// backend of net-conf.json (the kube-flannel-cfg ConfigMap):
// - host-gw (the default here when there is no ConfigMap): one route per
//   other node, "their pod /24 via their node IP"; no encapsulation.
// - vxlan: the device flannel.1 (VNI 1, the kernel's default port 8472,
//   nolearning, MTU of the underlay minus 50), its MAC published in the Node
//   annotation flannel.alpha.coreos.com/backend-data, and per other node an
//   onlink route via their flannel.1 address (the .0 of their subnet), a
//   permanent neighbour entry for it and an fdb entry to their node IP
//   (flannel-io/flannel pkg/backend/vxlan).

import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { klogTime } from '../lib/klog.ts';
import { inClusterConfig, modify } from '../../k8s/client.ts';
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
  summary: 'flannel network agent (host-gw or vxlan backend): per-node pod subnets, routes or a VXLAN overlay between nodes',
  usage: 'flanneld [--ip-masq] [--kube-subnet-mgr]',
  async run(p) {
    const k = kernelOf(p);
    const b = inClusterConfig(k);
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
    let backend = 'host-gw';
    let vni = 1;
    const cfg = b.api.get('ConfigMap', 'kube-flannel', 'kube-flannel-cfg')?.data?.['net-conf.json'];
    if (typeof cfg === 'string') {
      try {
        const nc = JSON.parse(cfg) as { Backend?: { Type?: string; VNI?: number } };
        backend = nc.Backend?.Type ?? 'vxlan';
        vni = nc.Backend?.VNI ?? 1;
      } catch {
        p.stderr.write(`E${klogTime(p)}       1 main.go:332] Error registering network: failed to acquire lease: error parsing subnet config: invalid character in net-conf.json\n`);
        return 1;
      }
    }
    const eth0 = ns.linkGet('eth0');
    const mtu = backend === 'vxlan' ? (eth0?.mtu ?? 1500) - 50 : (eth0?.mtu ?? 1500);
    const fwdRules = !p.argv.slice(1).some((a) => a === '--iptables-forward-rules=false');
    const [net, len] = cidr.split('/');
    const gw = (parseIp4(net)! + 1) >>> 0;
    const gwText = [gw >>> 24, (gw >>> 16) & 255, (gw >>> 8) & 255, gw & 255].join('.');
    k.vfs.mkdir('/run/flannel', {}, true);
    k.vfs.putFile('/run/flannel/subnet.env', `FLANNEL_NETWORK=${b.clusterCidr}\nFLANNEL_SUBNET=${gwText}/${len}\nFLANNEL_MTU=${mtu}\nFLANNEL_IPMASQ=${ipMasq}\n`);
    k.vfs.mkdir('/etc/cni/net.d', {}, true);
    k.vfs.putFile('/etc/cni/net.d/10-flannel.conflist', FLANNEL_CONFLIST);
    ns.setIpForward(true);
    p.stdout.write(`I${klogTime(p)}       1 main.go:211] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001,http://127.0.0.1:2379 etcdPrefix:/coreos.com/network kubeSubnetMgr:true ipMasq:${ipMasq}}\nI${klogTime(p)}       1 kube.go:139] Waiting 10m0s for node controller to sync\nI${klogTime(p)}       1 main.go:439] Current network or subnet (${b.clusterCidr}, ${gwText}/${len}) is not equal to previous one (0.0.0.0/0, 0.0.0.0/0), trying to recycle old iptables rules\nI${klogTime(p)}       1 main.go:416] Wrote subnet file to /run/flannel/subnet.env\nI${klogTime(p)}       1 main.go:420] Running backend.\n`);
    if (ipMasq) await writeRules(p, 'nat', 'FLANNEL-POSTRTG', masqRules(b.clusterCidr, `${net}/${len}`));
    if (fwdRules) await writeRules(p, 'filter', 'FLANNEL-FWD', forwardRules(b.clusterCidr));
    const quiet = { stdout: new StringOut(), stderr: new StringOut() };
    const run = (argv: string[]): Promise<number> => p.exec(p, argv, quiet).catch(() => 1);
    const myIp = me?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address as string | undefined;
    if (backend === 'vxlan') {
      // The VTEP: flannel.1 with the node's first pod address (the .0) as a /32.
      if (!ns.devByName('flannel.1')) await run(['ip', 'link', 'add', 'flannel.1', 'type', 'vxlan', 'id', String(vni), ...(myIp ? ['local', myIp] : []), 'dev', 'eth0', 'nolearning', 'dstport', '0']);
      await run(['ip', 'addr', 'replace', `${net}/32`, 'dev', 'flannel.1']);
      await run(['ip', 'link', 'set', 'flannel.1', 'up']);
      const mac = ns.linkGet('flannel.1')?.address;
      modify(b.api, 'Node', undefined, b.nodeName, (o) => {
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'flannel.alpha.coreos.com/backend-data': JSON.stringify({ VNI: vni, VtepMAC: mac }), 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'flannel.alpha.coreos.com/kube-subnet-manager': 'true', ...(myIp ? { 'flannel.alpha.coreos.com/public-ip': myIp } : {}) };
      });
    }
    const done = new Set<string>();
    const sync = async (): Promise<void> => {
      for (const n of b.api.list('Node')) {
        if (n.metadata.name === b.nodeName || !n.spec?.podCIDR) continue;
        const ip = n.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address;
        if (!ip) continue;
        const [dn, dl] = (n.spec.podCIDR as string).split('/');
        const dst = parseIp4(dn)!;
        if (backend === 'vxlan') {
          let data: { VtepMAC?: string } = {};
          try {
            data = JSON.parse(n.metadata.annotations?.['flannel.alpha.coreos.com/backend-data'] ?? '{}');
          } catch {
            data = {};
          }
          const key = `${n.spec.podCIDR}/${data.VtepMAC}/${ip}`;
          if (!data.VtepMAC || done.has(key)) continue;
          done.add(key);
          await run(['ip', 'neigh', 'replace', dn, 'lladdr', data.VtepMAC, 'dev', 'flannel.1', 'nud', 'permanent']);
          await run(['bridge', 'fdb', 'replace', data.VtepMAC, 'dev', 'flannel.1', 'dst', ip, 'self', 'permanent']);
          await run(['ip', 'route', 'replace', n.spec.podCIDR, 'via', dn, 'dev', 'flannel.1', 'onlink']);
          p.stdout.write(`I${klogTime(p)}       1 vxlan_network.go:100] Received Subnet Event with VxLan: BackendType: vxlan, PublicIP: ${ip}, BackendData: {"VNI":${vni},"VtepMAC":"${data.VtepMAC}"}\n`);
          continue;
        }
        if (ns.routeDump(254).some((r) => r.dst === dst && r.dstLen === Number(dl))) continue;
        try {
          ns.routeAdd({ table: 254, type: 'unicast', dst, dstLen: Number(dl), tos: 0, metric: 0, protocol: 'boot', scope: 0, onlink: false, gateway: parseIp4(ip)! }, { create: true, excl: true, replace: false });
          p.stdout.write(`I${klogTime(p)}       1 route_network.go:55] Watching for new subnet leases\nI${klogTime(p)}       1 route_network.go:92] Subnet added: ${n.spec.podCIDR} via ${ip}\n`);
        } catch {
          // the next node event retries
        }
      }
    };
    let chain = sync();
    const off = b.api.watch(['Node'], () => {
      chain = chain.then(sync);
    });
    await new Promise<void>((res) => p.onSignal(() => res()));
    off();
    return 0;
  },
});
