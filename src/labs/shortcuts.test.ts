// Shortcuts that fake a lab's goal without its mechanism must fail, with a
// message naming what the goal asks for. The four cases are spelled
// out here; `lab verify` replays every shortcut every lab declares.

import { describe, expect, it } from 'vitest';
import { getLab, labShortcuts } from './index.ts';
import { checkLines } from './replay.ts';
import { LABS } from '../../labs/index.ts';

async function failing(lab: string, lines: string[]): Promise<Record<string, string>> {
  const res = await checkLines(lab, 1, lines);
  return Object.fromEntries(res.filter((r) => !r.passed).map((r) => [r.id, r.message]));
}

describe('checks that cannot be fooled', () => {
  it('namespaces-veth: every address on lo in each namespace, no veth', async () => {
    const f = await failing('namespaces-veth', [
      'ip netns add red',
      'ip netns add blue',
      ...['red', 'blue'].flatMap((n) => [`ip -n ${n} addr add 192.168.15.1/24 dev lo`, `ip -n ${n} addr add 192.168.15.2/24 dev lo`, `ip -n ${n} link set lo up`]),
    ]);
    expect(f.addresses).toContain('red has 192.168.15.1/24 on lo, which is not a veth: the goal asks for the address on the end of a veth pair whose other end is in blue');
    expect(f['red-to-blue']).toBe("red gets a reply from 192.168.15.2, but 192.168.15.2 is one of red's own addresses: the echo request never left red. The goal asks for 192.168.15.2 to be blue's address, reached over the network");
    expect(f['blue-to-red']).toBeDefined();
  }, 60_000);

  it('namespaces-veth: one namespace under two names (bind mount)', async () => {
    const f = await failing('namespaces-veth', ['ip netns add red', 'touch /run/netns/blue', 'mount --bind /run/netns/red /run/netns/blue', 'ip -n red addr add 192.168.15.1/24 dev lo', 'ip -n red addr add 192.168.15.2/24 dev lo', 'ip -n red link set lo up']);
    expect(f.namespaces).toMatch(/^red and blue are one namespace under two names \(both are nsfs inode \d+\): the goal asks for two separate namespaces \(ip netns add blue\)$/);
  }, 60_000);

  it("port-forward: a web server on the host's port 8080 instead of forwarding to blue", async () => {
    const f = await failing('port-forward', ['mkdir -p /srv/copy', 'ip netns exec blue cat /srv/blue/index.html > /srv/copy/index.html', 'python3 -m http.server 8080 --directory /srv/copy &', 'sleep 2']);
    expect(f.http).toBe("client got a page from http://203.0.113.5:8080/, but not from blue's server at 192.168.15.2:80: the connection was answered by host (203.0.113.5:8080). The goal asks for the page to be served by blue's server");
  }, 60_000);

  it('port-forward: the reference solution passes because blue served it and the host translated it', async () => {
    const res = await checkLines('port-forward', 1, getLab('port-forward')!.solution as string[]);
    expect(res.every((r) => r.passed)).toBe(true);
  }, 60_000);

  it('dns-server: a local dnsmasq and nameserver 127.0.0.1 instead of 192.168.1.100', async () => {
    const f = await failing('dns-server', ["echo 'address=/web/192.168.1.10' > /etc/dnsmasq.conf", 'dnsmasq', "echo 'nameserver 127.0.0.1' > /etc/resolv.conf"]);
    expect(f['dns-answers-web']).toBe(
      'DNS answers "web" with 192.168.1.10, but the answer did not come from 192.168.1.100: host asked 127.0.0.1, and no answer from 192.168.1.100 reached host. The goal asks for host\'s resolver to use the central server 192.168.1.100 (a DNS server on host itself does not count)',
    );
  }, 60_000);

  it('dns-server: a forwarder on the host that asks 192.168.1.100 still gets its answer from 192.168.1.100', async () => {
    const f = await failing('dns-server', ["echo 'server=192.168.1.100' > /etc/dnsmasq.conf", 'dnsmasq', "printf 'nameserver 127.0.0.1\\nsearch mycompany.com\\n' > /etc/resolv.conf"]);
    expect(f).toEqual({});
  }, 60_000);

  it('routing-two-subnets: a direct cable that bypasses the router', async () => {
    const f = await failing('routing-two-subnets', labShortcuts('routing-two-subnets').find((s) => s.name.includes('direct cable'))!.commands);
    expect(f['left-to-right']).toBe('left reaches 10.2.2.10, but router did not forward the echo request: the goal asks for router to route between the networks');
  }, 60_000);

  // Checks that read a traced drop test its step id and parameters (the netfilter table and chain), never its English text.
  it('networkpolicy-deny: a SYN rejected by a hand-written FORWARD rule is blocked, but not by a NetworkPolicy chain', async () => {
    const f = await failing('networkpolicy-deny', labShortcuts('networkpolicy-deny').find((s) => s.name.includes('hand-written REJECTs'))!.commands);
    expect(f['same-namespace-blocked']).toMatch(/^shop\/worker → the api pod \S+ is blocked, but not by a NetworkPolicy: rejected by iptables -t filter FORWARD rule 1 \(-d 10\.244\.0\.0\/16 -p tcp -j REJECT\) \(node01\)$/);
  }, 60_000);

  it('fix-forward-drop: telnet dropped in the raw table instead of by the filter rule the goal keeps', async () => {
    const f = await failing('fix-forward-drop', ['iptables -P FORWARD ACCEPT', 'iptables -F FORWARD', 'iptables -t raw -A PREROUTING -p tcp --dport 23 -j DROP']);
    expect(f['telnet-blocked']).toBe("telnet (TCP 23) is no longer blocked: a SYN from blue to 10.0.1.2:23 passes host's filter table — the goal keeps that rule; fix only the one that is wrong");
  }, 60_000);

  it('every declared shortcut names checks the lab has, and the issue’s labs declare theirs', () => {
    for (const lab of LABS) for (const s of lab.shortcuts ?? []) for (const id of s.expect) expect(lab.checks.map((c) => c.id), `${lab.id}: ${s.name}`).toContain(id);
    for (const id of ['namespaces-veth', 'port-forward', 'dns-server', 'namespaces-bridge', 'routing-two-subnets', 'namespaces-nat']) expect(labShortcuts(id).length, id).toBeGreaterThan(0);
  });
});
