// Behaviour of tcpdump and nc options the audit (docs/not-simulated.md)
// keeps as honoured, and the refusal of the ones it marks not simulated.
import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../world/world.ts';
import { runScript } from '../../session/session.ts';
import '../index.ts';

const SETUP = [
  'ip netns add red',
  'ip link add veth-red type veth peer name veth-host',
  'ip link set veth-red netns red',
  'ip addr add 192.168.15.5/24 dev veth-host',
  'ip link set veth-host up',
  'ip -n red addr add 192.168.15.1/24 dev veth-red',
  'ip -n red link set veth-red up',
  'ip -n red link set lo up',
];

async function run(lines: string[]) {
  const steps = await runScript(bareWorld(1), [...SETUP, ...lines]);
  return steps.slice(SETUP.length);
}

const CAPTURE = (flags: string) => `tcpdump -i veth-host -n -t ${flags} -c 2 icmp & sleep 1; ping -c 1 -W 1 192.168.15.1 >/dev/null; wait`;

describe('tcpdump options', () => {
  it('tcpdump -l, -U and -K decode exactly as without them', async () => {
    const [plain, l, u, k] = await run([CAPTURE(''), CAPTURE('-l'), CAPTURE('-U'), CAPTURE('-K')]);
    const strip = (s: string) => s.replace(/id \d+/g, 'id N');
    expect(plain.stdout).toMatch(/ICMP echo request/);
    for (const s of [l, u, k]) expect(strip(s.stdout)).toBe(strip(plain.stdout));
  });

  it('tcpdump -v drops the "verbose output suppressed" notice', async () => {
    const [v] = await run([CAPTURE('-v')]);
    expect(v.stderr).not.toMatch(/verbose output suppressed/);
    expect(v.stderr).toMatch(/^listening on veth-host/);
  });

  it('tcpdump -D lists the interfaces, tcpdump -h prints the usage', async () => {
    const [d, h] = await run(['tcpdump -D', 'tcpdump -h']);
    expect(d.stdout).toBe('1.any (Pseudo-device that captures on all interfaces) [Up, Running]\n2.lo [Up, Running, Loopback]\n3.veth-host [Up, Running, Connected]\n');
    expect(h.stdout).toMatch(/^tcpdump version 4\.99\.3\n[\s\S]*Usage: tcpdump /);
  });

  it('tcpdump -w FILE and -s N are refused as not simulated', async () => {
    const [w, s] = await run(['tcpdump -i veth-host -w /tmp/x.pcap', 'tcpdump -s 0 -i veth-host']);
    expect(w).toMatchObject({ stderr: 'tcpdump: -w: not simulated\n', exit: 1 });
    expect(s).toMatchObject({ stderr: 'tcpdump: -s: not simulated\n', exit: 1 });
  });
});

describe('nc options', () => {
  it('nc -l -k keeps listening: two clients in turn reach the same listener', async () => {
    const [, a, b] = await run([
      'ip netns exec red nc -l -k 7000 > /tmp/got &',
      'echo one | nc -N 192.168.15.1 7000',
      'echo two | nc -N 192.168.15.1 7000; sleep 1; cat /tmp/got',
    ]);
    expect(a.exit).toBe(0);
    expect(b.stdout).toBe('one\ntwo\n');
  });

  it('nc -T and -6 are refused as not simulated', async () => {
    const [t, six] = await run(['nc -T lowdelay 192.168.15.1 80', 'nc -6 -z 192.168.15.1 80']);
    expect(t).toMatchObject({ stderr: 'nc: -T: not simulated\n', exit: 1 });
    expect(six).toMatchObject({ stderr: 'nc: -6: not simulated\n', exit: 1 });
  });
});

describe('curl options', () => {
  it('curl -X, -H and -d shape the request a server receives; -4 changes nothing for IPv4', async () => {
    const [, c, got] = await run([
      'ip netns exec red nc -l 8080 > /tmp/req &',
      "curl -4 -s -m 1 -X PUT -H 'X-Lab: 1' -d hello http://192.168.15.1:8080/x",
      'sleep 1; cat /tmp/req',
    ]);
    expect(c.exit).toBe(28);
    expect(got.stdout).toBe('PUT /x HTTP/1.1\r\nHost: 192.168.15.1:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\nX-Lab: 1\r\nContent-Length: 5\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\nhello');
  });

  it('curl --local-port binds the client port (ss shows it)', async () => {
    const [, , st] = await run([
      'ip netns exec red nc -l -k 8080 >/dev/null &',
      'curl -s -m 2 --local-port 40001 http://192.168.15.1:8080/ & sleep 1',
      'ss -tn',
    ]);
    expect(st.stdout).toMatch(/192\.168\.15\.5:40001 +192\.168\.15\.1:8080/);
  });

  it('curl -L follows the 301 of a directory without its slash', async () => {
    const [, , , plain, follow] = await run([
      'mkdir -p /srv/sub && echo x > /srv/sub/a.txt',
      'cd /srv && ip netns exec red python3 -m http.server 80 --bind 192.168.15.1 >/dev/null 2>&1 &',
      'sleep 2',
      "curl -s -o /dev/null -w '%{http_code}' http://192.168.15.1/sub",
      "curl -sL -o /dev/null -w '%{http_code} %{url_effective}' http://192.168.15.1/sub",
    ]);
    expect(plain.stdout).toBe('301');
    expect(follow.stdout).toMatch(/^200/);
  });

  it('curl -k is refused as not simulated; ss -H too', async () => {
    const [k, h] = await run(['curl -k http://192.168.15.1/', 'ss -H -t']);
    expect(k).toMatchObject({ stderr: 'curl: -k: not simulated\n', exit: 1 });
    expect(h).toMatchObject({ stderr: 'ss: -H: not simulated\n', exit: 1 });
  });

  it('ss -4 lists the same IPv4 sockets', async () => {
    const [, a, b] = await run(['ip netns exec red nc -l 7001 >/dev/null &', 'ip netns exec red ss -4 -ltn', 'ip netns exec red ss -ltn']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain(':7001');
  });
});

