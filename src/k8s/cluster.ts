// A Kubernetes cluster as a world of hosts: a control plane and workers on
// one Ethernet segment (192.168.56.0/24 by default), an API server with the
// control-plane controllers, a kubelet on every node, kube-proxy as a
// DaemonSet (hostNetwork), optionally flannel (host-gw) as the pod network,
// and the `kubernetes` and `kube-dns` Services kubeadm creates.
//
//      controlplane .10          node01 .11            node02 .12
//   10.244.0.0/24 (cni0)   10.244.1.0/24 (cni0)   10.244.2.0/24 (cni0)
//          │ eth0                  │ eth0                 │ eth0
//   ═══════╧══════════════ segment k8s 192.168.56.0/24 ═════╧═══════

import type { World } from '../world/world.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { ApiServer, type KObject } from './api.ts';
import { ControlPlane } from './controllers.ts';
import { Kubelet } from './kubelet.ts';
import type { NodeBinding } from './registry.ts';
import { serveKubeApi } from './client.ts';
import { apiServerApi } from './server.ts';
import { installIngressNginx } from './ingress-install.ts';
import { installMetalLB, metallbPool } from './metallb.ts';
import { installCniPlugins } from '../userland/k8s/cni/index.ts';
import '../userland/k8s/index.ts';
import { registerNsOwners } from '../world/owners.ts';

/** One node of the cluster. */
export interface NodeSpec {
  name: string;
  ip: string;
  role: 'control-plane' | 'worker';
}

/** Options of a cluster. */
export interface ClusterOptions {
  nodes?: NodeSpec[];
  segment?: string;
  podCidr?: string;
  serviceCidr?: string;
  proxyMode?: 'iptables' | 'ipvs' | 'nftables';
  /** Install a pod network at start (`flannel`), or leave nodes NotReady (`none`). */
  cni?: 'flannel' | 'none';
  /** Run kube-proxy (default true). */
  kubeProxy?: boolean;
  /** Deploy CoreDNS behind kube-dns (default true). */
  coredns?: boolean;
  /** Virtual ms a container takes to start. */
  startDelayMs?: number;
  /** Install the ingress-nginx controller (bare-metal manifest: NodePort Service, IngressClass nginx). */
  ingressNginx?: boolean;
  /** A network policy controller next to the pod network: kube-router's (`kube-router`), or none (default). */
  networkPolicy?: 'kube-router' | 'none';
  /** Install MetalLB (controller and speakers) at start, optionally with one layer-2 pool. */
  metallb?: boolean | { pool: string; addresses: string[] };
}

/** The default three nodes of the course. */
export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'controlplane', ip: '192.168.56.10', role: 'control-plane' },
  { name: 'node01', ip: '192.168.56.11', role: 'worker' },
  { name: 'node02', ip: '192.168.56.12', role: 'worker' },
];

/** The flannel DaemonSet (kube-flannel.yml, host-gw backend). */
export function flannelDaemonSet(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-flannel-ds', namespace: 'kube-flannel', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } },
    spec: {
      selector: { matchLabels: { app: 'flannel' } },
      template: {
        metadata: { labels: { app: 'flannel', tier: 'node' } },
        spec: { hostNetwork: true, priorityClassName: 'system-node-critical', serviceAccountName: 'flannel', tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }], containers: [{ name: 'kube-flannel', image: 'docker.io/flannel/flannel:v0.26.1', command: ['/opt/bin/flanneld'], args: ['--ip-masq', '--kube-subnet-mgr'] }] },
      },
    },
  };
}

/** kube-router as a network policy controller only (daemonset/kube-router-firewall-daemonset.yaml, hostNetwork as its generic manifests run it). */
export function kubeRouterDaemonSet(serviceCidr: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-router', namespace: 'kube-system', labels: { 'k8s-app': 'kube-router' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-router' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-router' } },
        spec: { hostNetwork: true, priorityClassName: 'system-node-critical', serviceAccountName: 'kube-router', tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }], containers: [{ name: 'kube-router', image: 'docker.io/cloudnativelabs/kube-router:v2.5.0', command: ['/usr/local/bin/kube-router'], args: ['--run-router=false', '--run-firewall=true', '--run-service-proxy=false', `--service-cluster-ip-range=${serviceCidr}`], securityContext: { privileged: true } }] },
      },
    },
  };
}

/** The Corefile kubeadm writes (cmd/kubeadm/app/phases/addons/dns/manifests.go, 1.31). */
export const KUBEADM_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

/** kubeadm's CoreDNS addon: the `coredns` ConfigMap and Deployment in kube-system (2 replicas, dnsPolicy Default). */
export function corednsObjects(_serviceCidr: string): KObject[] {
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: KUBEADM_COREFILE } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            priorityClassName: 'system-cluster-critical',
            serviceAccountName: 'coredns',
            tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.3', args: ['-conf', '/etc/coredns/Corefile'], volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }], ports: [{ containerPort: 53, name: 'dns', protocol: 'UDP' }, { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' }, { containerPort: 9153, name: 'metrics', protocol: 'TCP' }] }],
            dnsPolicy: 'Default',
            volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
          },
        },
      },
    },
  ];
}

/** A running cluster. */
export class Cluster {
  readonly world: World;
  readonly api: ApiServer;
  readonly control: ControlPlane;
  readonly kubelets = new Map<string, Kubelet>();
  readonly nodes: NodeSpec[];
  readonly opts: Required<Omit<ClusterOptions, 'nodes'>>;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(world: World, opts: ClusterOptions = {}) {
    this.world = world;
    this.nodes = opts.nodes ?? DEFAULT_NODES;
    this.opts = { segment: 'k8s', podCidr: '10.244.0.0/16', serviceCidr: '10.96.0.0/12', proxyMode: 'iptables', cni: 'flannel', kubeProxy: true, coredns: true, startDelayMs: 1500, ingressNginx: false, networkPolicy: 'none', metallb: false, ...opts };
    this.api = new ApiServer(world.clock, world.rng.fork());
    this.control = new ControlPlane(this.api, { serviceCidr: this.opts.serviceCidr });
    // What kubectl on any node talks to (client.ts): the API server, proxying to the kubelets.
    const served = apiServerApi(this.api, this.kubelets, () => this.idle());
    const base = this.opts.podCidr.split('.').slice(0, 2).join('.');
    this.nodes.forEach((n, i) => {
      const k = world.hosts.get(n.name) ?? world.addHost(n.name);
      if (!k.initNs.devByName('eth0')) world.attach(n.name, 'eth0', this.opts.segment, { addr: `${n.ip}/24` });
      installCniPlugins(k);
      k.vfs.mkdir('/etc/kubernetes', {}, true);
      k.vfs.putFile('/etc/hosts', k.vfs.readFile('/etc/hosts') + this.nodes.map((m) => `${m.ip}\t${m.name}\n`).join(''));
      const binding: NodeBinding = { api: this.api, nodeName: n.name, track: (w) => this.track(w), idle: () => this.idle(), clusterCidr: this.opts.podCidr, proxyMode: this.opts.proxyMode, serviceCidr: this.opts.serviceCidr };
      serveKubeApi(k, served, { nodeName: n.name, track: (w) => this.track(w), clusterCidr: this.opts.podCidr, proxyMode: this.opts.proxyMode, serviceCidr: this.opts.serviceCidr });
      this.api.create({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: n.name, labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', ...(n.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}) } },
        spec: { podCIDR: `${base}.${i}.0/24`, podCIDRs: [`${base}.${i}.0/24`], ...(n.role === 'control-plane' ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}) },
        status: {
          addresses: [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
          conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
          nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.1.0-28-amd64', kubeProxyVersion: 'v1.31.4', kubeletVersion: 'v1.31.4', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)' },
        },
      });
      const kl = new Kubelet(k, n.name, binding, { clusterDNS: this.dnsIp(), clusterDomain: 'cluster.local', startDelayMs: this.opts.startDelayMs });
      this.kubelets.set(n.name, kl);
    });
    for (const kl of this.kubelets.values()) kl.start();
    // A learner logs in to a cluster that is up: pods started, rules synced.
    world.onBoot(() => this.idle());
    // kubeadm's Services.
    const cp = this.nodes.find((n) => n.role === 'control-plane') ?? this.nodes[0];
    this.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }, spec: { clusterIP: this.svcIp(1), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' } });
    this.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets: [{ addresses: [{ ip: cp.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }] });
    this.api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } }, addressType: 'IPv4', endpoints: [{ addresses: [cp.ip], conditions: { ready: true, serving: true, terminating: false } }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] });
    this.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } }, spec: { clusterIP: this.dnsIp(), selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }, { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 }] } });
    if (this.opts.coredns) for (const o of corednsObjects(this.opts.serviceCidr)) this.api.create(o);
    if (this.opts.kubeProxy) {
      this.api.create({
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
        spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } }, template: { metadata: { labels: { 'k8s-app': 'kube-proxy' } }, spec: { hostNetwork: true, tolerations: [{ operator: 'Exists' }], containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.4', command: ['kube-proxy', `--proxy-mode=${this.opts.proxyMode}`] }] } } },
      });
    }
    if (this.opts.cni === 'flannel') this.installFlannel();
    if (this.opts.ingressNginx) installIngressNginx(this.api);
    if (this.opts.networkPolicy === 'kube-router') this.api.create(kubeRouterDaemonSet(this.opts.serviceCidr));
    if (this.opts.metallb) this.installMetalLB(typeof this.opts.metallb === 'object' ? this.opts.metallb : undefined);
  }

  /** Apply metallb-native.yaml, and optionally an IPAddressPool with its L2Advertisement. */
  installMetalLB(pool?: { pool: string; addresses: string[] }): void {
    installMetalLB(this.api);
    if (pool) for (const o of metallbPool(pool.pool, pool.addresses)) if (!this.api.get(o.kind, o.metadata.namespace, o.metadata.name)) this.api.create(o);
  }

  /** Apply the flannel manifest (namespace + DaemonSet). */
  installFlannel(): void {
    if (!this.api.get('Namespace', undefined, 'kube-flannel')) this.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-flannel', labels: { 'k8s-app': 'flannel' } }, spec: {}, status: { phase: 'Active' } });
    if (!this.api.get('DaemonSet', 'kube-flannel', 'kube-flannel-ds')) this.api.create(flannelDaemonSet());
  }

  /** The n-th address of the service CIDR (1 = kubernetes, 10 = kube-dns). */
  svcIp(n: number): string {
    const [a, b, c, d] = this.opts.serviceCidr.split('/')[0].split('.').map(Number);
    return `${a}.${b}.${c}.${d + n}`;
  }

  dnsIp(): string {
    return this.svcIp(10);
  }

  /** The host of a node. */
  host(name: string): Kernel {
    return this.world.host(name);
  }

  /** Register async work. */
  track<T>(w: Promise<T>): Promise<T> {
    this.pending.add(w);
    void w.finally(() => this.pending.delete(w)).catch(() => undefined);
    return w;
  }

  /** Resolves when no tracked work (pod setup, proxy syncs, CNI calls) is pending. */
  async idle(): Promise<void> {
    for (let i = 0; i < 200 && this.pending.size; i++) await Promise.allSettled([...this.pending]);
  }

  /** Drive the world's clock until the cluster is idle. */
  async settle(maxVirtualMs = 120_000): Promise<void> {
    await this.world.run(this.idle(), { maxVirtualMs });
  }
}

const clusters = new WeakMap<World, Cluster>();

/** Build (once) the cluster of a world. */
export function buildCluster(world: World, opts: ClusterOptions = {}): Cluster {
  let c = clusters.get(world);
  if (!c) {
    const cluster = new Cluster(world, opts);
    clusters.set(world, (c = cluster));
    // The topology view names each pod's sandbox namespace.
    registerNsOwners(world, 'k8s', () => [...cluster.kubelets.values()].flatMap((kl) => [...kl.sandboxes].filter(([, sb]) => sb.ns !== kl.k.initNs).map(([key, sb]) => ({ ns: sb.ns, pod: key }))));
  }
  return c;
}

/** The cluster of a world, if one was built. */
export function clusterOf(world: World): Cluster | undefined {
  return clusters.get(world);
}
