// The daemons and helpers around the Docker CLI: `containerd` and its
// `containerd-shim-runc-v2` per container, `dockerd` (the engine's process:
// it runs iptables and owns docker-proxy processes), `docker-proxy` (the
// userland proxy of one published port: a listening socket on the host that
// relays each connection to the container), `hello` (hello-world's program)
// and `docker-entrypoint.sh` (nginx's entrypoint).

import type { Process } from '../../kernel/proc.ts';
import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { setOwner } from '../../kernel/socket/socket.ts';
import { register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import { DaemonError, Engine, engineOf } from '../../docker/engine.ts';
import { HELLO_TEXT } from '../../docker/images.ts';

/** Wait for a signal; the usual daemon life. */
async function untilSignal(p: Process): Promise<number> {
  await p.wait(() => () => {});
  return p.pendingSignal === 'SIGKILL' ? 137 : 0;
}

register({ name: 'containerd', summary: 'container runtime daemon (started with the host in Docker labs)', hidden: true, run: untilSignal });
register({ name: 'containerd-shim-runc-v2', summary: 'containerd shim: parent of one container\'s processes', hidden: true, run: untilSignal });

register({
  name: 'dockerd',
  summary: 'the Docker Engine daemon (started with the host in Docker labs)',
  usage: 'dockerd [-H SOCKET] [--containerd=SOCKET] [--userland-proxy=false]',
  options: [
    { flag: '--userland-proxy', arg: 'BOOL', desc: 'use docker-proxy for published ports (default true); false: hairpin NAT rules instead' },
    { flag: 'not simulated', desc: 'every other dockerd flag (--icc, --iptables, --bip, --ip-forward…) is refused: "dockerd: FLAG is not simulated", exit 1' },
  ],
  async run(p) {
    const k = kernelOf(p);
    // The flags modelled: -H/--host, --containerd, --userland-proxy[=BOOL]. Any other
    // dockerd flag (--icc, --iptables, --bip, --ip-forward…) is refused, not ignored.
    let userlandProxy = true;
    const args = p.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-H' || a === '--host') i++;
      else if (/^(-H|--host=|--containerd=)/.test(a)) continue;
      else if (a === '--containerd') i++;
      else if (a === '--userland-proxy' || a === '--userland-proxy=true' || a === '--userland-proxy=1') userlandProxy = true;
      else if (a === '--userland-proxy=false' || a === '--userland-proxy=0') userlandProxy = false;
      else {
        p.stderr.write(`dockerd: ${a.split('=')[0]} is not simulated\n`);
        return 1;
      }
    }
    let e = engineOf(k);
    if (e?.daemon && e.daemon !== p && e.daemon.state !== 'Z') {
      p.stderr.write(`failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID ${e.daemon.pid} is still running\n`);
      return 1;
    }
    if (!e) {
      e = new Engine(k);
      e.register();
    }
    // Without --containerd, dockerd starts and supervises its own containerd (libcontainerd/supervisor).
    if (!p.argv.some((a) => a.startsWith('--containerd')) && !e.containerd) {
      k.vfs.mkdir('/var/run/docker/containerd', {}, true);
      void p.exec(p, ['containerd', '--config', '/var/run/docker/containerd/containerd.toml'], { onSpawn: (c) => (e!.containerd = c) }).catch(() => 0);
    }
    try {
      await e.serve(p, { userlandProxy });
    } catch (err) {
      if (!(err instanceof DaemonError)) throw err;
      p.stderr.write(`failed to start daemon: Error initializing network controller: ${err.message}\n`);
      return 1;
    }
    return untilSignal(p);
  },
});

/** Copy one direction of a proxied connection until end of file, then half-close. */
async function pump(p: Process, from: TcpSocket, to: TcpSocket): Promise<void> {
  for (let i = 0; i < 1_000_000; i++) {
    let d;
    try {
      d = await from.recv(p);
    } catch {
      d = null;
    }
    if (d === 'signal' || d === 'timeout') break;
    if (d === null) break;
    try {
      to.send(d);
    } catch {
      break;
    }
  }
  try {
    to.close();
  } catch {
    // already gone
  }
}

/** One accepted connection: connect to the container and relay both ways (moby's TCPProxy.clientLoop). */
async function relay(p: Process, client: TcpSocket, dst: number, port: number): Promise<void> {
  const back = new TcpSocket(nsOf(p));
  let r: string;
  try {
    r = await back.connect(p, dst, port, 75_000);
  } catch {
    r = 'refused';
  }
  if (r !== 'ok') {
    // moby: "Can't forward traffic to backend" — the client sees the connection close.
    client.close();
    return;
  }
  await Promise.all([pump(p, client, back), pump(p, back, client)]);
}

register({
  name: 'docker-proxy',
  summary: 'userland proxy of one published container port',
  usage: 'docker-proxy -proto tcp -host-ip IP -host-port PORT -container-ip IP -container-port PORT',
  hidden: true,
  async run(p) {
    const a = p.argv;
    const get = (f: string): string => a[a.indexOf(f) + 1] ?? '';
    const proto = get('-proto');
    const hostIp = parseIp4(get('-host-ip')) ?? 0;
    const hostPort = Number(get('-host-port'));
    const cip = parseIp4(get('-container-ip'));
    const cport = Number(get('-container-port'));
    if (proto !== 'tcp' || cip === undefined) return untilSignal(p);
    const l = new TcpSocket(nsOf(p));
    setOwner(l, p);
    try {
      l.bind(hostIp, hostPort);
      l.listen(4096);
    } catch (e) {
      p.stderr.write(`listen tcp4 ${fmtIp4(hostIp)}:${hostPort}: bind: ${e instanceof KernelError ? e.message.toLowerCase() : 'address already in use'}\n`);
      return 1;
    }
    const conns: Promise<void>[] = [];
    try {
      for (let i = 0; i < 100_000; i++) {
        const c = await l.accept(p);
        if (c === 'signal' || c === 'timeout') break;
        conns.push(relay(p, c, cip, cport));
        if (conns.length > 64) conns.splice(0, conns.length - 64);
      }
    } finally {
      l.close();
    }
    return p.pendingSignal === 'SIGKILL' ? 137 : 0;
  },
});

register({
  name: 'hello',
  summary: 'hello-world image program',
  hidden: true,
  run(p) {
    p.stdout.write(HELLO_TEXT);
    return 0;
  },
});

register({
  name: 'docker-entrypoint.sh',
  summary: 'nginx image entrypoint: runs its arguments',
  hidden: true,
  async run(p) {
    if (p.argv.length < 2) return 0;
    try {
      return await p.exec(p, p.argv.slice(1));
    } catch {
      // The script's last line (nginx/docker-nginx mainline/debian/docker-entrypoint.sh:47)
      // is `exec "$@"` under /bin/sh (dash), which reports a missing program so.
      p.stderr.write(`/docker-entrypoint.sh: 47: exec: ${p.argv[1]}: not found\n`);
      return 127;
    }
  },
});
