// The busybox image runs BusyBox: its applets only, busybox's own ping and
// wget formats (busybox 1_36_1 networking/ping.c; recorded with Debian's
// busybox 1.35.0 in an unshared namespace: `busybox ping -c1 127.0.0.1`,
// `busybox wget -O- http://127.0.0.1:8000/`), and a program the image lacks
// fails as Docker says (moby docker-v29.7.2 daemon/errors.go
// setExitCodeFromError: 127 for "executable file not found"; runc's
// "exec failed: unable to start container process: exec: ...").

import { describe, expect, it } from 'vitest';
import { dockerWorld, run } from './testkit.ts';

describe('busybox image', () => {
  it('ping prints busybox\'s format: data bytes, seq from 0, round-trip min/avg/max', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '2', '127.0.0.1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\n64 bytes from 127\.0\.0\.1: seq=0 ttl=64 time=\d+\.\d{3} ms\n64 bytes from 127\.0\.0\.1: seq=1 ttl=64 time=\d+\.\d{3} ms\n\n--- 127\.0\.0\.1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min\/avg\/max = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms\n$/,
    );
  });

  it('ping with no answer: statistics after -W, exit 1; an unknown name is busybox\'s "bad address"', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', '-W', '1', '172.17.0.99']);
    expect(r.stdout).toBe('PING 172.17.0.99 (172.17.0.99): 56 data bytes\n\n--- 172.17.0.99 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss\n');
    expect(r.code).toBe(1);
    const bad = await run(world, 'docker', ['docker', 'exec', 'c1', 'ping', '-c', '1', 'nosuch']);
    expect(bad.stderr).toBe("ping: bad address 'nosuch'\n");
    expect(bad.code).toBe(1);
  });

  it('wget: busybox\'s progress lines on stderr, the body on stdout; errors in its words', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'wget', '-O-', 'http://172.17.0.2/']);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(r.stderr).toMatch(/^Connecting to 172\.17\.0\.2 \(172\.17\.0\.2:80\)\nwriting to stdout\n-                    100% \|\*{32}\| +\d+  0:00:00 ETA\nwritten to stdout\n$/);
    const refused = await run(world, 'docker', ['docker', 'exec', 'c1', 'wget', '-O-', 'http://172.17.0.2:8001/']);
    expect(refused.stderr).toBe("Connecting to 172.17.0.2:8001 (172.17.0.2:8001)\nwget: can't connect to remote host (172.17.0.2): Connection refused\n");
    expect(refused.code).toBe(1);
    const nf = await run(world, 'docker', ['docker', 'exec', 'c1', 'wget', '-qO-', 'http://172.17.0.2/nope']);
    expect(nf.stderr).toMatch(/^wget: server returned error: HTTP\/1\.1 404 Not Found\n$/);
  });

  it('a program busybox lacks: docker exec fails with runc\'s error and 127', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    for (const prog of ['iptables', 'ss', 'curl', 'tcpdump', 'dig', 'bash']) {
      const r = await run(world, 'docker', ['docker', 'exec', 'c1', prog, '-h']);
      expect(r.stderr, prog).toBe(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown\n`);
      expect(r.code, prog).toBe(127);
    }
    // and its shell does not find them either
    const sh = await run(world, 'docker', ['docker', 'exec', 'c1', 'sh', '-c', 'iptables -S']);
    expect(sh.code).toBe(127);
    expect(sh.stderr).toBe('sh: iptables: not found\n');
    expect(sh.stdout).toBe('');
    // the host still has them
    expect((await run(world, 'docker', ['iptables', '-S', 'FORWARD'])).code).toBe(0);
  });

  it('the nginx image is Debian with nginx: no ip, ping or iptables; docker run of a missing program is 127', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    for (const prog of ['ip', 'ping', 'iptables']) expect((await run(world, 'docker', ['docker', 'exec', 'web', prog])).code, prog).toBe(127);
    expect((await run(world, 'docker', ['docker', 'exec', 'web', 'cat', '/etc/hostname'])).code).toBe(0);
    // the entrypoint script runs, and its `exec "$@"` does not find ping
    const r = await run(world, 'docker', ['docker', 'run', '--rm', 'nginx', 'ping', '-c', '1', '127.0.0.1']);
    expect(r.stderr).toBe('/docker-entrypoint.sh: 47: exec: ping: not found\n');
    expect(r.code).toBe(127);
    // a program the image has no file for at all, as the container's own command: runc's error at create
    const b = await run(world, 'docker', ['docker', 'run', '--rm', 'busybox', 'iptables', '-S']);
    expect(b.stderr).toBe('docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "iptables": executable file not found in $PATH\n\nRun \'docker run --help\' for more information\n');
    expect(b.code).toBe(127);
  });

  it('busybox APPLET runs the applet; an unknown one is "applet not found"', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    expect((await run(world, 'docker', ['docker', 'exec', 'c1', 'busybox', 'ping', '-c', '1', '127.0.0.1'])).stdout).toMatch(/^PING 127\.0\.0\.1 \(127\.0\.0\.1\): 56 data bytes\n/);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'busybox', 'iptables']);
    expect(r.stderr).toBe('iptables: applet not found\n');
    expect(r.code).toBe(127);
  });

  it('nslookup in busybox\'s format: A answer, then the embedded DNS\'s empty AAAA answer; unknown names', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'network', 'create', 'appnet']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'db', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'app', '--network', 'appnet', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'app', 'nslookup', 'db']);
    expect(r.stdout).toBe('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tdb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n\n');
    expect(r.code).toBe(0);
  });

  it('applets busybox has and the simulation does not implement say so (not the missing-program error)', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'top']);
    expect(r.stderr).toBe('top: this BusyBox applet is not simulated\n');
    expect(r.code).toBe(1);
  });

  it('ip prints as BusyBox\'s ip does (no state/group/link-netnsid, no proto kernel) and lacks -br', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const a = await run(world, 'docker', ['docker', 'exec', 'c1', 'ip', 'addr', 'show', 'eth0']);
    expect(a.stdout).toMatch(/^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue qlen 1000\n    link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\n    inet 172\.17\.0\.2\/16 brd 172\.17\.255\.255 scope global eth0\n/);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ip', 'route']);
    expect(r.stdout).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
    const br = await run(world, 'docker', ['docker', 'exec', 'c1', 'ip', '-br', 'addr']);
    expect(br.stderr).toMatch(/^BusyBox v1\.35\.0 \(Debian 1:1\.35\.0-4\+deb12u1\+b1\) multi-call binary\.\n\nUsage: ip \[OPTIONS\] address\|route\|link\|tunnel\|neigh\|rule \[ARGS\]\n/);
    expect(br.code).toBe(1);
  });

  it('ifconfig in busybox\'s layout (interface.c ife_print, recorded with Debian\'s busybox)', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'ifconfig']);
    expect(r.stdout).toMatch(/^eth0      Link encap:Ethernet  HWaddr [0-9A-F:]{17}  \n          inet addr:172\.17\.0\.2  Bcast:172\.17\.255\.255  Mask:255\.255\.0\.0\n/);
    expect(r.stdout).toMatch(/\nlo        Link encap:Local Loopback  \n          inet addr:127\.0\.0\.1  Mask:255\.0\.0\.0\n          inet6 addr: ::1\/128 Scope:Host\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n/);
    expect(r.stdout).toMatch(/          collisions:0 txqueuelen:1000 \n          RX bytes:\d+ \(\d+\.\d (Ki)?B\)  TX bytes:\d+ \(\d+\.\d (Ki)?B\)\n\n$/);
    const bad = await run(world, 'docker', ['docker', 'exec', 'c1', 'ifconfig', 'nosuch']);
    expect(bad.stderr).toBe('ifconfig: nosuch: error fetching interface information: Device not found\n');
    expect(bad.code).toBe(1);
  });

  it('route shows * for no gateway (not with -n); netstat\'s State column is one wider (recorded next to net-tools)', async () => {
    const { world } = await dockerWorld();
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', 'nginx']);
    await run(world, 'docker', ['docker', 'run', '-d', '--name', 'c1', '--network', 'container:web', 'busybox', 'sleep', '3600']);
    const r = await run(world, 'docker', ['docker', 'exec', 'c1', 'route']);
    expect(r.stdout).toBe('Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\ndefault         172.17.0.1      0.0.0.0         UG    0      0        0 eth0\n172.17.0.0      *               255.255.0.0     U     0      0        0 eth0\n');
    const n = await run(world, 'docker', ['docker', 'exec', 'c1', 'route', '-n']);
    expect(n.stdout).toContain('\n172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n');
    const ns = await run(world, 'docker', ['docker', 'exec', 'c1', 'netstat', '-tln']);
    expect(ns.stdout).toMatch(/^Active Internet connections \(only servers\)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \ntcp        0      0 0\.0\.0\.0:80              0\.0\.0\.0:\*               LISTEN      \n/);
  });
});
