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

/** Rules of driver initialisation (the chains and the FORWARD jumps; addNATJumpRules). */
export function initRules(forwardDrop: boolean, hairpin = false): IptCmd[] {
  const out: IptCmd[] = [];
  for (const c of ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-INTERNAL', 'DOCKER-USER']) out.push(['-t', 'filter', '-N', c]);
  out.push(['-t', 'filter', '-A', 'FORWARD', '-j', 'DOCKER-USER']);
  out.push(['-t', 'filter', '-A', 'FORWARD', '-j', 'DOCKER-FORWARD']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-CT']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-INTERNAL']);
  out.push(['-t', 'filter', '-A', 'DOCKER-FORWARD', '-j', 'DOCKER-BRIDGE']);
  out.push(['-t', 'nat', '-N', 'DOCKER']);
  out.push(['-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  // Without the userland proxy (hairpin mode) the host's own loopback connections are DNATed too.
  out.push(['-t', 'nat', '-A', 'OUTPUT', ...(hairpin ? [] : ['!', '-d', '127.0.0.0/8']), '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER']);
  // setupIPv4Forwarding: the daemon switched ip_forward on itself, so it closes FORWARD.
  if (forwardDrop) out.push(['-t', 'filter', '-P', 'FORWARD', 'DROP']);
  return out;
}

/** `com.docker.network.bridge.gateway_mode_ipv4`. */
export type GwMode = 'nat' | 'nat-unprotected' | 'routed' | 'isolated';

/** What a network's rules depend on (moby firewaller.NetworkConfig). */
export interface NetFwConfig {
  bridge: string;
  subnet: string;
  internal: boolean;
  icc: boolean;
  masquerade: boolean;
  gwMode: GwMode;
  /** The daemon runs without the userland proxy (`--userland-proxy=false`). */
  hairpin: boolean;
}

/**
 * Rules a new bridge network adds, in moby's order (iptabler/network.go
 * setupIPTables): internal networks get only DOCKER-INTERNAL drops and the
 * ICC rule; others get MASQUERADE (not when routed), the hairpin
 * MASQUERADE, the ICC rules, ICMP (routed), the outgoing ACCEPT, the
 * default forward rule (DROP, ACCEPT when nat-unprotected), DOCKER-CT and
 * DOCKER-BRIDGE. Removal deletes the same rules in reverse.
 */
export function networkRules(c: NetFwConfig, add = true): IptCmd[] {
  const A = add ? '-A' : '-D';
  const I = add ? '-I' : '-D';
  const br = c.bridge;
  const out: IptCmd[] = [];
  if (c.internal) {
    out.push(['-t', 'filter', I, 'DOCKER-INTERNAL', '!', '-d', c.subnet, '-i', br, '-j', 'DROP']);
    out.push(['-t', 'filter', I, 'DOCKER-INTERNAL', '!', '-s', c.subnet, '-o', br, '-j', 'DROP']);
    out.push(['-t', 'filter', A, 'DOCKER-FORWARD', '-i', br, '-o', br, '-j', c.icc ? 'ACCEPT' : 'DROP']);
  } else {
    const routed = c.gwMode === 'routed';
    if (c.masquerade && !routed) out.push(['-t', 'nat', I, 'POSTROUTING', '-s', c.subnet, '!', '-o', br, '-j', 'MASQUERADE']);
    if (c.hairpin) out.push(['-t', 'nat', I, 'POSTROUTING', '-o', br, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'MASQUERADE']);
    if (!c.icc) out.push(['-t', 'filter', A, 'DOCKER-FORWARD', '-i', br, '-o', br, '-j', 'DROP']);
    if (routed) out.push(['-t', 'filter', A, 'DOCKER', '-o', br, '-p', 'icmp', '-j', 'ACCEPT']);
    out.push(['-t', 'filter', A, 'DOCKER-FORWARD', '-i', br, ...(c.icc ? [] : ['!', '-o', br]), '-j', 'ACCEPT']);
    out.push(['-t', 'filter', A, 'DOCKER', '!', '-i', br, '-o', br, '-j', c.gwMode === 'nat-unprotected' ? 'ACCEPT' : 'DROP']);
    out.push(['-t', 'filter', A, 'DOCKER-CT', '-o', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT']);
    out.push(['-t', 'filter', A, 'DOCKER-BRIDGE', '-o', br, '-j', 'DOCKER']);
  }
  return add ? out : out.reverse();
}

/**
 * filterDirectAccess: drop packets for a container address that did not
 * come from its bridge — not on internal, routed or nat-unprotected networks.
 */
export function endpointRules(c: NetFwConfig, ip: string, add = true): IptCmd[] {
  if (c.internal || c.gwMode === 'routed' || c.gwMode === 'nat-unprotected') return [];
  return [['-t', 'raw', add ? '-A' : '-D', 'PREROUTING', '-d', ip, '!', '-i', c.bridge, '-j', 'DROP']];
}

/** A published port as the engine holds it (hostPort 0: no NAT, as in routed mode). */
export interface PortBinding {
  proto: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
  containerIp: string;
  containerPort: number;
}

/**
 * Per-port rules (iptabler/port.go setPerPortIptables): the loopback
 * binding's raw DROP, the DNAT (and, in hairpin mode, the container's own
 * MASQUERADE), then the filter ACCEPT unless the network is nat-unprotected.
 * Internal networks get none.
 */
export function portRules(c: NetFwConfig, b: PortBinding, add = true): IptCmd[] {
  if (c.internal) return [];
  const p = b.proto;
  const A = add ? '-A' : '-D';
  const out: IptCmd[] = [];
  if (b.hostPort && b.hostIp.startsWith('127.')) out.push(['-t', 'raw', A, 'PREROUTING', '-d', b.hostIp, '!', '-i', 'lo', '-p', p, '-m', p, '--dport', String(b.hostPort), '-j', 'DROP']);
  if (b.hostPort) {
    const dst = b.hostIp === '0.0.0.0' ? [] : ['-d', b.hostIp];
    out.push(['-t', 'nat', A, 'DOCKER', ...dst, ...(c.hairpin ? [] : ['!', '-i', c.bridge]), '-p', p, '-m', p, '--dport', String(b.hostPort), '-j', 'DNAT', '--to-destination', `${b.containerIp}:${b.containerPort}`]);
    if (c.hairpin) out.push(['-t', 'nat', A, 'POSTROUTING', '-s', b.containerIp, '-d', b.containerIp, '-p', p, '-m', p, '--dport', String(b.containerPort), '-j', 'MASQUERADE']);
  }
  if (c.gwMode !== 'nat-unprotected') out.push(['-t', 'filter', add ? '-I' : '-D', 'DOCKER', '-d', b.containerIp, '!', '-i', c.bridge, '-o', c.bridge, '-p', p, '-m', p, '--dport', String(b.containerPort), '-j', 'ACCEPT']);
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
