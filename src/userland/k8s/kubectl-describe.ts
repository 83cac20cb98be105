// kubectl describe for pods, services, endpoints, deployments and nodes as
// kubectl v1.31's pkg/describe lays them out: one text/tabwriter
// (minwidth 0, padding 2) over lines whose cells are tab-separated, levels
// indented by two spaces, labels and annotations one per line, and the
// Events table (Type, Reason, Age, From, Message; "Age (xN over T)" for a
// repeated event) of the events whose involvedObject is the object.

import type { Process } from '../../kernel/proc.ts';
import { namespaced, qualifiedResource, type KObject, type KubeClient } from '../../k8s/client.ts';
import type { Args } from './kubectl-flags.ts';
import { humanDuration, targets } from './kubectl.ts';

/**
 * Go's text/tabwriter (flags 0): cells end at tabs; a column block is a run
 * of consecutive lines with a cell in that column, as wide as its widest
 * cell plus padding; a line's last cell is not aligned.
 */
export function goTabwriter(text: string, minwidth = 0, padding = 2): string {
  const lines = text.split('\n');
  const cells = lines.map((l) => l.split('\t'));
  const widths = cells.map((c) => new Array<number>(c.length).fill(0));
  const format = (line0: number, line1: number, col: number): void => {
    for (let i = line0; i < line1; i++) {
      if (col >= cells[i].length - 1) continue;
      let j = i;
      let w = minwidth;
      while (j < line1 && col < cells[j].length - 1) {
        w = Math.max(w, cells[j][col].length + padding);
        j++;
      }
      for (let k = i; k < j; k++) widths[k][col] = w;
      format(i, j, col + 1);
      i = j - 1;
    }
  };
  format(0, lines.length, 0);
  return cells.map((c, i) => c.map((x, k) => (k < c.length - 1 ? x.padEnd(widths[i][k]) : x)).join('')).join('\n');
}

/** PrefixWriter: LEVEL_n indents by 2n spaces. */
class Out {
  s = '';
  w(level: number, text: string): void {
    this.s += '  '.repeat(level) + text;
  }
}

/** time.RFC1123Z of an RFC 3339 timestamp: `Mon, 06 Jan 2025 09:00:00 +0000`. */
function rfc1123z(ts: string | undefined): string {
  const d = new Date(ts ? Date.parse(ts) : Date.UTC(1, 0, 1));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${String(d.getUTCFullYear()).padStart(4, '0')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function labelsMultiline(o: Out, title: string, labels: Record<string, string> | undefined, indent = ''): void {
  o.w(0, `${indent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return o.w(0, '<none>\n');
  keys.forEach((k, i) => {
    if (i) o.w(0, `${indent}\t`);
    o.w(0, `${k}=${labels![k]}\n`);
  });
}

/** printAnnotationsMultiline: long or multi-line values on their own indented lines. */
function annotationsMultiline(o: Out, title: string, ann: Record<string, string> | undefined): void {
  o.w(0, `${title}:\t`);
  const keys = Object.keys(ann ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort();
  if (!keys.length) return o.w(0, '<none>\n');
  keys.forEach((k, i) => {
    if (i) o.w(0, '\t');
    const v = ann![k].replace(/\n$/, '');
    if (v.length + k.length + 2 > 140 || v.includes('\n')) {
      o.w(0, `${k}:\n`);
      for (const s of v.split('\n')) o.w(0, `\t  ${s.length > 138 ? `${s.slice(0, 138)}...` : s}\n`);
    } else o.w(0, `${k}: ${v}\n`);
  });
}

function tolerations(o: Out, title: string, ts: { key?: string; value?: string; effect?: string; operator?: string; tolerationSeconds?: number }[] | undefined, indent = ''): void {
  o.w(0, `${indent}${title}:\t`);
  const list = [...(ts ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (!list.length) return o.w(0, '<none>\n');
  list.forEach((t, i) => {
    if (i) o.w(0, `${indent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    o.w(0, `${s}\n`);
  });
}

type Container = { name: string; image: string; command?: string[]; args?: string[]; ports?: { containerPort: number; hostPort?: number; protocol?: string; name?: string }[]; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[] };

function containers(o: Out, label: string, cs: Container[], statuses: Record<string, unknown>[] | undefined, space: string): void {
  o.w(0, `${space}${label}:${cs.length ? '' : ' <none>'}\n`);
  for (const c of cs) {
    const st = statuses?.find((s) => s.name === c.name) as { containerID?: string; imageID?: string; ready?: boolean; restartCount?: number; state?: Record<string, Record<string, unknown>> } | undefined;
    o.w(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) o.w(2, `Container ID:\t${st.containerID ?? ''}\n`);
    o.w(2, `Image:\t${c.image}\n`);
    if (st) o.w(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
    o.w(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hports = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
    o.w(2, hports.includes(',') ? `Host Ports:\t${hports}\n` : `Host Port:\t${hports || '<none>'}\n`);
    if (c.command?.length) {
      o.w(2, 'Command:\n');
      for (const x of c.command) for (const s of String(x).split('\n')) o.w(3, `${s}\n`);
    }
    if (c.args?.length) {
      o.w(2, 'Args:\n');
      for (const x of c.args) for (const s of String(x).split('\n')) o.w(3, `${s}\n`);
    }
    if (st) {
      const state = st.state ?? {};
      if (state.running) {
        o.w(2, 'State:\tRunning\n');
        o.w(3, `Started:\t${rfc1123z(state.running.startedAt as string)}\n`);
      } else if (state.terminated) {
        const t = state.terminated;
        o.w(2, 'State:\tTerminated\n');
        if (t.reason) o.w(3, `Reason:\t${t.reason}\n`);
        o.w(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
        o.w(3, `Started:\t${rfc1123z(t.startedAt as string)}\n`);
        o.w(3, `Finished:\t${rfc1123z(t.finishedAt as string)}\n`);
      } else {
        o.w(2, 'State:\tWaiting\n');
        if (state.waiting?.reason) o.w(3, `Reason:\t${state.waiting.reason}\n`);
      }
      o.w(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      o.w(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    o.w(2, `Environment:${c.env?.length ? '' : '\t<none>'}\n`);
    for (const e of c.env ?? []) o.w(3, `${e.name}:\t${e.value ?? ''}\n`);
    o.w(2, `Mounts:${c.volumeMounts?.length ? '' : '\t<none>'}\n`);
    for (const m of [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) o.w(3, `${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})\n`);
  }
}

function volumes(o: Out, vs: { name: string; configMap?: { name: string; optional?: boolean } }[] | undefined, space: string): void {
  if (!vs?.length) return o.w(0, `${space}Volumes:\t<none>\n`);
  o.w(0, `${space}Volumes:\n`);
  for (const v of vs) {
    o.w(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.configMap) {
      o.w(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      o.w(2, `Name:\t${v.configMap.name}\n`);
      o.w(2, `Optional:\t${v.configMap.optional ? 'true' : 'false'}\n`);
    }
  }
}

/** The object's events, oldest last-seen first (SortableEvents). */
function eventsOf(api: KubeClient, obj: KObject): KObject[] {
  return api
    .list('Event', obj.metadata.namespace ?? 'default')
    .filter((e) => e.involvedObject?.kind === obj.kind && e.involvedObject?.name === obj.metadata.name && (!e.involvedObject?.uid || e.involvedObject.uid === obj.metadata.uid))
    .sort((x, y) => (x.lastTimestamp ?? '').localeCompare(y.lastTimestamp ?? ''));
}

let showEvents = true;

function events(o: Out, api: KubeClient, obj: KObject): void {
  if (!showEvents) return;
  const evs = eventsOf(api, obj);
  if (!evs.length) return o.w(0, 'Events:\t<none>\n');
  // w.Flush(): the table is a block of its own.
  o.w(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  o.w(1, '----\t------\t----\t----\t-------\n');
  const since = (ts: string | undefined): string => (ts ? humanDuration(api.ageSeconds(ts)) : '<unknown>');
  for (const e of evs) {
    const first = since(e.firstTimestamp);
    const age = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    o.w(1, `${e.type}\t${e.reason}\t${age}\t${e.source?.component || e.reportingComponent || ''}\t${String(e.message ?? '').trim()}\n`);
  }
}

function describePod(api: KubeClient, pod: KObject): string {
  const o = new Out();
  const s = pod.spec ?? {};
  const st = pod.status ?? {};
  o.w(0, `Name:\t${pod.metadata.name}\n`);
  o.w(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (s.priority !== undefined) o.w(0, `Priority:\t${s.priority}\n`);
  if (s.priorityClassName) o.w(0, `Priority Class Name:\t${s.priorityClassName}\n`);
  if (s.serviceAccountName) o.w(0, `Service Account:\t${s.serviceAccountName}\n`);
  o.w(0, s.nodeName ? `Node:\t${s.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) o.w(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  labelsMultiline(o, 'Labels', pod.metadata.labels);
  annotationsMultiline(o, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    o.w(0, `Status:\tTerminating (lasts ${humanDuration(api.ageSeconds(pod.metadata.deletionTimestamp))})\n`);
    o.w(0, `Termination Grace Period:\t${s.terminationGracePeriodSeconds ?? 30}s\n`);
  } else o.w(0, `Status:\t${st.phase ?? ''}\n`);
  if (st.reason) o.w(0, `Reason:\t${st.reason}\n`);
  if (st.message) o.w(0, `Message:\t${st.message}\n`);
  o.w(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs?.length) o.w(0, 'IPs:\t<none>\n');
  else {
    o.w(0, 'IPs:\n');
    for (const ip of st.podIPs) o.w(1, `IP:\t${ip.ip}\n`);
  }
  const ctrl = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (ctrl) o.w(0, `Controlled By:\t${ctrl.kind}/${ctrl.name}\n`);
  containers(o, 'Containers', s.containers ?? [], st.containerStatuses, '');
  if (st.conditions?.length) {
    o.w(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) o.w(1, `${c.type} \t${c.status} \n`);
  }
  volumes(o, s.volumes, '');
  o.w(0, `QoS Class:\t${st.qosClass ?? 'BestEffort'}\n`);
  labelsMultiline(o, 'Node-Selectors', s.nodeSelector);
  tolerations(o, 'Tolerations', s.tolerations);
  events(o, api, pod);
  return o.s;
}

function describeService(api: KubeClient, svc: KObject): string {
  const o = new Out();
  const s = svc.spec ?? {};
  o.w(0, `Name:\t${svc.metadata.name}\n`);
  o.w(0, `Namespace:\t${svc.metadata.namespace}\n`);
  labelsMultiline(o, 'Labels', svc.metadata.labels);
  annotationsMultiline(o, 'Annotations', svc.metadata.annotations);
  const sel = s.selector ?? {};
  o.w(0, `Selector:\t${Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',')}\n`);
  o.w(0, `Type:\t${s.type}\n`);
  if (s.ipFamilyPolicy) o.w(0, `IP Family Policy:\t${s.ipFamilyPolicy}\n`);
  o.w(0, `IP Families:\t${s.ipFamilies?.length ? s.ipFamilies.join(',') : '<none>'}\n`);
  o.w(0, `IP:\t${s.clusterIP ?? ''}\n`);
  o.w(0, `IPs:\t${s.clusterIPs?.length ? s.clusterIPs.join(',') : '<none>'}\n`);
  if (s.externalIPs?.length) o.w(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  if (s.loadBalancerIP) o.w(0, `Desired LoadBalancer IP:\t${s.loadBalancerIP}\n`);
  if (s.externalName) o.w(0, `External Name:\t${s.externalName}\n`);
  const ingress = (svc.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[];
  if (ingress.length) o.w(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}\n`);
  const slices = api.list('EndpointSlice', svc.metadata.namespace).filter((x) => x.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  for (const sp of s.ports ?? []) {
    const name = sp.name || '<unset>';
    o.w(0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    o.w(0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.nodePort) o.w(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    o.w(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
  o.w(0, `Session Affinity:\t${s.sessionAffinity ?? 'None'}\n`);
  if (s.externalTrafficPolicy) o.w(0, `External Traffic Policy:\t${s.externalTrafficPolicy}\n`);
  if (s.internalTrafficPolicy) o.w(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy}\n`);
  if (s.healthCheckNodePort) o.w(0, `HealthCheck NodePort:\t${s.healthCheckNodePort}\n`);
  if (s.loadBalancerSourceRanges?.length) o.w(0, `LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}\n`);
  events(o, api, svc);
  return o.s;
}

/** formatEndpointSlices: ready or not, each matching port's endpoints as ip:port, at most 3 then "+ N more...". */
function formatEndpointSlices(slices: KObject[], port: string): string {
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const sl of slices) {
    const eps = (sl.endpoints ?? []) as { addresses: string[] }[];
    if (!sl.ports?.length) {
      for (const e of eps) {
        if (list.length < 3) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const p of sl.ports as { name?: string; port: number }[]) {
      if ((p.name ?? '') !== port) continue;
      for (const e of eps) {
        if (list.length < 3) list.push(`${e.addresses[0]}:${p.port}`);
        count++;
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function describeEndpoints(api: KubeClient, ep: KObject): string {
  const o = new Out();
  o.w(0, `Name:\t${ep.metadata.name}\n`);
  o.w(0, `Namespace:\t${ep.metadata.namespace}\n`);
  labelsMultiline(o, 'Labels', ep.metadata.labels);
  annotationsMultiline(o, 'Annotations', ep.metadata.annotations);
  o.w(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    o.w(1, `Addresses:\t${(ss.addresses ?? []).map((a: { ip: string }) => a.ip).join(',') || '<none>'}\n`);
    o.w(1, `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a: { ip: string }) => a.ip).join(',') || '<none>'}\n`);
    if (ss.ports?.length) {
      o.w(1, 'Ports:\n');
      o.w(2, 'Name\tPort\tProtocol\n');
      o.w(2, '----\t----\t--------\n');
      for (const p of ss.ports) o.w(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    o.w(0, '\n');
  }
  events(o, api, ep);
  return o.s;
}

function describeDeployment(api: KubeClient, d: KObject): string {
  const o = new Out();
  const s = d.spec ?? {};
  const st = d.status ?? {};
  const ml = s.selector?.matchLabels ?? {};
  o.w(0, `Name:\t${d.metadata.name}\n`);
  o.w(0, `Namespace:\t${d.metadata.namespace}\n`);
  o.w(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(o, 'Labels', d.metadata.labels);
  annotationsMultiline(o, 'Annotations', d.metadata.annotations);
  o.w(0, `Selector:\t${Object.keys(ml).sort().map((k) => `${k}=${ml[k]}`).join(',')}\n`);
  o.w(0, `Replicas:\t${s.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  o.w(0, `StrategyType:\t${s.strategy?.type ?? 'RollingUpdate'}\n`);
  o.w(0, `MinReadySeconds:\t${s.minReadySeconds ?? 0}\n`);
  if ((s.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = s.strategy?.rollingUpdate ?? {};
    o.w(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge\n`);
  }
  const t = s.template ?? {};
  o.w(0, 'Pod Template:\n');
  labelsMultiline(o, 'Labels', t.metadata?.labels, '  ');
  if (Object.keys(t.metadata?.annotations ?? {}).length) annotationsMultiline(o, '  Annotations', t.metadata.annotations);
  if (t.spec?.serviceAccountName) o.w(1, `Service Account:\t${t.spec.serviceAccountName}\n`);
  containers(o, 'Containers', t.spec?.containers ?? [], undefined, '  ');
  volumes(o, t.spec?.volumes, '  ');
  if (t.spec?.priorityClassName) o.w(1, `Priority Class Name:\t${t.spec.priorityClassName}\n`);
  labelsMultiline(o, 'Node-Selectors', t.spec?.nodeSelector, '  ');
  tolerations(o, 'Tolerations', t.spec?.tolerations, '  ');
  if (st.conditions?.length) {
    o.w(0, 'Conditions:\n  Type\tStatus\tReason\n');
    o.w(1, '----\t------\t------\n');
    for (const c of st.conditions) o.w(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const rss = api.list('ReplicaSet', d.metadata.namespace).filter((r) => r.metadata.ownerReferences?.some((x) => x.uid === d.metadata.uid));
  if (rss.length) {
    const rev = (r: KObject): number => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const newest = rss.reduce((a, b) => (rev(b) > rev(a) ? b : a));
    const fmt = (xs: KObject[]): string => xs.map((r) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';
    o.w(0, `OldReplicaSets:\t${fmt(rss.filter((r) => r !== newest && (r.spec.replicas ?? 0) > 0))}\n`);
    o.w(0, `NewReplicaSet:\t${fmt([newest])}\n`);
  }
  events(o, api, d);
  return o.s;
}

function describeNode(api: KubeClient, n: KObject): string {
  const o = new Out();
  const labels = (n.metadata.labels ?? {}) as Record<string, string>;
  const roles = [...new Set([...Object.keys(labels).filter((l) => l.startsWith('node-role.kubernetes.io/') && l.length > 24).map((l) => l.slice(24)), ...(labels['kubernetes.io/role'] ? [labels['kubernetes.io/role']] : [])])].sort();
  o.w(0, `Name:\t${n.metadata.name}\n`);
  o.w(0, `Roles:\t${roles.join(',') || '<none>'}\n`);
  labelsMultiline(o, 'Labels', labels);
  annotationsMultiline(o, 'Annotations', n.metadata.annotations);
  o.w(0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  const taints = [...((n.spec?.taints ?? []) as { key: string; value?: string; effect: string }[])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  o.w(0, 'Taints:\t');
  if (!taints.length) o.w(0, '<none>\n');
  taints.forEach((t, i) => o.w(0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  o.w(0, `Unschedulable:\t${n.spec?.unschedulable ? 'true' : 'false'}\n`);
  const conds = (n.status?.conditions ?? []) as { type: string; status: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string }[];
  if (conds.length) {
    o.w(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    o.w(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) o.w(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? n.metadata.creationTimestamp)} \t${rfc1123z(c.lastTransitionTime ?? n.metadata.creationTimestamp)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  o.w(0, 'Addresses:\n');
  for (const a of n.status?.addresses ?? []) o.w(1, `${a.type}:\t${a.address}\n`);
  const ni = n.status?.nodeInfo ?? {};
  o.w(0, 'System Info:\n');
  for (const [k, f] of [['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'], ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'], ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion']]) o.w(0, `  ${k}:\t${ni[f] ?? ''}\n`);
  if (n.spec?.podCIDR) o.w(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec?.podCIDRs?.length) o.w(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  // The simulated nodes advertise no capacity and pods request nothing: every figure is 0.
  const pods = api.list('Pod').filter((p) => p.spec?.nodeName === n.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  o.w(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  o.w(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  o.w(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) o.w(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${humanDuration(api.ageSeconds(p.metadata.creationTimestamp))}\n`);
  o.w(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  o.w(1, 'Resource\tRequests\tLimits\n');
  o.w(1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) o.w(1, `${r}\t0 (0%)\t0 (0%)\n`);
  events(o, api, n);
  return o.s;
}

const DESCRIBERS: Record<string, (api: KubeClient, o: KObject) => string> = { Pod: describePod, Service: describeService, Endpoints: describeEndpoints, Deployment: describeDeployment, Node: describeNode };

/** `kubectl describe` for the kinds above; undefined when another kind is asked (kubectl.ts's simpler describer). */
export function describeVerb(p: Process, api: KubeClient, a: Args): number | undefined {
  const ts = targets(a.pos);
  if (!ts.every((t) => Object.hasOwn(DESCRIBERS, t.kind))) return undefined;
  showEvents = a.flags.get('show-events') !== 'false';
  const texts: string[] = [];
  let code = 0;
  for (const { kind, names } of ts) {
    let objs: KObject[];
    if (names.length) {
      objs = [];
      for (const n of names) {
        const o = api.get(kind, a.ns, n);
        if (!o) {
          p.stderr.write(`Error from server (NotFound): ${qualifiedResource(kind)} "${n}" not found\n`);
          code = 1;
        } else objs.push(o);
      }
    } else {
      objs = api.list(kind, a.allNs ? undefined : a.ns);
      const sel = a.flags.get('selector');
      if (sel) {
        const want = Object.fromEntries(sel.split(',').map((kv) => kv.split('=')));
        objs = objs.filter((o) => Object.entries(want).every(([k, v]) => o.metadata.labels?.[k] === v));
      }
    }
    for (const o of objs) texts.push(goTabwriter(DESCRIBERS[kind](api, o)));
  }
  if (!texts.length && code === 0) {
    if (!ts[0].names.length) p.stderr.write(a.allNs || !namespaced(ts[0].kind) ? 'No resources found\n' : `No resources found in ${a.ns} namespace.\n`);
    return code;
  }
  p.stdout.write(texts.join('\n\n'));
  return code;
}
