// Runs every <Cmd> snippet of the NAT lesson in page order in one practice
// session on a fresh bare host, and checks what the text says they show.
// Also the two labs' explanations of typical half-done states.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../../src/session/session.ts';
import { bareWorld } from '../../src/world/world.ts';
import { makeLabWorld, runChecks } from '../../src/labs/index.ts';
import { runScript } from '../../src/session/session.ts';

function snippets(): string[] {
  const s = readFileSync(new URL('../../content/lessons/nat.mdx', import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('NAT lesson', () => {
  it('every snippet runs and shows what the text says', async () => {
    const s = new Session({ makeWorld: () => bareWorld(1) });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    const outs: [string, string][] = [];
    for (const line of snippets()) {
      buf = '';
      await s.runLine(line);
      outs.push([line, buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '')]);
    }
    s.dispose();
    const of = (re: RegExp, n = 0): string => outs.filter(([l]) => re.test(l))[n]![1];
    expect(of(/^ping -c 1 192/)).toContain('1 received');
    expect(of(/^ip netns exec green ping -c 1 192/)).toContain('Network is unreachable');
    expect(of(/green ping -c 1 -W 1 192/)).toContain('0 received');
    expect(of(/^timeout 3 tcpdump/)).toMatch(/IP 10\.0\.5\.1 > 192\.0\.2\.10: ICMP echo request/);
    expect(of(/^timeout 3 tcpdump/)).not.toMatch(/echo reply/);
    expect(of(/green ping -c 2 192/)).toContain('2 received');
    expect(of(/^tcpdump -i eth0/)).toMatch(/IP 192\.0\.2\.5 > 192\.0\.2\.10: ICMP echo request[\s\S]*IP 192\.0\.2\.10 > 192\.0\.2\.5: ICMP echo reply/);
    expect(of(/^iptables -t nat -L -n -v$/)).toMatch(/MASQUERADE .*10\.0\.5\.0\/24 +0\.0\.0\.0\/0/);
    expect(of(/internet curl -sS -m 3 http/)).toContain('curl: (7)');
    expect(of(/internet curl .*http_code/, 0)).toContain('curl: (28)');
    expect(of(/internet curl .*http_code/, 1)).toContain('200');
    expect(of(/^conntrack -L -p tcp/)).toMatch(/dport=8080 src=10\.0\.5\.2 dst=192\.0\.2\.10 sport=80/);
  });
});

async function check(lab: string, lines: string[]): Promise<Record<string, string>> {
  const w = makeLabWorld(lab, 1);
  await runScript(w, lines);
  const res = await runChecks(lab, w, 1);
  return Object.fromEntries(res.map((r) => [r.id, `${r.passed ? 'PASS' : 'FAIL'} ${r.message}`]));
}

describe('NAT lab explanations', () => {
  it('namespaces-nat: forwarding off, then no NAT, then done', async () => {
    let r = await check('namespaces-nat', ['ip netns exec red ip route add default via 192.168.15.5']);
    expect(r.ping).toMatch(/^FAIL .*ip_forward is 0 in host/);
    expect(r.http).toMatch(/^FAIL .*SYN was dropped in host: .*ip_forward is 0/);
    r = await check('namespaces-nat', ['ip netns exec red ip route add default via 192.168.15.5', 'sysctl -w net.ipv4.ip_forward=1']);
    expect(r.ping).toMatch(/^FAIL the echo request reached internet .*internet has no route to 192\.168\.15\.0\/24/);
    expect(r.http).toMatch(/^FAIL .*no SYN-ACK came back: internet has no route to 192\.168\.15\.1/);
    expect(r.snat).toMatch(/^FAIL .*no MASQUERADE or SNAT rule/);
    r = await check('namespaces-nat', ['ip netns exec red ip route add default via 192.168.15.5', 'sysctl -w net.ipv4.ip_forward=1', 'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j SNAT --to-source 203.0.113.5']);
    expect(Object.values(r).every((m) => m.startsWith('PASS'))).toBe(true);
    // Replies blocked on the way back: FORWARD policy DROP with only the outgoing direction allowed.
    r = await check('namespaces-nat', ['ip netns exec red ip route add default via 192.168.15.5', 'sysctl -w net.ipv4.ip_forward=1', 'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE', 'iptables -P FORWARD DROP', 'iptables -A FORWARD -s 192.168.15.0/24 -j ACCEPT']);
    expect(r.ping).toMatch(/^FAIL the echo request reached internet .*policy DROP of iptables -t filter FORWARD/);
    expect(r.http).toMatch(/^FAIL .*SYN-ACK came back to host on eth0 .*dropped in host: dropped by the policy DROP of iptables -t filter FORWARD/);
  });

  it('port-forward: no DNAT, a DROP rule, no route back', async () => {
    let r = await check('port-forward', []);
    expect(r.http).toMatch(/RST.*no DNAT rule/);
    const base = ['iptables -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.15.2:80', 'sysctl -w net.ipv4.ip_forward=1'];
    r = await check('port-forward', [...base, 'iptables -A FORWARD -p tcp --dport 80 -j DROP', 'ip netns exec blue ip route add default via 192.168.15.5']);
    expect(r.http).toMatch(/dropped by iptables -t filter FORWARD rule 1 .*-j DROP/);
    r = await check('port-forward', base);
    expect(r.http).toMatch(/SYN reached host\/blue .*no route to 203\.0\.113\.20/);
  });
});
