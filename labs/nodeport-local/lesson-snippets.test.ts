// Runs every <Cmd term="svc-cluster"> snippet of the Services lesson (English
// and Korean pages: the same commands), in page order, in one session on the
// lesson's cluster terminal (the nodeport-local world, as the page builds it),
// and checks what the text says about their output.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../../src/session/session.ts';
import { makeLabWorld } from '../../src/labs/index.ts';

function snippets(path: string): string[] {
  const s = readFileSync(new URL(path, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd term="svc-cluster" run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('Services lesson snippets on the cluster terminal', () => {
  it('English and Korean pages run the same commands', () => {
    expect(snippets('../../content/ko/lessons/services.mdx')).toEqual(snippets('../../content/lessons/services.mdx'));
  });

  it('run in order and show what the text says', async () => {
    const lines = snippets('../../content/lessons/services.mdx');
    expect(lines.length).toBeGreaterThan(10);
    const s = new Session({ makeWorld: () => makeLabWorld('nodeport-local'), host: 'controlplane' });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    const out: [string, string][] = [];
    for (const line of lines) {
      buf = '';
      await s.runLine(line);
      // The daemons (kubelet, kube-proxy) catch up between clicks, as in the page.
      await s.runLine('sleep 3');
      out.push([line, buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')]);
    }
    s.dispose();
    const get = (prefix: string, nth = 0): string => out.filter(([k]) => k.startsWith(prefix))[nth]?.[1] ?? '';
    const exact = (line: string, nth = 0): string => out.filter(([k]) => k === line)[nth]?.[1] ?? '';
    expect(get('kubectl get endpoints shop')).toMatch(/10\.244\.\d+\.\d+:80,10\.244/);
    expect(get("curl -s -o /dev/null -w '%{http_code}\\n' http://10.96.100.100/")).toContain('200');
    expect(get('kubectl get svc -A')).toContain('10.96.100.100');
    expect(get('kubectl get svc shop-np')).toMatch(/NodePort .* 80:3\d{4}\/TCP/);
    expect(get("iptables -t nat -S | grep -E 'KUBE-NODEPORTS|KUBE-EXT'")).toContain('KUBE-EXT-');
    expect(get('iptables -S KUBE-SERVICES | grep shop')).toContain('"default/shop has no local endpoints"');
    expect(get("curl -s -m 2 -o /dev/null")).toContain('000');
    // kubectl edit with sed as the editor puts internalTrafficPolicy back (kubectl-edit.ts).
    expect(get('KUBE_EDITOR=')).toContain('service/shop edited');
    expect(get("kubectl get svc shop -o jsonpath='{.spec.internalTrafficPolicy}")).toContain('Cluster');
    expect(get("iptables -t nat -S | grep -- '-m recent'")).toContain('--rcheck --seconds 10800 --reap');
    const lists = get('grep -c . /proc/net/xt_recent/*');
    expect(lists.match(/:1$/gm)?.length).toBe(1);
    const ct = get('conntrack -L -d 10.96.100.100');
    const pods = new Set([...ct.matchAll(/src=(10\.244\.\d+\.\d+) dst=192\.168\.56\.10/g)].map((m) => m[1]));
    expect(pods.size).toBe(1);
    // LoadBalancer with MetalLB layer 2: pending without a pool, then an address from office-pool.
    expect(exact('kubectl get svc shop-lb', 0)).toMatch(/shop-lb +LoadBalancer +\S+ +<pending> +80:3\d{4}\/TCP/);
    expect(get('kubectl get pods -n metallb-system -o wide')).toMatch(/controller-\S+ +1\/1 +Running/);
    expect(get('kubectl get pods -n metallb-system -o wide').match(/speaker-\S+ +1\/1 +Running/g)?.length).toBe(3);
    expect(get('kubectl get ipaddresspool -n metallb-system', 0)).toContain('No resources found in metallb-system namespace.');
    expect(get('kubectl get ipaddresspool -n metallb-system', 1)).toContain('["192.168.56.240-192.168.56.241"]');
    expect(exact('kubectl get svc shop-lb', 1)).toMatch(/shop-lb +LoadBalancer +\S+ +192\.168\.56\.240 +80:3\d{4}\/TCP/);
    const lbCurl = "curl -s -o /dev/null -w '%{http_code}\\n' http://192.168.56.240/";
    expect(get(lbCurl, 0)).toContain('200');
    expect(get(lbCurl, 1)).toContain('200');
    const mac = (text: string): string => text.match(/(?:lladdr|link\/ether) ([0-9a-f:]{17})/)?.[1] ?? 'none';
    // The text says: controlplane answered ARP first; once it is excluded, node02's gratuitous ARP rewrote outside's entry.
    expect(mac(get('ip neigh show 192.168.56.240', 0))).toBe(mac(get('ip link show eth0')));
    expect(mac(get('ip neigh show 192.168.56.240', 1))).toBe(mac(get('ssh node02 ip link show eth0')));
    expect(mac(get('ssh node01 ip link show eth0'))).not.toBe(mac(get('ip neigh show 192.168.56.240', 0)));
    const ev = get('kubectl describe svc shop-lb');
    expect(ev).toContain('Assigned IP ["192.168.56.240"]');
    expect(ev).toContain('announcing from node "controlplane" with protocol "layer2"');
    expect(get('iptables -t nat -S KUBE-SERVICES | grep shop-lb')).toMatch(/-d 192\.168\.56\.240\/32 .*"default\/shop-lb loadbalancer IP".* -j KUBE-EXT-/);
    expect(get('kubectl label node controlplane')).toContain('node/controlplane labeled');
    expect(get('kubectl describe svc shop-lb | tail -5')).toContain('announcing from node "node02" with protocol "layer2"');
    expect(exact('kubectl get svc')).toMatch(/shop-b +LoadBalancer +\S+ +192\.168\.56\.241 /);
    expect(exact('kubectl get svc')).toMatch(/shop-c +LoadBalancer +\S+ +<pending> /);
    expect(get('kubectl describe svc shop-c | tail -3')).toContain('AllocationFailed  ');
    expect(get('kubectl describe svc shop-c | tail -3')).toContain('Failed to allocate IP for "default/shop-c": no available IPs');
  }, 120_000);
});
