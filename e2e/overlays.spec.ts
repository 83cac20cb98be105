// The overlay and Docker network-type labs in their lessons: the untouched
// start fails with a message that says what is wrong, a learner's own
// solution (typed through the keyboard, not the reference) passes, and so
// does the reference solution.
import { expect, test } from '@playwright/test';
import { expectAllPass, labKey, labPanel, labTerm, pressCheck, promptOf, readyAt, typeAndWait, typeSolution, watchErrors } from './lesson-helpers.ts';

interface Case {
  id: string;
  slug: string;
  checks: number;
  /** Failing check index → text its message contains, for the untouched start. */
  fails: Record<number, string>;
  /** Another correct solution than the reference. */
  own: string[];
  /** The lab's terminal host (default `host`). */
  host?: string;
}

const CASES: Case[] = [
  {
    id: 'vxlan-overlay',
    slug: 'overlays',
    checks: 3,
    fails: { 0: "reached rtr, which has no route to it", 1: 'the goal is a VXLAN tunnel between the nodes' },
    // flannel's way: no remote, nolearning, onlink routes, permanent neighbours and fdb entries.
    own: [
      'ip -n node1 link add flannel.1 type vxlan id 1 local 192.168.10.11 dev eth0 dstport 4789 nolearning',
      'ip -n node2 link add flannel.1 type vxlan id 1 local 192.168.20.12 dev eth0 dstport 4789 nolearning',
      'ip -n node1 link set flannel.1 address 02:aa:00:00:00:01; ip -n node2 link set flannel.1 address 02:aa:00:00:00:02',
      'ip -n node1 addr add 10.244.1.0/32 dev flannel.1; ip -n node1 link set flannel.1 up',
      'ip -n node2 addr add 10.244.2.0/32 dev flannel.1; ip -n node2 link set flannel.1 up',
      'ip -n node1 route add 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink; ip -n node2 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink',
      'ip -n node1 neigh add 10.244.2.0 lladdr 02:aa:00:00:00:02 dev flannel.1 nud permanent; ip -n node2 neigh add 10.244.1.0 lladdr 02:aa:00:00:00:01 dev flannel.1 nud permanent',
      'bridge -n node1 fdb append 02:aa:00:00:00:02 dev flannel.1 dst 192.168.20.12; bridge -n node2 fdb append 02:aa:00:00:00:01 dev flannel.1 dst 192.168.10.11',
    ],
  },
  {
    id: 'fix-overlay-mtu',
    slug: 'overlays',
    checks: 6,
    fails: { 0: 'does not arrive whole', 2: 'the tunnel can carry at most 1450' },
    // Recreate worker1's tunnel bound to eth0 (the kernel derives 1450), shrink worker2's, and give the pods 1400.
    own: [
      'ip -n worker1 link del vxlan0',
      'ip -n worker1 link add vxlan0 type vxlan id 7 remote 192.168.40.12 local 192.168.30.11 dev eth0 dstport 4789',
      'ip -n worker1 addr add 172.30.0.1/24 dev vxlan0; ip -n worker1 link set vxlan0 up; ip -n worker1 route add 10.244.2.0/24 via 172.30.0.2',
      'ip -n worker2 link set vxlan0 mtu 1400',
      'for n in client web; do ip -n $n link set eth0 mtu 1400; done',
      'ip -n worker1 link set veth-client mtu 1400; ip -n worker2 link set veth-web mtu 1400',
    ],
  },
  {
    id: 'docker-network-types',
    slug: 'docker-networking',
    checks: 3,
    fails: { 0: "besides lo: the goal is a container with no network but lo", 1: 'through DNAT', 2: 'there is no container named sidecar' },
    own: [
      'docker stop iso hostweb && docker rm iso hostweb',
      'docker create --name iso --network=none busybox sleep 1000 && docker start iso',
      'docker run -d --name hostweb --net=host nginx',
      'docker run -d --name sidecar --network=container:app busybox sleep 1000',
    ],
  },
  {
    id: 'capstone-path',
    slug: 'kube-proxy',
    checks: 2,
    fails: { 0: 'the goal is a NodePort Service', 1: 'answer once the request works' },
    // A manifest with a chosen nodePort, and the answers looked up with other tools than the reference's.
    own: [
      "APP=$(kubectl get pods | tail -1 | cut -d' ' -f1)",
      "printf 'apiVersion: v1\\nkind: Service\\nmetadata:\\n  name: %s\\nspec:\\n  type: NodePort\\n  selector:\\n    app: %s\\n  ports:\\n  - port: 80\\n    nodePort: 30999\\n' $APP $APP > /tmp/np.yaml",
      'kubectl delete svc $APP && kubectl apply -f /tmp/np.yaml',
      'sleep 2',
      `POD=$(kubectl get pod $APP -o jsonpath='{.status.podIP}'); SEP=$(iptables -t nat -S | grep -- "--to-destination $POD:80" | awk '{print $2}')`,
      "NODE=$(kubectl get pod $APP -o jsonpath='{.spec.nodeName}')",
      "printf 'node_port=30999\\ndnat_node=controlplane\\nsep_chain=%s\\npod_ip=%s\\npod_node=%s\\ntunnel_device=flannel.1\\n' $SEP $POD $NODE > /root/answers.txt",
    ],
    host: 'controlplane',
  },
];

for (const c of CASES) {
  test(`${c.id}: the start fails saying what is wrong, a learner's own solution passes`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.goto(`/lessons/${c.slug}/`);
    const panel = labPanel(page, c.id);
    const term = labTerm(page, c.id);
    await panel.scrollIntoViewIfNeeded();
    await readyAt(term, promptOf(c.host));
    await expect(panel.locator('.lab-results li')).toHaveCount(c.checks);
    const nFail = Object.keys(c.fails).length;
    const summary = await pressCheck(panel, 60_000);
    expect(Number(summary.split(' ')[0])).toBeLessThanOrEqual(c.checks - nFail);
    for (const [i, text] of Object.entries(c.fails)) {
      const li = panel.locator('.lab-results li').nth(Number(i));
      await expect(li).toHaveClass(/fail/);
      await expect(li.locator('.msg')).toContainText(text);
    }
    for (const line of c.own) await typeAndWait(page, term, labKey(c.id), line, 90_000);
    await expectAllPass(panel, c.checks, 60_000);
    expect(errors).toEqual([]);
  });

  test(`${c.id}: the reference solution passes`, async ({ page }) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.goto(`/lessons/${c.slug}/`);
    const panel = labPanel(page, c.id);
    const term = labTerm(page, c.id);
    await panel.scrollIntoViewIfNeeded();
    await readyAt(term, promptOf(c.host));
    await typeSolution(page, c.id);
    await expectAllPass(panel, c.checks, 60_000);
    expect(errors).toEqual([]);
  });
}
