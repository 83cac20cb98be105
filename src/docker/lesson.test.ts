// Runs every <Cmd> snippet of content/lessons/docker-networking.mdx, in page
// order, in one practice-terminal session on the lesson's practice world (a
// fresh bare host, as the page's practice terminal builds it), and checks the
// points the text makes about their output.

import { describe, expect, it } from 'vitest';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { readFileSync } from 'node:fs';

/** The command lines of the lesson's <Cmd run=...> snippets, in page order. */
function lessonSnippets(slug: string): string[] {
  const s = readFileSync(new URL(`../../content/lessons/${slug}.mdx`, import.meta.url), 'utf8');
  const out: string[] = [];
  for (const m of s.matchAll(/<Cmd run=(\{\[[\s\S]*?\]\}|"[^"]*")/g)) {
    const v = m[1]!;
    out.push(...(v.startsWith('{') ? (JSON.parse(v.slice(1, -1)) as string[]) : [v.slice(1, -1)]));
  }
  return out;
}

describe('the docker-networking lesson snippets', () => {
  it('run in order on the practice host and show what the text says', async () => {
    const lines = lessonSnippets('docker-networking');
    expect(lines.length).toBeGreaterThan(15);
    const s = new Session({ makeWorld: () => bareWorld(1) });
    let buf = '';
    s.onOutput((d) => (buf += d));
    await s.start();
    const out = new Map<string, string>();
    for (const line of lines) {
      buf = '';
      await s.runLine(line);
      const text = buf.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      if (process.env.PACKETLAB_LESSON_DEBUG) console.log(`$ ${line}\n${text}`);
      out.set(line, (out.get(line) ?? '') + text);
    }
    s.dispose();
    for (const [line, text] of out) expect(text, line).not.toMatch(/command not found|syntax error|internal error|Cannot connect to the Docker daemon|Usage:/);
    const get = (l: string): string => out.get(l) ?? '';
    // docker run: the host end of the veth pair on docker0; nginx an ordinary process under the shim.
    expect(get('ip link show master docker0')).toMatch(/^\d+: veth[0-9a-f]{7}@if\d+: .* master docker0 state UP/m);
    expect(get('ps -e')).toMatch(/containerd-shim\n.*nginx/);
    // Docker 29 dropped the top-level IPAddress; the per-network one answers.
    expect(get("docker inspect -f '{{.NetworkSettings.IPAddress}}' web")).toContain('map has no entry for key "IPAddress"');
    expect(get("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web")).toContain('172.17.0.2\n');
    // The nat table is the lesson's listing, line for line.
    expect(get('iptables -t nat -S')).toContain(
      '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n-N DOCKER\n-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 9090 -j DNAT --to-destination 172.17.0.2:80\n',
    );
    // 127.0.0.1:9090 is answered through docker-proxy, listening on the host port.
    expect(get('curl -s http://127.0.0.1:9090/ | head -4')).toContain('<title>Welcome to nginx!</title>');
    expect(get('ss -tlnp')).toMatch(/0\.0\.0\.0:9090 .*users:\(\("docker-proxy"/);
    // ip netns lists nothing until the namespace is pinned under /var/run/netns.
    expect(get('ip netns')).toBe('ip netns\nroot@host:~# ');
    expect(get('nsenter --target $PID --net ip addr')).toContain('inet 172.17.0.2/16');
    expect(get('ip netns exec nginx1 ip addr')).toContain('inet 172.17.0.2/16');
    // The embedded DNS: resolv.conf, the NAT rule to dockerd's socket, the socket, a real query.
    expect(get('docker exec shop cat /etc/resolv.conf')).toMatch(/nameserver 127\.0\.0\.11\n[\s\S]*options ndots:0/);
    // busybox has no iptables: the table is read from the host with nsenter.
    const port = /-A DOCKER_OUTPUT -d 127\.0\.0\.11\/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127\.0\.0\.11:(\d+)/.exec(get('nsenter -t $APP -n iptables -t nat -S'))?.[1];
    expect(port).toBeDefined();
    expect(get('nsenter -t $APP -n ss -uln')).toContain(`127.0.0.11:${port}`);
    expect(get('docker exec shop nslookup stock')).toMatch(/Server:\t\t127\.0\.0\.11[\s\S]*Name:\tstock\nAddress: 172\.18\.0\.2/);
    // The alias resolves; the default bridge has no embedded DNS.
    expect(get('docker exec shop ping -c 1 database')).toContain('1 packets transmitted, 1 packets received');
    expect(get('docker exec web getent hosts stock')).not.toContain('172.18.0.2');
    // none, host, container: the section's claims.
    expect(get('docker network ls')).toMatch(/^NETWORK ID +NAME +DRIVER +SCOPE\n[0-9a-f]{12} +bridge +bridge +local\n[0-9a-f]{12} +host +host +local\n[0-9a-f]{12} +none +null +local\n[0-9a-f]{12} +shopnet +bridge +local\n/m);
    expect(get('docker exec loner ip addr')).toMatch(/^1: lo: /m);
    expect(get('docker exec loner ip addr')).not.toMatch(/^2: /m);
    expect(get('docker exec loner ip route')).toBe('docker exec loner ip route\nroot@host:~# ');
    expect(get('docker exec loner ping -c 1 192.168.1.10')).toContain('ping: sendto: Network is unreachable');
    expect(get('ss -tlnp')).toMatch(/0\.0\.0\.0:80 .*nginx/);
    expect(get('docker logs h2')).toContain('bind() to 0.0.0.0:80 failed (98: Address already in use)');
    expect(get('docker ps -a')).toMatch(/Exited \(1\) .* h2\n/);
    expect(get('docker exec side ip addr show eth0')).toContain('inet 172.17.0.2/16');
    expect(get('docker exec side wget -qO- http://localhost/')).toContain('<title>Welcome to nginx!</title>');
    // The pause-container section: the "pod" keeps its address when a container is recreated; a second nginx cannot bind.
    expect(get('docker exec pod-tool wget -qO- http://localhost/ | grep title')).toContain('<title>Welcome to nginx!</title>');
    const podAddrs = [...get('docker exec pod-tool ip -4 addr show eth0').matchAll(/inet (\S+)/g)].map((m) => m[1]);
    expect(podAddrs.length).toBe(2);
    expect(podAddrs[1]).toBe(podAddrs[0]);
    expect(get('docker logs pod-web2 2>&1 | head -2')).toContain('bind() to 0.0.0.0:80 failed (98: Address already in use)');
    expect(get('ps -ef')).toMatch(/dockerd[\s\S]*containerd[\s\S]*containerd-shim/);
    // A hairpin request from a container on the bridge reaches the published port.
    expect(get('docker run --rm busybox wget -qO- http://172.17.0.1:9090/ | head -2')).toContain('<!DOCTYPE html>');
  }, 120_000);
});
