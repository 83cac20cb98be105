// Lab: be the container runtime — run the CNI bridge plugin by hand.
//
//   node01 (init netns)                       pod1 (netns, no network yet)
//   /opt/cni/bin/{bridge,host-local,loopback}  ┌───────────┐
//   /etc/cni/net.d/ (empty)        cni0 ───────┤ eth0 ?    │
//                                  10.244.1.1  └───────────┘

import type { LabDef } from '../../src/labs/types.ts';
import type { CheckCtx } from '../../src/labs/checks.ts';
import { reaches } from '../../src/labs/checks.ts';
import { fmtIp4, parseIp4, inNet } from '../../src/kernel/addr.ts';
import { installCniPlugins } from '../../src/userland/k8s/cni/index.ts';
import '../../src/userland/k8s/index.ts';
import { m, type Msg } from '../../src/labs/messages.ts';

const NET = parseIp4('10.244.1.0')!;

function podAddr(ctx: CheckCtx): { ip?: number; msg: Msg } {
  const ns = ctx.world.host('node01').openNetns('pod1');
  if (!ns) return { msg: m('k8s.noNamespacePodNode') };
  const eth0 = ns.devByName('eth0');
  if (!eth0) return { msg: m('k8s.podNoEthBridge') };
  const a = eth0.inet.find((x) => inNet(x.local, NET, 24));
  if (!a) return { msg: m('k8s.podEthNoAddress') };
  if (!eth0.adminUp) return { msg: m('k8s.ethPodDown') };
  const nets = ctx.world.host('node01').vfs.tryLookup('/var/lib/cni/networks');
  const leased = nets?.kind === 'dir' && [...nets.children.values()].some((d) => d.kind === 'dir' && d.children.has(fmtIp4(a.local)));
  if (!leased) return { msg: m('path.podEthNoIpam', { ip: fmtIp4(a.local) }) };
  return { ip: a.local, msg: m('k8s.podEth', { addr: `${fmtIp4(a.local)}/${a.prefixlen}` }) };
}

const CONF = '{"cniVersion":"1.0.0","name":"mynet","type":"bridge","bridge":"cni0","isGateway":true,"ipam":{"type":"host-local","subnet":"10.244.1.0/24","routes":[{"dst":"0.0.0.0/0"}]}}';

/** The colleague's unfinished configuration the lab starts with: no range, no gateway, no route. */
export const UNFINISHED = '{\n  "cniVersion": "1.0.0",\n  "name": "mynet",\n  "type": "bridge",\n  "bridge": "cni0",\n  "ipam": {\n    "type": "host-local"\n  }\n}\n';

const lab: LabDef = {
  id: 'cni-bridge',
  title: 'Run the CNI bridge plugin by hand',
  lesson: 'cni',
  terminalHost: 'node01',
  goal:
    'node01 has the CNI plugins `bridge`, `host-local` and `loopback` in /opt/cni/bin and a network namespace `pod1` with no network. ' +
    'Do what a container runtime does: a colleague started the network configuration /etc/cni/net.d/10-mynet.conf (bridge plugin, host-local IPAM) but did not finish it. Make it hand out addresses from 10.244.1.0/24, ' +
    'then run the plugin with CNI_COMMAND=ADD for container `pod1`. pod1 must end up with an address from 10.244.1.0/24 on `eth0`, a default route through the bridge, and node01 must reach it.',
  hints: [
    "A plugin is an ordinary program: its parameters are environment variables (CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_PATH) and its configuration is JSON on standard input. Try the colleague's file in /etc/cni/net.d as it is and read the error object.",
    "The bridge plugin delegates addresses to the IPAM plugin named in `ipam.type`; host-local needs to know which range to hand out from (`subnet`).",
    "An address alone is not enough: the goal asks for a default route through the bridge. The bridge needs the gateway address (`isGateway`) and IPAM must return a route for 0.0.0.0/0 (`routes`).",
    "Write `{\"cniVersion\":\"1.0.0\",\"name\":\"mynet\",\"type\":\"bridge\",\"bridge\":\"cni0\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.244.1.0/24\",\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}` to /etc/cni/net.d/10-mynet.conf, then `CNI_COMMAND=ADD CNI_CONTAINERID=pod1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /opt/cni/bin/bridge < /etc/cni/net.d/10-mynet.conf` (if an earlier try left an `eth0` in pod1, run the same line with `CNI_COMMAND=DEL` first).",
  ],
  solution: [`echo '${CONF}' > /etc/cni/net.d/10-mynet.conf`, 'CNI_COMMAND=ADD CNI_CONTAINERID=pod1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /opt/cni/bin/bridge < /etc/cni/net.d/10-mynet.conf', 'ip netns exec pod1 ip route'],
  build(b) {
    const k = b.host('node01');
    installCniPlugins(k, ['bridge', 'host-local', 'loopback']);
    b.netns('node01:pod1');
    b.file('node01', '/etc/cni/net.d/10-mynet.conf', UNFINISHED);
  },
  shortcuts: [
    {
      name: "the colleague's unfinished configuration run as it is",
      commands: ['CNI_COMMAND=ADD CNI_CONTAINERID=pod1 CNI_NETNS=/var/run/netns/pod1 CNI_IFNAME=eth0 CNI_PATH=/opt/cni/bin /opt/cni/bin/bridge < /etc/cni/net.d/10-mynet.conf'],
      expect: ['address', 'default-route', 'reach'],
    },
    {
      name: 'the bridge, veth and addresses made by hand, without the plugin',
      commands: [
        'ip link add cni0 type bridge',
        'ip addr add 10.244.1.1/24 dev cni0',
        'ip link set cni0 up',
        'ip link add veth1 type veth peer name eth0 netns pod1',
        'ip link set veth1 master cni0',
        'ip link set veth1 up',
        'ip -n pod1 addr add 10.244.1.2/24 dev eth0',
        'ip -n pod1 link set eth0 up',
        'ip -n pod1 route add default via 10.244.1.1',
      ],
      expect: ['address', 'reach'],
    },
  ],
  checks: [
    {
      id: 'address',
      title: 'pod1 has an address from 10.244.1.0/24 on eth0',
      run: async (ctx) => {
        const r = podAddr(ctx);
        return { passed: r.ip !== undefined, msg: r.msg };
      },
    },
    {
      id: 'default-route',
      title: "pod1's default route goes through the bridge",
      run: async (ctx) => {
        const k = ctx.world.host('node01');
        const ns = k.openNetns('pod1');
        const def = ns?.fib.table(254).find((r) => r.dstLen === 0 && r.type === 'unicast');
        if (!def || def.gateway === undefined) return { passed: false, msg: m('k8s.podNoDefaultRoute') };
        const br = k.initNs.devices().find((d) => d.kind === 'bridge' && d.inet.some((a) => a.local === def.gateway));
        if (!br) return { passed: false, msg: m('k8s.podDefaultGatewayNot', { gw: fmtIp4(def.gateway) }) };
        return { passed: true, msg: m('k8s.defaultViaAddressBridge', { gw: fmtIp4(def.gateway), br: br.name }) };
      },
    },
    {
      id: 'reach',
      title: 'node01 reaches pod1',
      run: async (ctx) => {
        const r = podAddr(ctx);
        if (r.ip === undefined) return { passed: false, msg: r.msg };
        return reaches(ctx, 'node01:', fmtIp4(r.ip));
      },
    },
  ],
};

export default lab;
