// The Docker Engine API as the `docker` CLI sees it: the seam between the
// client program and the daemon. Real Docker puts an HTTP API on
// /var/run/docker.sock; here the daemon (dockerd, through the Engine)
// serves a `DockerApi` object on its host, and the CLI gets it with
// `dockerClient(kernel)`. Everything that crosses is plain data (summaries,
// inspect documents, errors as DaemonError) or the caller's own streams:
// the CLI never holds the daemon's containers, processes or namespaces.
//
//   docker (userland/docker/docker.ts) ──DockerApi──> server.ts ──> Engine (engine.ts)
//
// The layer rule (.dependency-cruiser.cjs, "docker-cli-through-api") keeps
// the CLI from importing the engine itself.

import type { Kernel } from '../kernel/kernel.ts';
import type { InStream, OutStream, Process } from '../kernel/proc.ts';
import type { ImageConfig } from './images.ts';

/** Wall-clock time of virtual time 0 (Docker prints absolute times). */
export const WALL_EPOCH = Date.UTC(2026, 1, 2, 9, 0, 0);

/** An error the daemon answers with (the CLI prints `Error response from daemon: MESSAGE`). */
export class DaemonError extends Error {
  /** HTTP-like status: 404 not found, 409 conflict, 400 bad request, 500 internal. */
  readonly status: number;
  constructor(message: string, status = 500) {
    super(message);
    this.status = status;
  }
}

/** Bridge driver options the engine honours (moby daemon/libnetwork/drivers/bridge/labels.go). */
export const BRIDGE_OPTS = {
  name: 'com.docker.network.bridge.name',
  icc: 'com.docker.network.bridge.enable_icc',
  masq: 'com.docker.network.bridge.enable_ip_masquerade',
  gwMode4: 'com.docker.network.bridge.gateway_mode_ipv4',
} as const;

/** Requested port publication (`-p [ip:][hostPort:]containerPort[/proto]`). */
export interface PortSpec {
  hostIp: string;
  hostPort: string;
  containerPort: number;
  proto: 'tcp' | 'udp';
}

/** What `docker create`/`run` asks for. */
export interface CreateOptions {
  image: string;
  name?: string;
  cmd: string[];
  entrypoint?: string[];
  env: string[];
  tty: boolean;
  openStdin: boolean;
  network: string;
  publish: PortSpec[];
  publishAll: boolean;
  autoRemove: boolean;
  workdir?: string;
  hostname?: string;
  /** `--network-alias`: extra names of the container on its (user-defined) network. */
  aliases?: string[];
}

/** Container state as the API names it. */
export type ContainerStatus = 'created' | 'running' | 'exited' | 'removing';

/** One log line chunk. */
export interface LogChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * Bridge driver options that moby honours and this engine does not model:
 * `docker network create` refuses them (see the CLI) rather than accept and ignore them.
 */
export const UNSIMULATED_BRIDGE_OPTS = [
  'com.docker.network.bridge.gateway_mode_ipv6',
  'com.docker.network.bridge.inhibit_ipv4',
  'com.docker.network.bridge.host_binding_ipv4',
  'com.docker.network.bridge.trusted_host_interfaces',
  'com.docker.network.bridge.default_bridge',
  'com.docker.network.driver.mtu',
  'com.docker.network.container_iface_prefix',
  'com.docker.network.enable_ipv4',
  'com.docker.network.enable_ipv6',
  'com.docker.network.host_ipv4',
  'com.docker.network.host_ipv6',
];

/** A published port as the API lists it. */
export interface PortView {
  proto: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
  containerPort: number;
}

/** A container as `GET /containers/json` would describe it (what `docker ps` prints). */
export interface ContainerSummary {
  id: string;
  name: string;
  imageRef: string;
  imageId: string;
  path: string;
  args: string[];
  /** Times in ms (wall-clock for `created`, virtual for the others; 0 = never). */
  created: number;
  startedAt: number;
  finishedAt: number;
  exitCode: number;
  status: ContainerStatus;
  ports: PortView[];
  /** The image's EXPOSE list (`80/tcp`). */
  exposedPorts: string[];
  /** Names of the networks it is attached to. */
  networks: string[];
}

/** An image as `GET /images/json` would describe it. */
export interface ImageSummary {
  id: string;
  tags: string[];
  created: number;
  size: number;
  contentSize: number;
  config: ImageConfig;
}

/** A network as `GET /networks` would describe it. */
export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
}

/** Streams of an attached client. */
export interface AttachIo {
  stdout?: OutStream;
  stderr?: OutStream;
  stdin?: InStream;
}

/** What the daemon answers to (one per host). Methods throw DaemonError. */
export interface DockerApi {
  /** Settles when dockerd finished its start-up. */
  readonly ready: Promise<void>;
  containers(): ContainerSummary[];
  container(ref: string): ContainerSummary | undefined;
  containerCreate(o: CreateOptions): ContainerSummary;
  containerStart(id: string, attach: AttachIo): Promise<void>;
  /** Resolves with the exit code when the container stops. */
  containerWait(id: string): Promise<number>;
  /** Forget the attached streams (the client went away). */
  containerDetach(id: string): void;
  /** Send a signal to the container's main process (the CLI's --sig-proxy). */
  containerSignal(id: string, sig: 'SIGINT' | 'SIGTERM'): void;
  containerStop(id: string, caller: Process, timeoutS: number): Promise<void>;
  containerKill(id: string): Promise<void>;
  containerRemove(id: string, o: { force?: boolean; ref?: string }): Promise<void>;
  containerExec(id: string, argv: string[], io: { stdin: InStream; stdout: OutStream; stderr: OutStream; env?: string[]; workdir?: string; tty: boolean }): Promise<number>;
  containerLogs(id: string): LogChunk[];
  containerInspect(id: string): Record<string, unknown>;
  images(): ImageSummary[];
  image(ref: string): ImageSummary | undefined;
  imageInspect(ref: string): Record<string, unknown> | undefined;
  /** `docker build`: the progress log, and the new image's id when it worked. */
  imageBuild(dockerfile: string, o: { tags: string[]; readFile(path: string): string }): { log: string; imageId?: string };
  networks(): NetworkSummary[];
  network(ref: string): NetworkSummary | undefined;
  networkInspect(id: string): Record<string, unknown>;
  networkCreate(name: string, o: { driver?: string; subnet?: string; gateway?: string; internal?: boolean; options?: Record<string, string> }): Promise<NetworkSummary>;
  networkRemove(id: string): Promise<void>;
  networkConnect(networkId: string, containerId: string, aliases: string[]): Promise<void>;
  networkDisconnect(networkId: string, containerId: string): Promise<void>;
}

const served = new WeakMap<Kernel, DockerApi>();

/** dockerd: answer on this host (the socket appears when start-up is done). */
export function serveDockerApi(k: Kernel, api: DockerApi): void {
  served.set(k, api);
}

/** dockerd went away. */
export function stopDockerApi(k: Kernel): void {
  served.delete(k);
}

/** The daemon answering on host `k`, if any (the CLI still checks for the socket file). */
export function dockerClient(k: Kernel): DockerApi | undefined {
  return served.get(k);
}
