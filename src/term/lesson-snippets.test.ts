// Runs every <Cmd> snippet of the switching-routing and namespaces lessons,
// in page order, in one practice-terminal session on a fresh bare host (as a
// learner clicking Run through the lesson would), and checks the points the
// text makes about their output.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';

/** The command lines of a lesson's <Cmd run=...> snippets, in page order. */
export function lessonSnippets(slug: string): string[] {
  const s = readFileSync(new URL(`../../content/lessons/${slug}.mdx`, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

/** Each line's output (ANSI and CR stripped), from one session. */
async function runAll(lines: string[]): Promise<Map<string, string>> {
  const s = new Session({ makeWorld: () => bareWorld(1) });
  let buf = '';
  s.onOutput((d) => (buf += d));
  await s.start();
  const res = new Map<string, string>();
  for (const line of lines) {
    buf = '';
    await s.runLine(line);
    const text = buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
    if (process.env.PACKETLAB_LESSON_DEBUG) console.log(`$ ${line}\n${text}`);
    res.set(line, (res.get(line) ?? '') + text);
  }
  s.dispose();
  return res;
}

describe('lesson snippets', () => {
  it('switching-routing: every snippet runs and shows what the text says', async () => {
    const lines = lessonSnippets('switching-routing');
    expect(lines.length).toBeGreaterThan(10);
    const out = await runAll(lines);
    for (const [line, text] of out) expect(text, line).not.toMatch(/command not found|syntax error|internal error|Usage:/);
    expect(out.get('ip link')).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP>/m);
    expect(out.get('ip addr show eth0')).toContain('inet 192.168.1.10/24');
    expect(out.get('ip route')).toContain('192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10');
    expect(out.get('ip route')).toContain('192.168.2.0/24 via 192.168.1.1 dev eth0');
    expect(out.get('ip route')).toContain('default via 192.168.1.1 dev eth0');
    expect(out.get('route -n')).toContain('192.168.1.0     0.0.0.0         255.255.255.0   U     0      0        0 eth0');
    expect(out.get('cat /proc/sys/net/ipv4/ip_forward')).toMatch(/\n0\n[\s\S]*\n1\n/);
    expect(out.get('sysctl net.ipv4.ip_forward')).toContain('net.ipv4.ip_forward = 1');
    // Persistence: a file in /etc/sysctl.d, loaded with -p and with --system in procps' order.
    expect(out.get('sysctl -p /etc/sysctl.d/90-router.conf')).toContain('net.ipv4.ip_forward = 1\n');
    expect(out.get('sysctl --system')).toContain('* Applying /etc/sysctl.d/90-router.conf ...\n* Applying /etc/sysctl.d/99-sysctl.conf ...\n* Applying /etc/sysctl.conf ...\nnet.ipv4.ip_forward = 1\n');
  }, 120_000);

  it('namespaces: every snippet runs and shows what the text says', async () => {
    const lines = lessonSnippets('namespaces');
    expect(lines.length).toBeGreaterThan(20);
    const out = await runAll(lines);
    for (const [line, text] of out) expect(text, line).not.toMatch(/command not found|syntax error|internal error|Usage:/);
    expect(out.get('ip netns')).toMatch(/yellow\ngreen/);
    expect(out.get('ls /var/run/netns')).toMatch(/green\s+yellow/);
    expect(out.get('ip netns exec green ip link')).toContain('1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN');
    expect(out.get('ip -n green link')).toContain('1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN');
    // Both pings from green to yellow (direct cable, then through the bridge) succeed.
    expect(out.get('ip netns exec green ping -c 2 10.0.5.2')).toMatch(/2 packets transmitted, 2 received[\s\S]*2 packets transmitted, 2 received/);
    expect(out.get('ip netns exec green arp')).toMatch(/10\.0\.5\.2\s+ether\s+[0-9a-f:]{17}\s+C\s+veth-green/);
    expect(out.get('bridge link')).toMatch(/veth-green-br[\s\S]*master br-demo/);
    expect(out.get('ping -c 1 10.0.5.1')).toContain('Network is unreachable');
    expect(out.get('ping -c 2 10.0.5.1')).toContain('2 packets transmitted, 2 received');
  }, 120_000);
});
