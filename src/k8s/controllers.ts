// The control plane's loops, each reacting to watch events as its real
// counterpart does: Service IP/NodePort allocation (the API server's
// registry), the scheduler, and the Deployment, ReplicaSet, DaemonSet and
// EndpointSlice/Endpoints controllers of kube-controller-manager.
//
//   Deployment ──> ReplicaSet (pod-template-hash) ──> Pods ──scheduler──> nodeName
//   Service + ready Pods ──> Endpoints, EndpointSlice ──> kube-proxy on every node

import { ApiServer, type KObject, type WatchEvent } from './api.ts';
import { fmtIp4, parseIp4 } from '../kernel/addr.ts';
import { recordEvent } from './events.ts';
import { podReady } from './client.ts';

/** Does a label map satisfy a selector (matchLabels, or a Service's plain map)? */
export function matches(sel: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel || !Object.keys(sel).length) return false;
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

/** The selector map of a workload (spec.selector.matchLabels). */
export function selectorOf(o: KObject): Record<string, string> {
  return (o.spec?.selector?.matchLabels ?? o.spec?.selector ?? {}) as Record<string, string>;
}

/** 32-bit FNV-1a. */
function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped into "bcdfghjklmnpqrstvwxz2456789". */
export function safeEncode(s: string): string {
  const A = 'bcdfghjklmnpqrstvwxz2456789';
  return [...s].map((c) => A[c.charCodeAt(0) % A.length]).join('');
}

/** controller.ComputeHash: fnv32a over the pod template, safe-encoded decimal. */
export function podTemplateHash(template: unknown, collisionCount = 0): string {
  return safeEncode(String(fnv32a(JSON.stringify(template) + (collisionCount ? String(collisionCount) : ''))));
}

const ctrlRef = (o: KObject): NonNullable<KObject['metadata']['ownerReferences']>[number] => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true });

/** Is a pod Ready (kubelet-reported condition)? Computed from the object, so kubectl has it too (client.ts). */
export { podReady };

/** Options of the control plane. */
export interface ControlPlaneOptions {
  serviceCidr?: string;
}

/** kube-controller-manager + kube-scheduler + the apiserver's allocators, in one object. */
export class ControlPlane {
  readonly api: ApiServer;
  private readonly svcBase: number;
  private readonly svcSize: number;
  private pending = false;

  constructor(api: ApiServer, opts: ControlPlaneOptions = {}) {
    this.api = api;
    const [a, l] = (opts.serviceCidr ?? '10.96.0.0/12').split('/');
    this.svcBase = parseIp4(a)!;
    this.svcSize = 2 ** (32 - Number(l));
    api.watch((e) => this.onEvent(e));
  }

  private onEvent(e: WatchEvent): void {
    const o = e.object;
    switch (o.kind) {
      case 'Service':
        if (e.type === 'ADDED' || e.type === 'MODIFIED') this.allocateService(o);
        if (e.type === 'DELETED' && this.api.get('Endpoints', o.metadata.namespace, o.metadata.name)) this.api.delete('Endpoints', o.metadata.namespace, o.metadata.name);
        else this.syncEndpoints();
        return;
      case 'Pod':
        if (e.type !== 'DELETED' && !o.spec?.nodeName && !o.metadata.deletionTimestamp) this.schedule(o);
        this.syncOwners();
        this.syncEndpoints();
        return;
      case 'Node':
        // A node that became schedulable (uncordoned, untainted, added): the scheduler retries pending pods.
        for (const p of this.api.list('Pod')) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) this.schedule(p);
        this.syncOwners();
        return;
      case 'Deployment':
      case 'ReplicaSet':
      case 'DaemonSet':
        this.syncOwners();
        return;
    }
  }

  /** Re-run every workload controller (cheap at this scale; bounded by the API's event budget). */
  private syncOwners(): void {
    if (this.pending) return;
    this.pending = true;
    try {
      for (const d of this.api.list('Deployment')) this.syncDeployment(d);
      for (const rs of this.api.list('ReplicaSet')) this.syncReplicaSet(rs);
      for (const ds of this.api.list('DaemonSet')) this.syncDaemonSet(ds);
    } finally {
      this.pending = false;
    }
  }

  // ── Service allocation ───────────────────────────────────────────────

  /** ClusterIP from the service CIDR (random, seeded) and NodePorts from 30000-32767. */
  private allocateService(svc: KObject): void {
    const spec = svc.spec ?? (svc.spec = {});
    const used = new Set(this.api.list('Service').map((s) => s.spec?.clusterIP).filter(Boolean));
    let changed = false;
    // An ExternalName Service is a DNS alias: the allocator gives it no ClusterIP.
    if (!spec.clusterIP && spec.clusterIP !== 'None' && spec.type !== 'ExternalName') {
      for (let i = 0; i < 1000; i++) {
        const ip = fmtIp4(this.svcBase + this.api.rng.int(11, Math.min(this.svcSize - 2, 65000)));
        if (!used.has(ip)) {
          spec.clusterIP = ip;
          break;
        }
      }
      changed = true;
    }
    if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
    spec.type = spec.type ?? 'ClusterIP';
    spec.sessionAffinity = spec.sessionAffinity ?? 'None';
    spec.ipFamilies = spec.ipFamilies ?? ['IPv4'];
    spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
    spec.internalTrafficPolicy = spec.internalTrafficPolicy ?? 'Cluster';
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
    const usedPorts = new Set(this.api.list('Service').flatMap((s) => (s.spec?.ports ?? []).map((p: { nodePort?: number }) => p.nodePort)));
    for (const p of spec.ports ?? []) {
      p.protocol = p.protocol ?? 'TCP';
      if (p.targetPort === undefined) p.targetPort = p.port;
      if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !p.nodePort) {
        for (let i = 0; i < 1000; i++) {
          const np = this.api.rng.int(30000, 32767);
          if (!usedPorts.has(np)) {
            p.nodePort = np;
            usedPorts.add(np);
            break;
          }
        }
      }
      changed = true;
    }
    // healthCheckNodePort: allocated for LoadBalancer Services with externalTrafficPolicy Local, released otherwise.
    if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
      if (!spec.healthCheckNodePort) {
        for (let i = 0; i < 1000; i++) {
          const np = this.api.rng.int(30000, 32767);
          if (!usedPorts.has(np) && !this.api.list('Service').some((s) => s.spec?.healthCheckNodePort === np)) {
            spec.healthCheckNodePort = np;
            break;
          }
        }
      }
    } else if (spec.healthCheckNodePort) delete spec.healthCheckNodePort;
    if (changed) svc.status = svc.status ?? { loadBalancer: {} };
  }

  // ── scheduler ────────────────────────────────────────────────────────

  /** Bind a pod to the feasible node with the fewest pods (ties broken by the seeded rng). */
  private schedule(pod: KObject): void {
    const tolerates = (taint: { key: string; effect: string }): boolean =>
      (pod.spec?.tolerations ?? []).some((t: { key?: string; operator?: string; effect?: string }) => (t.operator === 'Exists' && !t.key) || (t.key === taint.key && (!t.effect || t.effect === taint.effect)));
    const nodes = this.api.list('Node').filter((n) => {
      if (pod.spec?.nodeSelector && !matches(pod.spec.nodeSelector, n.metadata.labels)) return false;
      // NodeUnschedulable: a cordoned node takes no pods that do not tolerate node.kubernetes.io/unschedulable.
      if (n.spec?.unschedulable && !tolerates({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return false;
      return !(n.spec?.taints ?? []).some((t: { key: string; effect: string }) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(t));
    });
    if (!nodes.length) return;
    const count = (n: KObject): number => this.api.list('Pod').filter((p) => p.spec?.nodeName === n.metadata.name && !p.spec?.hostNetwork).length;
    const min = Math.min(...nodes.map(count));
    const best = nodes.filter((n) => count(n) === min);
    const pick = best[this.api.rng.int(0, best.length - 1)];
    this.api.patch('Pod', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.spec.nodeName = pick.metadata.name;
      p.status = { ...(p.status ?? {}), phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: this.api.now() }] };
    });
    recordEvent(this.api, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${pick.metadata.name}`, { component: 'default-scheduler' });
  }

  // ── workloads ────────────────────────────────────────────────────────

  private ownedBy(kind: string, owner: KObject): KObject[] {
    return this.api.list(kind, owner.metadata.namespace).filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid));
  }

  /** A pod from a template, owned by `owner`, named `prefix` + random suffix. */
  private newPod(owner: KObject, template: KObject, extraLabels: Record<string, string>, nodeName?: string): void {
    const spec = JSON.parse(JSON.stringify(template.spec ?? {}));
    if (nodeName) spec.nodeName = nodeName;
    spec.restartPolicy = spec.restartPolicy ?? 'Always';
    spec.dnsPolicy = spec.dnsPolicy ?? 'ClusterFirst';
    spec.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds ?? 30;
    const pod = this.api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: `${owner.metadata.name}-`, name: '', namespace: owner.metadata.namespace, labels: { ...(template.metadata?.labels ?? {}), ...extraLabels }, ownerReferences: [ctrlRef(owner)] },
      spec,
      status: { phase: 'Pending' },
    });
    recordEvent(this.api, owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: owner.kind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller' });
  }

  private syncReplicaSet(rs: KObject): void {
    const pods = this.ownedBy('Pod', rs).filter((p) => !p.metadata.deletionTimestamp);
    const want = rs.spec?.replicas ?? 1;
    const hash = rs.metadata.labels?.['pod-template-hash'];
    for (let i = pods.length; i < want; i++) this.newPod(rs, rs.spec.template, hash ? { 'pod-template-hash': hash } : {});
    if (pods.length > want) {
      // Delete not-ready pods first, then the newest (controller.ActivePods ordering, simplified).
      const victims = [...pods].sort((a, b) => Number(podReady(a)) - Number(podReady(b)) || (b.metadata.creationTimestamp! < a.metadata.creationTimestamp! ? -1 : 1)).slice(0, pods.length - want);
      for (const v of victims) {
        this.api.deleteGraceful('Pod', v.metadata.namespace, v.metadata.name);
        recordEvent(this.api, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`, { component: 'replicaset-controller' });
      }
    }
    const all = this.ownedBy('Pod', rs).filter((p) => !p.metadata.deletionTimestamp);
    const ready = all.filter(podReady).length;
    const st = { replicas: all.length, fullyLabeledReplicas: all.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: rs.metadata.generation };
    if (JSON.stringify(rs.status) !== JSON.stringify(st)) this.api.patch('ReplicaSet', rs.metadata.namespace, rs.metadata.name, (o) => (o.status = st));
  }

  /** Deployment controller: one ReplicaSet per template; rolling update with maxSurge/maxUnavailable 25%. */
  private syncDeployment(d: KObject): void {
    const ns = d.metadata.namespace;
    const replicas: number = d.spec?.replicas ?? 1;
    const tmpl = d.spec.template;
    const hash = podTemplateHash(tmpl, d.status?.collisionCount ?? 0);
    const rss = this.ownedBy('ReplicaSet', d);
    let newRs = rss.find((r) => r.metadata.labels?.['pod-template-hash'] === hash);
    const maxRev = Math.max(0, ...rss.map((r) => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    const strategy = d.spec.strategy?.rollingUpdate ?? {};
    const pct = (v: string | number | undefined, dflt: string, roundUp: boolean): number => {
      const s = String(v ?? dflt);
      if (s.endsWith('%')) {
        const f = (Number(s.slice(0, -1)) / 100) * replicas;
        return roundUp ? Math.ceil(f) : Math.floor(f);
      }
      return Number(s);
    };
    const maxSurge = pct(strategy.maxSurge, '25%', true);
    let maxUnavailable = pct(strategy.maxUnavailable, '25%', false);
    if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
    if (!newRs) {
      newRs = this.api.create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: ns,
          labels: { ...(tmpl.metadata?.labels ?? {}), 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + maxSurge), 'deployment.kubernetes.io/revision': String(maxRev + 1), ...(d.metadata.annotations?.['kubernetes.io/change-cause'] ? { 'kubernetes.io/change-cause': d.metadata.annotations['kubernetes.io/change-cause'] } : {}) },
          ownerReferences: [ctrlRef(d)],
        },
        spec: {
          replicas: rss.length ? 0 : replicas,
          selector: { matchLabels: { ...selectorOf(d), 'pod-template-hash': hash } },
          template: { ...JSON.parse(JSON.stringify(tmpl)), metadata: { ...(tmpl.metadata ?? {}), labels: { ...(tmpl.metadata?.labels ?? {}), 'pod-template-hash': hash } } },
        },
        status: { replicas: 0 },
      });
      // getNewReplicaSet: a new ReplicaSet created at its full size is announced without "from".
      if (newRs.spec.replicas > 0) recordEvent(this.api, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${newRs.metadata.name} to ${newRs.spec.replicas}`, { component: 'deployment-controller' });
      this.api.patch('Deployment', ns, d.metadata.name, (o) => {
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(maxRev + 1) };
      });
    } else if (Number(newRs.metadata.annotations?.['deployment.kubernetes.io/revision']) < maxRev) {
      // Rolling back to an old template: it becomes the newest revision.
      this.api.patch('ReplicaSet', ns, newRs.metadata.name, (o) => (o.metadata.annotations!['deployment.kubernetes.io/revision'] = String(maxRev + 1)));
      this.api.patch('Deployment', ns, d.metadata.name, (o) => (o.metadata.annotations = { ...(o.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(maxRev + 1) }));
    }
    const olds = this.ownedBy('ReplicaSet', d).filter((r) => r !== newRs);
    const podsOf = (r: KObject): KObject[] => this.ownedBy('Pod', r).filter((p) => !p.metadata.deletionTimestamp);
    const oldCount = olds.reduce((s, r) => s + (r.spec.replicas ?? 0), 0);
    const setReplicas = (r: KObject, n: number): void => {
      const from = r.spec.replicas ?? 0;
      if (from === n) return;
      this.api.patch('ReplicaSet', ns, r.metadata.name, (o) => (o.spec.replicas = n));
      // scaleReplicaSet: "Scaled %s replica set %s to %d from %d".
      recordEvent(this.api, d, 'Normal', 'ScalingReplicaSet', `Scaled ${n > from ? 'up' : 'down'} replica set ${r.metadata.name} to ${n} from ${from}`, { component: 'deployment-controller' });
    };
    // Scale up the new ReplicaSet within maxSurge.
    const cur = newRs.spec.replicas ?? 0;
    if (cur < replicas) setReplicas(newRs, Math.min(replicas, Math.max(cur, replicas + maxSurge - oldCount)));
    else if (cur > replicas && !oldCount) setReplicas(newRs, replicas);
    // Scale down old ReplicaSets while availability stays >= replicas - maxUnavailable.
    const readyAll = [newRs, ...olds].reduce((s, r) => s + podsOf(r).filter(podReady).length, 0);
    let canRemove = Math.max(0, readyAll - (replicas - maxUnavailable));
    // Not-ready old pods can always go.
    for (const r of olds) {
      const n = r.spec.replicas ?? 0;
      if (!n) continue;
      const notReady = podsOf(r).filter((p) => !podReady(p)).length;
      const dec = Math.min(n, notReady + canRemove);
      if (dec > 0) {
        canRemove -= Math.max(0, dec - notReady);
        setReplicas(r, n - dec);
      }
    }
    const allPods = [newRs, ...olds].flatMap(podsOf);
    const updated = podsOf(newRs).length;
    const avail = allPods.filter(podReady).length;
    const st = {
      observedGeneration: d.metadata.generation,
      replicas: allPods.length,
      updatedReplicas: updated,
      readyReplicas: avail,
      availableReplicas: avail,
      ...(allPods.length - avail > 0 ? { unavailableReplicas: allPods.length - avail } : {}),
      conditions: [
        { type: 'Available', status: avail >= replicas - maxUnavailable ? 'True' : 'False', reason: avail >= replicas - maxUnavailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: avail >= replicas - maxUnavailable ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'True', reason: updated === replicas && avail === replicas && !olds.some((r) => podsOf(r).length) ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: `ReplicaSet "${newRs.metadata.name}" ${updated === replicas && avail === replicas ? 'has successfully progressed.' : 'is progressing.'}` },
      ],
    };
    if (JSON.stringify(d.status) !== JSON.stringify(st)) this.api.patch('Deployment', ns, d.metadata.name, (o) => (o.status = st));
  }

  /** DaemonSet controller: one pod per eligible node. */
  private syncDaemonSet(ds: KObject): void {
    const pods = this.ownedBy('Pod', ds).filter((p) => !p.metadata.deletionTimestamp);
    const tol = ds.spec?.template?.spec?.tolerations ?? [];
    const sel = ds.spec?.template?.spec?.nodeSelector as Record<string, string> | undefined;
    const eligible = this.api.list('Node').filter((n) => (!sel || matches(sel, n.metadata.labels)) && !(n.spec?.taints ?? []).some((t: { key: string; effect: string }) => t.effect === 'NoSchedule' && !tol.some((x: { key?: string; operator?: string }) => (x.operator === 'Exists' && !x.key) || x.key === t.key)));
    for (const n of eligible) if (!pods.some((p) => p.spec.nodeName === n.metadata.name)) this.newPod(ds, ds.spec.template, { 'controller-revision-hash': podTemplateHash(ds.spec.template).slice(0, 10), 'pod-template-generation': String(ds.metadata.generation ?? 1) }, n.metadata.name);
    const all = this.ownedBy('Pod', ds).filter((p) => !p.metadata.deletionTimestamp);
    const ready = all.filter(podReady).length;
    const st = { currentNumberScheduled: all.length, desiredNumberScheduled: eligible.length, numberAvailable: ready, numberMisscheduled: 0, numberReady: ready, observedGeneration: ds.metadata.generation, updatedNumberScheduled: all.length };
    if (JSON.stringify(ds.status) !== JSON.stringify(st)) this.api.patch('DaemonSet', ds.metadata.namespace, ds.metadata.name, (o) => (o.status = st));
  }

  // ── endpoints ────────────────────────────────────────────────────────

  /** Endpoints and EndpointSlice of every selector Service, from pod IPs and readiness. */
  private syncEndpoints(): void {
    for (const svc of this.api.list('Service')) {
      const sel = svc.spec?.selector as Record<string, string> | undefined;
      if (!sel || !Object.keys(sel).length) continue;
      const ns = svc.metadata.namespace;
      const pods = this.api.list('Pod', ns).filter((p) => matches(sel, p.metadata.labels) && p.status?.podIP);
      const ports = (svc.spec.ports ?? []).map((sp: { name?: string; port: number; targetPort?: number | string; protocol?: string }) => {
        let port = typeof sp.targetPort === 'number' ? sp.targetPort : Number(sp.targetPort);
        if (!Number.isFinite(port)) {
          const named = pods.flatMap((p) => p.spec.containers ?? []).flatMap((c: { ports?: { name?: string; containerPort: number }[] }) => c.ports ?? []).find((cp: { name?: string }) => cp.name === sp.targetPort);
          port = named?.containerPort ?? sp.port;
        }
        return { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' };
      });
      const byIp = [...pods].sort((a, b) => (parseIp4(a.status.podIP)! >>> 0) - (parseIp4(b.status.podIP)! >>> 0));
      const addr = (p: KObject): Record<string, unknown> => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid } });
      const ready = byIp.filter(podReady);
      const notReady = byIp.filter((p) => !podReady(p) && !p.metadata.deletionTimestamp);
      const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready.map(addr) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}), ports }] : undefined;
      const ep = this.api.get('Endpoints', ns, svc.metadata.name);
      if (!ep) this.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, labels: { ...(svc.metadata.labels ?? {}) } }, ...(subsets ? { subsets } : {}) });
      else if (JSON.stringify(ep.subsets) !== JSON.stringify(subsets)) this.api.patch('Endpoints', ns, svc.metadata.name, (o) => (subsets ? (o.subsets = subsets) : delete o.subsets));
      const endpoints = byIp.map((p) => ({
        addresses: [p.status.podIP],
        conditions: { ready: podReady(p), serving: !!p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'), terminating: !!p.metadata.deletionTimestamp },
        nodeName: p.spec.nodeName,
        targetRef: { kind: 'Pod', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
      }));
      const slice = this.api.list('EndpointSlice', ns).find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
      if (!slice) {
        this.api.create({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { name: '', generateName: `${svc.metadata.name}-`, namespace: ns, labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata.name }, ownerReferences: [ctrlRef(svc)] },
          addressType: 'IPv4',
          endpoints,
          ports,
        });
      } else if (JSON.stringify(slice.endpoints) !== JSON.stringify(endpoints) || JSON.stringify(slice.ports) !== JSON.stringify(ports)) {
        this.api.patch('EndpointSlice', ns, slice.metadata.name, (o) => {
          o.endpoints = endpoints;
          o.ports = ports;
        });
      }
    }
  }
}
