// The daemons and helpers around the Docker CLI: `dockerd` (refuses a
// second instance), `docker-proxy` (the userland proxy of one published
// port), `hello` (hello-world's program) and `docker-entrypoint.sh`.

import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { engineOf } from '../../docker/engine.ts';
import { startDockerd } from '../../docker/boot.ts';
import { HELLO_TEXT } from '../../docker/images.ts';

/** Optional TCP relay the socket layer provides (host port -> container address). */
export type ProxyRelay = (p: Process, o: { proto: string; hostIp: string; hostPort: number; containerIp: string; containerPort: number }) => Promise<number>;
let relay: ProxyRelay | undefined;

/** Install the relay used by docker-proxy once TCP sockets exist. */
export function setProxyRelay(r: ProxyRelay): void {
  relay = r;
}

register({
  name: 'dockerd',
  summary: 'the Docker Engine daemon (started with the host in Docker labs)',
  usage: 'dockerd [--userland-proxy=false]',
  options: [{ flag: '--userland-proxy', arg: 'BOOL', desc: 'use docker-proxy for published ports (default true)' }],
  async run(p) {
    const k = kernelOf(p);
    if (engineOf(k)) {
      p.stderr.write('failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID ' + engineOf(k)!.daemon.pid + ' is still running\n');
      return 1;
    }
    const e = startDockerd(k, { userlandProxy: !p.argv.includes('--userland-proxy=false') });
    await e.ready;
    await p.wait(() => () => {});
    return 0;
  },
});

register({
  name: 'docker-proxy',
  summary: 'userland proxy of one published container port',
  usage: 'docker-proxy -proto tcp -host-ip IP -host-port PORT -container-ip IP -container-port PORT',
  hidden: true,
  async run(p) {
    const a = p.argv;
    const get = (f: string): string => a[a.indexOf(f) + 1] ?? '';
    const o = { proto: get('-proto'), hostIp: get('-host-ip'), hostPort: Number(get('-host-port')), containerIp: get('-container-ip'), containerPort: Number(get('-container-port')) };
    if (relay) return relay(p, o);
    await p.wait(() => () => {});
    return 0;
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
    return p.exec(p, p.argv.slice(1));
  },
});
