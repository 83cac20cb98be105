// The iptables rules dockerd writes, as moby docker-v29.7.2 writes them
// (daemon/libnetwork/drivers/bridge/internal/iptabler; documented per
// scenario in integration/network/bridge/iptablesdoc/generated/*.md).
// Each function returns iptables argument vectors; the engine runs them with
// `iptables --wait ...` from the dockerd process, so the rules land in the
// kernel exactly as a learner reads them back with `iptables -S`.
//
//   filter FORWARD ─> DOCKER-USER (learner's rules)
//                 └─> DOCKER-FORWARD ─> DOCKER-CT       (RELATED,ESTABLISHED to a bridge: ACCEPT)
//                                    ├> DOCKER-INTERNAL (--internal networks)
//                                    ├> DOCKER-BRIDGE ─> DOCKER (published ports ACCEPT, else DROP)
//                                    └> -i BRIDGE ACCEPT (containers may go out)
//   nat PREROUTING/OUTPUT (dst-type LOCAL) ─> DOCKER (DNAT per published port)
//   nat POSTROUTING: MASQUERADE per network subnet leaving its bridge
//   raw PREROUTING: DROP packets to a container address not from its bridge

/** One iptables invocation (without the leading `iptables --wait`). */
export type IptCmd = string[];

/** Rules of driver initialisation (the chains and the FORWARD jumps). */
export function initRules(forwardDrop: boolean): IptCmd[] {
  const out: IptCmd[] = [];
  for (const c of ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-INTERNAL', 'DOCKER-USER']) out.push(['-t', 'filter', '-N', c]);
  out.push(['-t', 'filter', '-A', 'FORWARD', '-j', 'DOCKER-USER']);
  out.push(['-t', 'filter', '-A', 'FORWARD', '-j', 'DOCKER-FORWARD']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-CT']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-INTERNAL']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-BRIDGE']);
  out.push(['-t', 'nat', '-N', 'DOCKER']);
  out.push(['-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  out.push(['-t', 'nat', '-A', 'OUTPUT', '!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  // setupIPv4Forwarding: the daemon switched ip_forward on itself, so it closes FORWARD.
  if (forwardDrop) out.push(['-t', 'filter', '-P', 'FORWARD', 'DROP']);
  return out;
}

/** Rules a new bridge network adds (setupIPTablesInternal, setDefaultForwardRule, MASQUERADE). */
export function networkRules(bridge: string, subnet: string, add = true): IptCmd[] {
  const A = add ? '-A' : '-D';
  const I = add ? '-I' : '-D';
  return [
    ['-t', 'nat', I, 'POSTROUTING', '-s', subnet, '!', '-o', bridge, '-j', 'MASQUERADE'],
    ['-t', 'filter', A, 'DOCKER-FORWARD', '-i', bridge, '-j', 'ACCEPT'],
    ['-t', 'filter', A, 'DOCKER', '!', '-i', bridge, '-o', bridge, '-j', 'DROP'],
    ['-t', 'filter', A, 'DOCKER-CT', '-o', bridge, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
    ['-t', 'filter', A, 'DOCKER-BRIDGE', '-o', bridge, '-j', 'DOCKER'],
  ];
}

/** filterDirectAccess: drop packets for a container address that did not come from its bridge. */
export function endpointRules(bridge: string, ip: string, add = true): IptCmd[] {
  return [['-t', 'raw', add ? '-A' : '-D', 'PREROUTING', '-d', ip, '!', '-i', bridge, '-j', 'DROP']];
}

/** A published port as the engine holds it. */
export interface PortBinding {
  proto: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
}

/** Per-port rules (setPerPortForwarding, DNAT; loopback bindings also get a raw DROP). */
export function portRules(bridge: string, b: PortBinding, add = true): IptCmd[] {
  const p = b.proto;
  const out: IptCmd[] = [
    ['-t', 'filter', add ? '-I' : '-D', 'DOCKER', '-d', b.containerIp, '!', '-i', bridge, '-o', bridge, '-p', p, '-m', p, '--dport', String(b.containerPort), '-j', 'ACCEPT'],
  ];
  const dst = b.hostIp === '0.0.0.0' ? [] : ['-d', b.hostIp];
  out.push(['-t', 'nat', add ? '-A' : '-D', 'DOCKER', ...dst, '!', '-i', bridge, '-p', p, '-m', p, '--dport', String(b.hostPort), '-j', 'DNAT', '--to-destination', `${b.containerIp}:${b.containerPort}`]);
  if (b.hostIp.startsWith('127.')) out.push(['-t', 'raw', add ? '-A' : '-D', 'PREROUTING', '-d', b.hostIp, '!', '-i', 'lo', '-p', p, '-m', p, '--dport', String(b.hostPort), '-j', 'DROP']);
  return out;
}

/** The embedded DNS resolver's NAT rules inside a container namespace (resolver_unix.go setupIptablesNAT). */
export function resolverRules(udpPort: number, tcpPort: number): IptCmd[] {
  return [
    ['-t', 'nat', '-N', 'DOCKER_OUTPUT'],
    ['-t', 'nat', '-I', 'OUTPUT', '-d', '127.0.0.11', '-j', 'DOCKER_OUTPUT'],
    ['-t', 'nat', '-N', 'DOCKER_POSTROUTING'],
    ['-t', 'nat', '-I', 'POSTROUTING', '-d', '127.0.0.11', '-j', 'DOCKER_POSTROUTING'],
    ['-t', 'nat', '-I', 'DOCKER_OUTPUT', '-d', '127.0.0.11', '-p', 'udp', '--dport', '53', '-j', 'DNAT', '--to-destination', `127.0.0.11:${udpPort}`],
    ['-t', 'nat', '-I', 'DOCKER_POSTROUTING', '-s', '127.0.0.11', '-p', 'udp', '--sport', String(udpPort), '-j', 'SNAT', '--to-source', ':53'],
    ['-t', 'nat', '-I', 'DOCKER_OUTPUT', '-d', '127.0.0.11', '-p', 'tcp', '--dport', '53', '-j', 'DNAT', '--to-destination', `127.0.0.11:${tcpPort}`],
    ['-t', 'nat', '-I', 'DOCKER_POSTROUTING', '-s', '127.0.0.11', '-p', 'tcp', '--sport', String(tcpPort), '-j', 'SNAT', '--to-source', ':53'],
  ];
}

// ── A tiny model of what those commands leave in the tables ──────────────
// Used by tests (and as the engine's own record when the iptables program is
// absent): applies -N/-A/-I/-D/-P and prints `iptables -S` lines in
// iptables' canonical form for the argument shapes above.
