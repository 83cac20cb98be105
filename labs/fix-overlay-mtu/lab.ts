// Break-fix lab: a VXLAN overlay whose tunnel MTU ignores the 50 bytes of
// encapsulation. Small packets cross; full-size ones leave the node as two
// outer fragments, and the firewall `gw` (which must stay as it is) drops
// IP fragments, so large HTTP responses never arrive.
//
//   client 10.244.1.20 ── worker1 (eth0 192.168.30.11) ── gw ── (eth0 192.168.40.12) worker2 ── web 10.244.2.30
//   vxlan0 172.30.0.1 (VNI 7, MTU 1500!)        FORWARD -f -j DROP        vxlan0 172.30.0.2 (MTU 1500!)
//
// Both pods run a web server with a small index.html and a large big.html.

import type { LabDef } from '../../src/labs/types.ts';
// Its start world makes a vxlan device itself (the kind loads with `ip`, which a lab's build does not run).
import '../../src/kernel/dev/vxlan.ts';
import { iptablesRules } from '../breakfix-world.ts';
import { webServer } from '../nat-world.ts';
import { largeTransfer, overlayMtus, routerUntouched, tunnelledPing } from '../overlay-checks.ts';

const MARK = 'end of the large page';
const BIG = `<html><body><pre>\n${Array.from({ length: 120 }, (_, i) => `line ${String(i + 1).padStart(3, '0')}: the quick brown fox jumps over the lazy dog\n`).join('')}${MARK}</pre></body></html>\n`;

const lab: LabDef = {
  id: 'fix-overlay-mtu',
  title: 'Fix it: small pages load, large ones hang',
  lesson: 'overlays',
  goal:
    'A ticket: "From the pod `client` on worker1, `curl http://10.244.2.30/` (the pod `web` on worker2) works, but `curl http://10.244.2.30/big.html` hangs. The same the other way round." ' +
    'The pods\' traffic crosses the firewall `gw` inside a VXLAN tunnel between `worker1` (192.168.30.11) and `worker2` (192.168.40.12). gw belongs to the network team: it drops IP fragments and stays exactly as it is. ' +
    'Fix the overlay so that large transfers work in both directions, with every device on the pods\' path (tunnel devices, the pods\' interfaces) sized for it. Turning off the don\'t-fragment bit is not the fix. Each box is a network namespace.',
  hints: [
    'Compare packet sizes: `ip netns exec client ping -c 1 -s 1000 10.244.2.30` and then larger ones. At what size does it stop, and what does `ip netns exec gw iptables -L FORWARD -v -n` count meanwhile?',
    'Watch the underlay while a large ping runs: `tcpdump` on one of gw\'s interfaces. What leaves worker1 for one large inner packet? Count the bytes VXLAN adds to every frame.',
    'A tunnel on a 1500-byte underlay can carry inner packets of at most 1500 − 50 bytes. Look at the MTU of vxlan0 on both workers (`ip -n worker1 link show vxlan0`), and at the pods\' eth0 and the nodes\' veths to the pods.',
    'On both workers `ip -n worker1 link set vxlan0 mtu 1450` (and worker2), then give the pods the same MTU: `ip -n client link set eth0 mtu 1450`, `ip -n web link set eth0 mtu 1450` (the node ends `veth-client`/`veth-web` too).',
  ],
  solution: [
    'ip netns exec client ping -c 1 -s 1472 10.244.2.30',
    'ip -n worker1 link set vxlan0 mtu 1450',
    'ip -n worker2 link set vxlan0 mtu 1450',
    'ip -n client link set eth0 mtu 1450',
    'ip -n worker1 link set veth-client mtu 1450',
    'ip -n web link set eth0 mtu 1450',
    'ip -n worker2 link set veth-web mtu 1450',
    'ip netns exec client curl -s http://10.244.2.30/big.html | tail -1',
  ],
  build(b) {
    b.netns('client', 'worker1', 'gw', 'worker2', 'web');
    b.veth('worker1:eth0', 'gw:eth0');
    b.veth('gw:eth1', 'worker2:eth0');
    b.veth('client:eth0', 'worker1:veth-client');
    b.veth('web:eth0', 'worker2:veth-web');
    b.addr('worker1:eth0', '192.168.30.11/24');
    b.addr('gw:eth0', '192.168.30.1/24');
    b.addr('gw:eth1', '192.168.40.1/24');
    b.addr('worker2:eth0', '192.168.40.12/24');
    b.addr('worker1:veth-client', '10.244.1.1/24');
    b.addr('worker2:veth-web', '10.244.2.1/24');
    b.addr('client:eth0', '10.244.1.20/24');
    b.addr('web:eth0', '10.244.2.30/24');
    b.up('worker1:eth0', 'gw:eth0', 'gw:eth1', 'worker2:eth0', 'worker1:veth-client', 'worker2:veth-web', 'client:eth0', 'web:eth0', 'client:lo', 'web:lo');
    for (const n of ['gw', 'worker1', 'worker2']) b.forwarding(n, true);
    b.route('worker1', 'default', '192.168.30.1');
    b.route('worker2', 'default', '192.168.40.1');
    b.route('client', 'default', '10.244.1.1');
    b.route('web', 'default', '10.244.2.1');
    // The overlay as someone built it: no `dev`, so the kernel left the MTU at 1500.
    for (const [node, local, remote, addr, other, via] of [
      ['worker1', '192.168.30.11', '192.168.40.12', '172.30.0.1/24', '10.244.2.0/24', '172.30.0.2'],
      ['worker2', '192.168.40.12', '192.168.30.11', '172.30.0.2/24', '10.244.1.0/24', '172.30.0.1'],
    ] as const) {
      const ns = b.ns(node);
      ns.linkAdd({ name: 'vxlan0', kind: 'vxlan', vxlan: { id: 7, remote: ipOf(remote), local: ipOf(local), dstport: 4789, learning: true } });
      b.addr(`${node}:vxlan0`, addr);
      b.up(`${node}:vxlan0`);
      b.route(node, other, via);
    }
    iptablesRules(b, 'gw', ['-A FORWARD -f -j DROP']);
    for (const [ns, dir] of [['client', '/srv/client'], ['web', '/srv/web']] as const) {
      b.file('host', `${dir}/big.html`, BIG);
      webServer(b, 'host', b.ns(ns), dir, `<html><body>hello from ${ns}</body></html>\n`);
    }
  },
  shortcuts: [
    { name: 'the firewall rule removed', commands: ['ip netns exec gw iptables -F FORWARD'], expect: ['gw'] },
    { name: 'the tunnel fixed on one node only', commands: ['ip -n worker2 link set vxlan0 mtu 1450'], expect: ['web-gets-big', 'mtu-worker1'] },
    { name: 'the tunnels fixed, the pods left at 1500', commands: ['ip -n worker1 link set vxlan0 mtu 1450', 'ip -n worker2 link set vxlan0 mtu 1450'], expect: ['mtu-worker1', 'mtu-worker2'] },
  ],
  checks: [
    { id: 'client-gets-big', title: 'client fetches the large page from web (http://10.244.2.30/big.html) whole', run: (ctx) => largeTransfer(ctx, 'client', 'http://10.244.2.30', MARK) },
    { id: 'web-gets-big', title: 'web fetches the large page from client (http://10.244.1.20/big.html) whole', run: (ctx) => largeTransfer(ctx, 'web', 'http://10.244.1.20', MARK) },
    { id: 'mtu-worker1', title: 'worker1: the tunnel leaves room for VXLAN\'s 50 bytes, and client\'s interfaces fit the tunnel', run: async (ctx) => overlayMtus(ctx, 'worker1', '10.244.2.30', ['client:eth0', 'worker1:veth-client']) },
    { id: 'mtu-worker2', title: 'worker2: the tunnel leaves room for VXLAN\'s 50 bytes, and web\'s interfaces fit the tunnel', run: async (ctx) => overlayMtus(ctx, 'worker2', '10.244.1.20', ['web:eth0', 'worker2:veth-web']) },
    { id: 'tunnel', title: 'the pods still reach each other through the VXLAN tunnel across gw', run: (ctx) => tunnelledPing(ctx, 'client', 'web', '10.244.2.30', 'gw') },
    { id: 'gw', title: 'gw is left as it was (its fragment rule included)', run: async (ctx) => routerUntouched(ctx, 'gw', ['192.168.30.1/24', '192.168.40.1/24'], ['-A FORWARD -f -j DROP']) },
  ],
};

function ipOf(s: string): number {
  return s.split('.').reduce((a, x) => a * 256 + Number(x), 0) >>> 0;
}

export default lab;
