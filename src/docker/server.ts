// dockerd's side of the API seam (see api.ts): answers the CLI's calls from
// the Engine's state with plain data, and runs the Engine's operations. The
// one place that turns containers, networks and images into what the API
// says about them.

import { DaemonError, type ContainerSummary, type DockerApi, type ImageSummary, type NetworkSummary } from './api.ts';
import type { Container, Engine, Network } from './engine.ts';
import type { Image } from './images.ts';
import { containerJson, networkJson } from './inspect.ts';
import { buildImage } from './dockerfile.ts';

function containerSummary(c: Container): ContainerSummary {
  return {
    id: c.id,
    name: c.name,
    imageRef: c.imageRef,
    imageId: c.image.id,
    path: c.path,
    args: [...c.args],
    created: c.created,
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
    exitCode: c.exitCode,
    status: c.status,
    ports: c.ports.map((b) => ({ proto: b.proto, hostIp: b.hostIp, hostPort: b.hostPort, containerPort: b.containerPort })),
    exposedPorts: [...c.image.config.ExposedPorts],
    networks: [...c.endpoints.keys()],
  };
}

function imageSummary(i: Image): ImageSummary {
  return { id: i.id, tags: [...i.tags], created: i.created, size: i.size, contentSize: i.contentSize, config: i.config };
}

function networkSummary(n: Network): NetworkSummary {
  return { id: n.id, name: n.name, driver: n.driver };
}

/** The API of `e`, as dockerd serves it on e's host. */
export function engineApi(e: Engine): DockerApi {
  const byId = (id: string): Container => {
    const c = e.containers.find((x) => x.id === id);
    if (!c) throw new DaemonError(`No such container: ${id}`, 404);
    return c;
  };
  const netById = (id: string): Network => {
    const n = e.networks.find((x) => x.id === id);
    if (!n) throw new DaemonError(`network ${id} not found`, 404);
    return n;
  };
  return {
    get ready() {
      return e.ready;
    },
    containers: () => e.containers.map(containerSummary),
    container: (ref) => {
      const c = e.container(ref);
      return c && containerSummary(c);
    },
    containerCreate: (o) => containerSummary(e.create(o)),
    containerStart: (id, attach) => e.start(byId(id), attach),
    containerWait: (id) => byId(id).done ?? Promise.resolve(byId(id).exitCode),
    containerDetach: (id) => {
      const c = e.containers.find((x) => x.id === id);
      if (c) c.attached = {};
    },
    containerSignal: (id, sig) => {
      const c = e.containers.find((x) => x.id === id);
      c?.proc?.signal(sig);
    },
    containerStop: (id, caller, t) => e.stop(byId(id), caller, t),
    containerKill: (id) => e.kill(byId(id)),
    containerRemove: (id, o) => e.remove(byId(id), o),
    containerExec: (id, argv, io) => e.exec(byId(id), argv, io),
    containerLogs: (id) => byId(id).logs.map((l) => ({ ...l })),
    containerInspect: (id) => containerJson(e, byId(id)),
    images: () => e.images.images.map(imageSummary),
    image: (ref) => {
      const i = e.images.get(ref);
      return i && imageSummary(i);
    },
    imageInspect: (ref) => {
      const i = e.images.get(ref);
      return i && { Id: i.id, RepoTags: i.tags, Created: new Date(i.created).toISOString(), Config: i.config, Architecture: 'amd64', Os: 'linux', Size: i.size };
    },
    imageBuild: (text, o) => {
      const r = buildImage(e, text, o);
      return { log: r.log, imageId: r.image?.id };
    },
    networks: () => e.networks.map(networkSummary),
    network: (ref) => {
      const n = e.network(ref);
      return n && networkSummary(n);
    },
    networkInspect: (id) => networkJson(e, netById(id)),
    networkCreate: async (name, o) => networkSummary(await e.createNetwork(name, o)),
    networkRemove: (id) => e.removeNetwork(netById(id)),
    networkConnect: (nid, cid, aliases) => e.connect(byId(cid), netById(nid), aliases),
    networkDisconnect: (nid, cid) => e.disconnect(byId(cid), netById(nid)),
  };
}
