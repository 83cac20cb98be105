// Docker engine benches: start and remove 200 containers (each a namespace,
// a veth pair on docker0, an address, iptables rules and a process), and the
// heap of a host running 50 containers, and HTTP traffic from another host
// to a published port (DNAT to nginx in a container).

import { dockerWorld, run } from '../src/docker/testkit.ts';

async function startRemove(n: number): Promise<{ metric: string; value: number }[]> {
  const { world } = await dockerWorld();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await run(world, 'docker', ['docker', 'run', '-d', '--name', `c${i}`, 'busybox', 'sleep', '3600']);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) await run(world, 'docker', ['docker', 'rm', '-f', `c${i}`]);
  const t2 = performance.now();
  return [
    { metric: 'start_ms_total', value: Math.round(t1 - t0) },
    { metric: 'remove_ms_total', value: Math.round(t2 - t1) },
    { metric: 'ms_per_container', value: Math.round(((t2 - t0) / n) * 100) / 100 },
  ];
}

async function heap50(): Promise<{ metric: string; value: number }[]> {
  const g = globalThis as { gc?: () => void };
  g.gc?.();
  const before = process.memoryUsage().heapUsed;
  const { world, engine } = await dockerWorld();
  for (let i = 0; i < 50; i++) await run(world, 'docker', ['docker', 'run', '-d', '--name', `c${i}`, '-p', `${8000 + i}:80`, 'nginx']);
  g.gc?.();
  const after = process.memoryUsage().heapUsed;
  return [
    { metric: 'containers_running', value: engine.containers.filter((c) => c.status === 'running').length },
    { metric: 'heap_mb_delta', value: Math.round(((after - before) / 1e6) * 10) / 10 },
  ];
}

/** `n` sequential `curl` requests from `client` to nginx published on the Docker host's port 8080. */
async function traffic(n: number): Promise<{ metric: string; value: number }[]> {
  const { world } = await dockerWorld();
  const started = await run(world, 'docker', ['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
  if (started.code !== 0) throw new Error(`docker run failed: ${started.stderr}`);
  const v0 = world.clock.now;
  const t0 = performance.now();
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const r = await run(world, 'client', ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://192.168.1.10:8080/']);
    if (r.code === 0 && r.stdout === '200') ok++;
  }
  const wall = performance.now() - t0;
  const virt = world.clock.now - v0;
  return [
    { metric: 'requests', value: n },
    { metric: 'ok_200', value: ok },
    { metric: 'requests_per_s_wall', value: Math.round(n / (wall / 1000)) },
    { metric: 'wall_ms_per_request', value: Math.round((wall / n) * 100) / 100 },
    { metric: 'virtual_ms_per_request', value: Math.round((virt / n) * 1000) / 1000 },
  ];
}

export const benches = [
  { name: 'docker-start-remove-200', about: 'docker run -d then docker rm -f, 200 busybox containers on docker0', run: () => startRemove(200) },
  { name: 'docker-traffic-http-500', about: 'curl from client to nginx published on the Docker host (-p 8080:80, DNAT), 500 requests in sequence', run: () => traffic(500) },
  { name: 'docker-heap-50', about: 'heap growth of a Docker host running 50 nginx containers, each publishing a port', run: heap50 },
];
