// The kubelet of one node, with the container runtime folded in (what
// containerd's CRI plugin does for it): for every pod bound to the node it
//   1. creates the pod sandbox — a network namespace /run/netns/cni-UUID held
//      by a `pause` process, shared by all the pod's containers,
//   2. runs the CNI network list from /etc/cni/net.d on it (ADD; DEL on
//      teardown), retrying while no config is installed (NetworkNotReady),
//   3. writes the pod's resolv.conf (dnsPolicy ClusterFirst or Default) and
//      its managed /etc/hosts under /var/lib/kubelet/pods/UID/ and bind-mounts
//      them, with ConfigMap volumes, into the pod's view (its processes'
//      file overlay, the stand-in for a mount namespace),
//   4. starts each container as a process in the sandbox's namespace, and
//   5. reports podIP, phase and the Ready condition to the API server.
// hostNetwork pods (kube-proxy, flannel) run in the node's own namespace.

import type { Kernel } from '../kernel/kernel.ts';
import type { NetNs } from '../kernel/netns.ts';
import type { Process } from '../kernel/proc.ts';
import type { DirNode, VNode } from '../kernel/vfs.ts';
import { devNullIn, devNullOut, StringOut } from '../kernel/proc.ts';
import { spawnWith, sendSignal, type Running } from '../userland/runner.ts';
import { lookupCommand } from '../userland/registry.ts';
import type { ApiServer, KObject } from './api.ts';
import { addNetworkList, delNetworkList, loadNetConf } from './cni/runtime.ts';
import type { NodeBinding } from './registry.ts';
import { recordEvent } from './events.ts';

/** Options of a kubelet. */
export interface KubeletOptions {
  clusterDNS: string;
  clusterDomain: string;
  /** Virtual ms to "pull and start" a container (ContainerCreating lasts this long). */
  startDelayMs?: number;
}

/** Program run for an image (the image's entrypoint in this simulator). */
export function imageProgram(image: string): { argv: string[]; name: string } {
  const repo = image.split('/').pop()!.split(':')[0].split('@')[0];
  // MetalLB's images (quay.io/metallb/controller, quay.io/metallb/speaker): ENTRYPOINT /controller, /speaker.
  if (/(^|\/)metallb\/(controller|speaker):/.test(image)) return { argv: [`metallb-${repo}`], name: repo };
  switch (repo) {
    case 'kube-proxy':
      return { argv: ['kube-proxy'], name: 'kube-proxy' };
    case 'flannel':
      return { argv: ['flanneld', '--ip-masq', '--kube-subnet-mgr'], name: 'flanneld' };
    case 'coredns':
      // ENTRYPOINT ["/coredns"]; the Deployment's args give -conf.
      return { argv: ['coredns'], name: 'coredns' };
    case 'controller':
      // ingress-nginx's image: the Deployment's args start with /nginx-ingress-controller.
      return { argv: [], name: 'controller' };
    case 'nginx':
    case 'httpd':
      // The nginx image's CMD: nginx -g 'daemon off;' (serves its welcome page on :80).
      return { argv: ['nginx', '-g', 'daemon off;'], name: 'nginx' };
    default:
      return { argv: ['sleep', 'infinity'], name: repo };
  }
}

interface Sandbox {
  id: string;
  netnsPath: string;
  ns: NetNs;
  procs: Running[];
  ip?: string;
  /** Files the pod's processes see in place of the node's (bind mounts). */
  overlay?: Map<string, VNode>;
}

/** One node's kubelet. */
export class Kubelet {
  readonly k: Kernel;
  readonly node: string;
  readonly api: ApiServer;
  readonly binding: NodeBinding;
  readonly opts: KubeletOptions;
  /** The kubelet daemon process (parent of pause and containers). */
  proc!: Process;
  readonly sandboxes = new Map<string, Sandbox>();
  private readonly busy = new Set<string>();
  /** Pods that changed while busy. */
  private readonly again = new Set<string>();

  constructor(k: Kernel, node: string, binding: NodeBinding, opts: KubeletOptions) {
    this.k = k;
    this.node = node;
    this.api = binding.api;
    this.binding = binding;
    this.opts = opts;
  }

  /** Start the daemon process and watch pods. */
  start(): void {
    const r = spawnWith(this.k, 1, ['/usr/bin/kubelet', '--config=/var/lib/kubelet/config.yaml', '--kubeconfig=/etc/kubernetes/kubelet.conf', '--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock'], { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }, cwd: '/', netns: this.k.initNs, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut }, (p) => {
      // initNetworkUtil: the iptables Monitor's canary chain in mangle, nat and filter (kubelet_network_linux.go).
      void (async () => {
        for (const t of ['mangle', 'nat', 'filter']) await p.exec(p, ['iptables', '-w', '5', '-W', '100000', '-N', 'KUBE-KUBELET-CANARY', '-t', t], { stdout: devNullOut, stderr: devNullOut }).catch(() => 127);
      })();
      return new Promise<number>((res) => p.onSignal(() => res(0)));
    });
    this.proc = r.proc;
    this.api.watch((e) => {
      if (e.object.kind === 'Pod' && e.object.spec?.nodeName === this.node) this.kick(e.object, e.type === 'DELETED');
    });
    for (const p of this.api.list('Pod')) if (p.spec?.nodeName === this.node) this.kick(p, false);
  }

  private key(p: KObject): string {
    return `${p.metadata.namespace}/${p.metadata.name}`;
  }

  private kick(pod: KObject, deleted: boolean): void {
    const key = this.key(pod);
    if (this.busy.has(key)) {
      // A change while the pod is being set up or torn down (deleted while
      // ContainerCreating): look again when that work is done.
      this.again.add(key);
      return;
    }
    const sb = this.sandboxes.get(key);
    if (deleted || pod.metadata.deletionTimestamp) {
      if (sb || pod.metadata.deletionTimestamp) {
        this.busy.add(key);
        void this.binding.track(this.teardown(pod, sb).finally(() => this.done(pod)));
      }
      return;
    }
    if (sb || pod.status?.phase === 'Running') return;
    this.busy.add(key);
    void this.binding.track(this.setup(pod).finally(() => this.done(pod)));
  }

  /** Work on a pod finished: act on what changed meanwhile. */
  private done(pod: KObject): void {
    const key = this.key(pod);
    this.busy.delete(key);
    if (!this.again.delete(key)) return;
    const cur = this.api.get('Pod', pod.metadata.namespace!, pod.metadata.name);
    this.kick(cur ?? pod, !cur);
  }

  private async setup(pod: KObject): Promise<void> {
    const key = this.key(pod);
    const ns = pod.metadata.namespace!;
    const name = pod.metadata.name;
    const hostNet = !!pod.spec.hostNetwork;
    let netns: NetNs = this.k.initNs;
    let netnsPath = '';
    const id = this.api.rng.hex(32);
    if (!hostNet) {
      // Wait for a network plugin (the node is NotReady until one is installed).
      let conf = loadNetConf(this.k);
      for (let i = 0; typeof conf === 'string' && i < 300; i++) {
        this.setStatus(pod, { reason: 'ContainerCreating' });
        await this.proc.sleep(1000);
        if (!this.api.get('Pod', ns, name) || this.api.get('Pod', ns, name)!.metadata.deletionTimestamp) return;
        conf = loadNetConf(this.k);
      }
      if (typeof conf === 'string') return;
      const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
      netnsPath = `/var/run/netns/cni-${uuid}`;
      netns = this.k.newNetns();
      this.k.vfs.mkdir('/run/netns', {}, true);
      this.k.vfs.create(`/run/netns/cni-${uuid}`, this.k.nsNode(netns));
      const sb: Sandbox = { id, netnsPath, ns: netns, procs: [] };
      this.sandboxes.set(key, sb);
      sb.procs.push(this.spawn(['/pause'], netns, 'pause'));
      try {
        const res = await addNetworkList(this.proc, this.k, conf, { containerId: id, netns: netnsPath, ifname: 'eth0', args: `K8S_POD_INFRA_CONTAINER_ID=${id};K8S_POD_UID=${pod.metadata.uid};IgnoreUnknown=1;K8S_POD_NAMESPACE=${ns};K8S_POD_NAME=${name}`, capabilityArgs: podCapabilityArgs(pod) });
        const ips = (res.ips ?? []) as { address: string }[];
        sb.ip = ips.find((x) => x.address.includes('.'))?.address.split('/')[0];
      } catch (e) {
        this.event(pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": ${(e as Error).message}`);
        return;
      }
      const dir = `/var/lib/kubelet/pods/${pod.metadata.uid}`;
      this.k.vfs.mkdir(dir, {}, true);
      const hostConf = this.k.vfs.tryLookup('/etc/resolv.conf') ? this.k.vfs.readFile('/etc/resolv.conf') : '';
      this.k.vfs.putFile(`${dir}/etc-resolv.conf`, pod.spec?.dnsPolicy === 'Default' ? hostConf : this.resolvConf(ns));
      this.k.vfs.putFile(`${dir}/etc-hosts`, this.hostsFile(sb.ip ?? '', name));
      sb.overlay = new Map();
      sb.overlay.set('/etc/resolv.conf', this.k.vfs.tryLookup(`${dir}/etc-resolv.conf`)!);
      sb.overlay.set('/etc/hosts', this.k.vfs.tryLookup(`${dir}/etc-hosts`)!);
      sb.overlay.set('/etc/hostname', { kind: 'file', data: `${name}\n`, mode: 0o644, mtime: this.k.clock.now });
      this.mountConfigMaps(pod, sb.overlay);
    } else {
      this.sandboxes.set(key, { id, netnsPath: '', ns: netns, procs: [] });
    }
    await this.proc.sleep(this.opts.startDelayMs ?? 1500);
    const sb = this.sandboxes.get(key);
    const cur = this.api.get('Pod', ns, name);
    if (!sb || !cur || cur.metadata.deletionTimestamp) return;
    for (const c of cur.spec.containers ?? []) {
      // The image is on the node already (IfNotPresent); then the runtime creates and starts the container.
      const fp = `spec.containers{${c.name}}`;
      recordEvent(this.api, cur, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, { component: 'kubelet', host: this.node }, fp);
      recordEvent(this.api, cur, 'Normal', 'Created', `Created container ${c.name}`, { component: 'kubelet', host: this.node }, fp);
      recordEvent(this.api, cur, 'Normal', 'Started', `Started container ${c.name}`, { component: 'kubelet', host: this.node }, fp);
      if (c.stdin) {
        // A container with stdin open waits for kubectl to attach (kubectl run -i).
        sb.procs.push(this.spawn(['sleep', 'infinity'], netns, c.name, sb, cur));
        continue;
      }
      const prog = imageProgram(c.image ?? '');
      // The image's binary runs by its name (it lives in the image, not on the node's PATH).
      const argv = c.command ? [String(c.command[0]).split('/').pop()!, ...c.command.slice(1), ...(c.args ?? [])] : prog.argv.length || !c.args?.length ? [...prog.argv, ...(c.args ?? [])] : [String(c.args[0]).split('/').pop()!, ...c.args.slice(1)];
      if (lookupCommand(argv[0])) sb.procs.push(this.spawn(argv, netns, c.name, sb, cur));
      else sb.procs.push(this.spawn(['sleep', 'infinity'], netns, c.name, sb, cur));
    }
    const hostIP = this.nodeIP();
    this.api.patch('Pod', ns, name, (p) => {
      const t = this.api.now();
      p.status = {
        phase: 'Running',
        conditions: [
          { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: t },
          { type: 'Initialized', status: 'True', lastTransitionTime: t },
          { type: 'Ready', status: 'True', lastTransitionTime: t },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: t },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: p.status?.conditions?.find((c: { type: string }) => c.type === 'PodScheduled')?.lastTransitionTime ?? t },
        ],
        hostIP,
        hostIPs: [{ ip: hostIP }],
        podIP: hostNet ? hostIP : sb.ip,
        podIPs: [{ ip: hostNet ? hostIP : sb.ip }],
        startTime: t,
        qosClass: 'BestEffort',
        containerStatuses: (p.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, imageID: '', containerID: `containerd://${this.api.rng.hex(32)}`, ready: true, restartCount: 0, started: true, state: { running: { startedAt: t } } })),
      };
    });
  }

  private spawn(argv: string[], ns: NetNs, name: string, sb?: Sandbox, pod?: KObject): Running {
    const out = new StringOut();
    const r = spawnWith(this.k, this.proc.pid, argv, { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: pod?.metadata.name ?? '' }, cwd: '/', netns: ns, stdin: devNullIn, stdout: out, stderr: out }, (p) => {
      p.overlay = sb?.overlay;
      if (argv[0] === '/pause') return new Promise<number>((res) => p.onSignal(() => res(0)));
      return p.exec(p, argv, { stdout: out, stderr: out }).catch(() => 127);
    });
    (r as Running & { out?: StringOut; cname?: string }).out = out;
    (r as Running & { out?: StringOut; cname?: string }).cname = name;
    return r;
  }

  /** The stdout/stderr a container wrote (kubectl logs). */
  logs(ns: string, pod: string, container?: string): string | undefined {
    const sb = this.sandboxes.get(`${ns}/${pod}`);
    if (!sb) return undefined;
    const r = sb.procs.find((x) => (x as Running & { cname?: string }).cname !== 'pause' && (!container || (x as Running & { cname?: string }).cname === container));
    return (r as (Running & { out?: StringOut }) | undefined)?.out?.text ?? '';
  }

  /** The network namespace of a running pod (kubectl exec). */
  podNetns(ns: string, pod: string): NetNs | undefined {
    return this.sandboxes.get(`${ns}/${pod}`)?.ns;
  }

  /** Run a program in a pod's network namespace on this node (kubectl exec); resolves its status. */
  exec(ns: string, pod: string, argv: string[], io: { stdin: import('../kernel/proc.ts').InStream; stdout: import('../kernel/proc.ts').OutStream; stderr: import('../kernel/proc.ts').OutStream }): Promise<number> {
    const sb = this.sandboxes.get(`${ns}/${pod}`);
    if (!sb) return Promise.resolve(-1);
    const r = spawnWith(this.k, this.proc.pid, ['sh'], { env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: pod }, cwd: '/', netns: sb.ns, ...io }, (p) => {
      p.overlay = sb.overlay;
      return p.exec(p, argv);
    });
    return r.done;
  }

  /**
   * kubectl run -i: the container's command attached to the caller's
   * terminal. A pod that does not restart (Never, OnFailure after success)
   * then reports the container terminated and the pod Succeeded or Failed.
   */
  async attach(ns: string, pod: string, argv: string[], io: { stdin: import('../kernel/proc.ts').InStream; stdout: import('../kernel/proc.ts').OutStream; stderr: import('../kernel/proc.ts').OutStream }): Promise<number> {
    const code = await this.exec(ns, pod, argv, io);
    const cur = this.api.get('Pod', ns, pod);
    const policy = cur?.spec?.restartPolicy ?? 'Always';
    if (cur && !cur.metadata.deletionTimestamp && (policy === 'Never' || (policy === 'OnFailure' && code === 0))) {
      const t = this.api.now();
      const reason = code === 0 ? 'Completed' : 'Error';
      this.api.patch('Pod', ns, pod, (p) => {
        p.status.phase = code === 0 ? 'Succeeded' : 'Failed';
        p.status.conditions = (p.status.conditions ?? []).map((c: { type: string }) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', reason: 'PodCompleted', lastTransitionTime: t } : c));
        p.status.containerStatuses = (p.status.containerStatuses ?? []).map((c: Record<string, unknown>) => ({ ...c, ready: false, started: false, state: { terminated: { exitCode: code, reason, startedAt: (c.state as { running?: { startedAt?: string } })?.running?.startedAt ?? t, finishedAt: t, containerID: c.containerID } } }));
      });
    }
    return code;
  }

  private async teardown(pod: KObject, sb: Sandbox | undefined): Promise<void> {
    const ns = pod.metadata.namespace!;
    if (sb) {
      // Graceful termination: the pod left the endpoints (terminating) when its
      // deletionTimestamp was set; the containers keep serving a moment (what a
      // preStop sleep gives real pods, so kube-proxy's update lands first), then
      // get SIGTERM, then are killed.
      await this.proc.sleep(1000);
      for (const c of pod.spec?.containers ?? []) recordEvent(this.api, pod, 'Normal', 'Killing', `Stopping container ${c.name}`, { component: 'kubelet', host: this.node }, `spec.containers{${c.name}}`);
      for (const r of [...sb.procs].reverse()) if (r.proc.argv[0] !== '/pause') sendSignal(r.proc, 'SIGTERM');
      await this.proc.sleep(500);
      for (const r of [...sb.procs].reverse()) sendSignal(r.proc, 'SIGKILL');
      if (sb.netnsPath) {
        const conf = loadNetConf(this.k);
        if (typeof conf !== 'string') await delNetworkList(this.proc, this.k, conf, { containerId: sb.id, netns: sb.netnsPath, ifname: 'eth0', capabilityArgs: podCapabilityArgs(pod) }).catch(() => undefined);
        const name = sb.netnsPath.split('/').pop()!;
        if (this.k.vfs.tryLookup(`/run/netns/${name}`)) this.k.vfs.unlink(`/run/netns/${name}`);
        this.k.gcNetns();
      }
      this.sandboxes.delete(this.key(pod));
    }
    if (this.api.get('Pod', ns, pod.metadata.name)) this.api.delete('Pod', ns, pod.metadata.name);
  }

  private setStatus(pod: KObject, st: { reason: string }): void {
    const cur = this.api.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!cur || cur.status?.containerStatuses?.[0]?.state?.waiting?.reason === st.reason) return;
    this.api.patch('Pod', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.status = { ...(p.status ?? {}), phase: 'Pending', hostIP: this.nodeIP(), containerStatuses: (p.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, ready: false, restartCount: 0, started: false, state: { waiting: { reason: st.reason } } })) };
    });
  }

  private event(pod: KObject, type: string, reason: string, message: string): void {
    recordEvent(this.api, pod, type as 'Normal' | 'Warning', reason, message, { component: 'kubelet', host: this.node });
  }

  /** The node's InternalIP (its first global address on eth0). */
  nodeIP(): string {
    const n = this.api.get('Node', undefined, this.node);
    return n?.status?.addresses?.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '';
  }

  /** The kubelet-managed /etc/hosts of a pod (managedHostsFileContent). */
  hostsFile(ip: string, hostname: string): string {
    return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip ? `${ip}\t${hostname}\n` : ''}`;
  }

  /** ConfigMap volumes: each key a file under the container's mountPath (directories the node lacks live in the overlay). */
  private mountConfigMaps(pod: KObject, overlay: Map<string, VNode>): void {
    const ns = pod.metadata.namespace ?? 'default';
    for (const v of pod.spec?.volumes ?? []) {
      if (!v.configMap?.name) continue;
      const cm = this.api.get('ConfigMap', ns, v.configMap.name);
      if (!cm) continue;
      for (const c of pod.spec.containers ?? []) {
        for (const m of c.volumeMounts ?? []) {
          if (m.name !== v.name || typeof m.mountPath !== 'string') continue;
          const dir: DirNode = { kind: 'dir', children: new Map(), mode: 0o777, mtime: this.k.clock.now };
          const items: { key: string; path: string }[] = v.configMap.items ?? Object.keys(cm.data ?? {}).map((key) => ({ key, path: key }));
          for (const it of items) dir.children.set(it.path, { kind: 'file', data: String(cm.data?.[it.key] ?? ''), mode: 0o644, mtime: this.k.clock.now });
          overlay.set(m.mountPath.replace(/\/+$/, ''), dir);
        }
      }
    }
  }

  /** resolv.conf as kubelet writes it for dnsPolicy ClusterFirst. */
  resolvConf(ns: string): string {
    const d = this.opts.clusterDomain;
    return `search ${ns}.svc.${d} svc.${d} ${d}\nnameserver ${this.opts.clusterDNS}\noptions ndots:5\n`;
  }
}

/**
 * The CNI capability arguments the container runtime derives from a pod
 * sandbox: containerd's CRI plugin turns every container port with a
 * hostPort into a `portMappings` entry (hostPort, containerPort, protocol in
 * lower case, hostIP), which libcni hands to plugins that declare the
 * capability (portmap) as runtimeConfig.portMappings.
 */
export function podCapabilityArgs(pod: KObject): Record<string, unknown> {
  const maps: { hostPort: number; containerPort: number; protocol: string; hostIP: string }[] = [];
  for (const c of (pod.spec?.containers ?? []) as { ports?: { hostPort?: number; containerPort?: number; protocol?: string; hostIP?: string }[] }[]) {
    for (const port of c.ports ?? []) {
      if (!port.hostPort || port.hostPort <= 0) continue;
      maps.push({ hostPort: port.hostPort, containerPort: port.containerPort ?? port.hostPort, protocol: (port.protocol ?? 'TCP').toLowerCase(), hostIP: port.hostIP ?? '' });
    }
  }
  return maps.length ? { portMappings: maps } : {};
}
