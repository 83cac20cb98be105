// The overlays lesson's snippets, in page order, in one practice-terminal
// session on a fresh bare host (English and Korean pages run the same
// lines): each claim the text makes about their output holds.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';

/** The command lines of the lesson's <Cmd run=...> snippets, in page order (arrays end at `]} />`: the JSON inside may hold `]]`). */
function lessonSnippets(dir: string): string[] {
  const s = readFileSync(new URL(`../../content/${dir}/overlays.mdx`, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(?:\{(\[[\s\S]*?\])\} \/>|"([^"]*)")/g)) out.push(...(m[2] !== undefined ? [m[2]] : (JSON.parse(m[1]!) as string[])));
  return out;
}

async function runAll(lines: string[]): Promise<Map<string, string>> {
  const s = new Session({ makeWorld: () => bareWorld(1) });
  let buf = '';
  s.onOutput((d) => (buf += d));
  await s.start();
  const res = new Map<string, string>();
  for (const line of lines) {
    buf = '';
    await s.runLine(line);
    res.set(line, (res.get(line) ?? '') + buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''));
  }
  s.dispose();
  return res;
}

describe('overlays lesson', () => {
  it('runs every snippet and shows what the text says', async () => {
    const lines = lessonSnippets('lessons');
    expect(lessonSnippets('ko/lessons')).toEqual(lines);
    const out = await runAll(lines);
    for (const [line, text] of out) expect(text, line).not.toMatch(/command not found|syntax error|internal error|Usage:/);
    const get = (l: string): string => out.get(l) ?? '';
    expect(get('ip -n east -d link show vx42')).toMatch(/vx42: .* mtu 1450 /);
    expect(get('ip -n east -d link show vx42')).toContain('vxlan id 42 remote 10.10.2.2 local 10.10.1.2 dev e0 srcport 0 0 dstport 4789');
    const dump = get('ip netns exec core tcpdump -n -i c-west -c 4 udp & sleep 1; ip netns exec east ping -c 1 10.42.0.2; wait');
    expect(dump).toMatch(/IP 10\.10\.1\.2\.\d+ > 10\.10\.2\.2\.4789: VXLAN, flags \[I\] \(0x08\), vni 42\nARP, Request who-has 10\.42\.0\.2 tell 10\.42\.0\.1/);
    expect(dump).toMatch(/VXLAN, flags \[I\] \(0x08\), vni 42\nIP 10\.42\.0\.1 > 10\.42\.0\.2: ICMP echo request/);
    expect(dump).toContain('1 received');
    expect(get('ip -n core route')).not.toContain('10.42.');
    expect(get('bridge -n west fdb show dev vx42')).toMatch(/^[0-9a-f:]{17} dst 10\.10\.1\.2 self \n00:00:00:00:00:00 dst 10\.10\.1\.2 via w0 self permanent\n/m);
    expect(get('ip netns exec east ping -c 1 -M do -s 1422 10.42.0.2')).toContain('1 received');
    expect(get('ip netns exec east ping -c 1 -M do -s 1423 10.42.0.2')).toContain('ping: local error: message too long, mtu=1450');
    expect(get('ip netns exec east ping -c 1 -I 10.77.1.0 10.77.2.0')).toContain('1 received');
    expect(get("ls /var/lib/cni/networks/demo")).toMatch(/10\.88\.0\.2\s+last_reserved_ip\.0\s+lock/);
    expect(get('cat /var/lib/cni/networks/demo/10.88.0.2; echo; cat /var/lib/cni/networks/demo/last_reserved_ip.0; echo')).toContain('c1\neth0\n10.88.0.2\n');
  }, 120_000);
});
