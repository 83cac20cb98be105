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
    const out = new Map<string, string>();
    for (const line of lines) {
      buf = '';
      await s.runLine(line);
      // The daemons (kubelet, kube-proxy) catch up between clicks, as in the page.
      await s.runLine('sleep 3');
      out.set(line, buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, ''));
    }
    s.dispose();
    const get = (prefix: string, nth = 0): string => [...out.entries()].filter(([k]) => k.startsWith(prefix))[nth]?.[1] ?? '';
    expect(get('kubectl get endpoints shop')).toMatch(/10\.244\.\d+\.\d+:80,10\.244/);
    expect(get("curl -s -o /dev/null -w '%{http_code}\\n' http://10.96.100.100/")).toContain('200');
    expect(get('kubectl get svc -A')).toContain('10.96.100.100');
    expect(get('kubectl get svc shop-np')).toMatch(/NodePort .* 80:3\d{4}\/TCP/);
    expect(get("iptables -t nat -S | grep -E 'KUBE-NODEPORTS|KUBE-EXT'")).toContain('KUBE-EXT-');
    expect(get('iptables -S KUBE-SERVICES | grep shop')).toContain('"default/shop has no local endpoints"');
    expect(get("curl -s -m 2 -o /dev/null")).toContain('000');
    expect(get("iptables -t nat -S | grep -- '-m recent'")).toContain('--rcheck --seconds 10800 --reap');
    const lists = get('grep -c . /proc/net/xt_recent/*');
    expect(lists.match(/:1$/gm)?.length).toBe(1);
    const ct = get('conntrack -L -d 10.96.100.100');
    const pods = new Set([...ct.matchAll(/src=(10\.244\.\d+\.\d+) dst=192\.168\.56\.10/g)].map((m) => m[1]));
    expect(pods.size).toBe(1);
  }, 120_000);
});
