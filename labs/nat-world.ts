// Shared start state of the NAT labs: the host's namespaces behind bridge
// v-net-0 (192.168.15.0/24), the host's outside interface eth0 203.0.113.5/24
// on the `outside` segment, and the hosts out there. Servers are started the
// way init starts daemons (bootSpawn), so they are ordinary processes (`ss
// -ltnp` on that host shows them).

import type { Builder } from '../src/labs/build.ts';
import { bootSpawn } from '../src/userland/registry.ts';
// The servers the labs start (registering python3 puts it on the hosts' PATH).
import '../src/userland/net/httpd.ts';
import type { NetNs } from '../src/kernel/netns.ts';

const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

/** Bridge v-net-0 192.168.15.5/24 on the host, and namespace `name` at `addr` plugged into it. */
export function bridgedNs(b: Builder, names: [string, string][]): void {
  b.bridge('v-net-0');
  b.addr('v-net-0', '192.168.15.5/24');
  b.up('v-net-0');
  for (const [name, addr] of names) {
    b.netns(name);
    b.veth(`${name}:veth-${name}`, `veth-${name}-br`);
    b.master(`veth-${name}-br`, 'v-net-0');
    b.addr(`${name}:veth-${name}`, `${addr}/24`);
    b.up(`${name}:veth-${name}`, `veth-${name}-br`);
  }
}

/** `python3 -m http.server PORT --directory DIR [--bind ADDR]` in `ns` of `host`, serving `page` as index.html. */
export function webServer(b: Builder, host: string, ns: NetNs, dir: string, page: string, port = 80, bind?: string): void {
  b.file(host, `${dir}/index.html`, page);
  const argv = ['python3', '-m', 'http.server', String(port), '--directory', dir, ...(bind ? ['--bind', bind] : [])];
  bootSpawn(b.world.host(host), argv, { netns: ns, env: ENV });
}
