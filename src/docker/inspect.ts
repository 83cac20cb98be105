// Inspect documents as Engine API v1.52 (Docker 29) returns them, trimmed to
// the fields a networking course reads. v1.52 no longer has the top-level
// NetworkSettings.IPAddress/Gateway/MacAddress (api/docs/CHANGELOG.md):
// addresses live under NetworkSettings.Networks.<name>.

import type { Container, Engine, Network } from './engine.ts';
import { rfc3339 } from './format.ts';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** `docker container inspect` document. */
export function containerJson(e: Engine, c: Container): Record<string, unknown> {
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of c.image.config.ExposedPorts) ports[p] = null;
  for (const b of c.ports) {
    const k = `${b.containerPort}/${b.proto}`;
    (ports[k] ??= []).push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
  }
  const networks: Record<string, unknown> = {};
  const names = c.status === 'running' ? [...c.endpoints.keys()] : [c.opts.network.startsWith('container:') ? '' : c.opts.network].filter(Boolean);
  for (const name of names) {
    const ep = c.endpoints.get(name);
    const n = e.network(name);
    networks[name] = {
      IPAMConfig: null,
      Links: null,
      Aliases: ep?.aliases.length ? ep.aliases : null,
      MacAddress: ep?.mac ?? '',
      DriverOpts: null,
      GwPriority: 0,
      NetworkID: n?.id ?? '',
      EndpointID: ep && c.status === 'running' ? ep.id : '',
      Gateway: ep?.ip ? (n?.gateway ?? '') : '',
      IPAddress: ep?.ip ?? '',
      IPPrefixLen: ep?.ip ? (ep.prefixLen ?? 0) : 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: ep?.aliases.length ? [...ep.aliases, c.id.slice(0, 12)] : null,
    };
  }
  const running = c.status === 'running';
  return {
    Id: c.id,
    Created: rfc3339(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.status,
      Running: running,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: c.pid,
      ExitCode: c.exitCode,
      Error: '',
      StartedAt: c.startedAt ? rfc3339(c.startedAt) : ZERO_TIME,
      FinishedAt: c.finishedAt ? rfc3339(c.finishedAt) : ZERO_TIME,
    },
    Image: c.image.id,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlayfs',
    Platform: 'linux',
    HostConfig: {
      NetworkMode: c.opts.network,
      PortBindings: Object.fromEntries(c.opts.publish.map((p) => [`${p.containerPort}/${p.proto}`, [{ HostIp: p.hostIp, HostPort: p.hostPort }]])),
      AutoRemove: c.opts.autoRemove,
      PublishAllPorts: c.opts.publishAll,
    },
    Config: {
      Hostname: c.hostname,
      Domainname: '',
      User: '',
      AttachStdin: c.opts.openStdin,
      AttachStdout: true,
      AttachStderr: true,
      ExposedPorts: c.image.config.ExposedPorts.length ? Object.fromEntries(c.image.config.ExposedPorts.map((p) => [p, {}])) : undefined,
      Tty: c.opts.tty,
      OpenStdin: c.opts.openStdin,
      StdinOnce: c.opts.openStdin,
      Env: c.env,
      Cmd: c.opts.cmd.length ? c.opts.cmd : c.image.config.Cmd,
      Image: c.imageRef,
      WorkingDir: c.opts.workdir ?? c.image.config.WorkingDir,
      Entrypoint: c.opts.entrypoint ?? c.image.config.Entrypoint,
      Labels: {},
    },
    NetworkSettings: {
      SandboxID: running ? c.sandboxId : '',
      SandboxKey: running && c.sandboxId ? `/var/run/docker/netns/${c.sandboxId.slice(0, 12)}` : '',
      Ports: ports,
      Networks: networks,
    },
  };
}

/** `docker network inspect` document. */
export function networkJson(e: Engine, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const c of e.containers) {
    const ep = c.endpoints.get(n.name);
    if (!ep || c.status !== 'running' || n.driver !== 'bridge') continue;
    containers[c.id] = { Name: c.name, EndpointID: ep.id, MacAddress: ep.mac ?? '', IPv4Address: ep.ip ? `${ep.ip}/${ep.prefixLen}` : '', IPv6Address: '' };
  }
  const options: Record<string, string> =
    n.name === 'bridge'
      ? {
          'com.docker.network.bridge.default_bridge': 'true',
          'com.docker.network.bridge.enable_icc': 'true',
          'com.docker.network.bridge.enable_ip_masquerade': 'true',
          'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
          'com.docker.network.bridge.name': 'docker0',
          'com.docker.network.driver.mtu': '1500',
        }
      : Object.fromEntries(Object.entries(n.options).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    Name: n.name,
    Id: n.id,
    Created: rfc3339(n.created),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: n.driver === 'bridge',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.name === 'bridge' ? null : {}, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : [] },
    Internal: n.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Options: options,
    Labels: n.labels,
    Containers: containers,
    // API 1.52+ (moby daemon/network.go GetNetworks WithStatus): the default IPAM's
    // allocation status per subnet — network and broadcast addresses, the
    // gateway and each endpoint count as in use (defaultipam allocationStatus).
    Status: { IPAM: n.subnet ? { Subnets: { [n.subnet]: ipamStatus(n) } } : {} },
  };
}

/** One subnet's SubnetStatus. */
function ipamStatus(n: Network): { IPsInUse: number; DynamicIPsAvailable: number } {
  const size = 2 ** (32 - Number(n.subnet!.split('/')[1]));
  const inUse = Math.min(size, n.used.size + 2);
  return { IPsInUse: inUse, DynamicIPsAvailable: size - inUse };
}
