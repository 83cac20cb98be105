// kubectl against the simulated API server: get (tables as kubectl's
// printers lay them out — tabwriter with 3 spaces of padding; -o wide, -o
// yaml/json, -n, -A), describe (pods, services, deployments), apply -f,
// create deployment, expose, scale, delete, exec, logs, rollout
// status|undo|history, set image. Messages are kubectl's ("deployment.apps/web
// created", `Error from server (NotFound): ...`). The command line is parsed
// as cobra/pflag do (kubectl-flags.ts); -o printers (JSONPath, custom
// columns) are in kubectl-output.ts; run, create service, label, annotate,
// patch, events and describe's full layouts in kubectl-verbs.ts and
// kubectl-describe.ts. kubectl reaches the cluster only through the API
// client of src/k8s/client.ts (`kubeClient`), as the real one goes through
// its kubeconfig to the API server.

import type { Process } from '../../kernel/proc.ts';
import { register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { hostOf } from '../coreutils/host.ts';
import { ApiError, RESOURCE, kubeClient, modify, namespaced, podReady, qualifiedResource, type KObject, type KubeClient } from '../../k8s/client.ts';
import { parseYamlDocuments } from '../../k8s/yaml.ts';
import { klogTime } from '../lib/klog.ts';
import { createdText, createIngressObject, describeIngress, dryRunIngress, INGRESS_KINDS, ingressTable, logsTarget } from './kubectl-ingress.ts';
import { describeNetworkPolicy, netpolRow } from './kubectl-netpol.ts';
import { parseFlags, unknownCommand, findVerb, NotSimulatedFlag, UsageError, KUBECTL_COMMANDS, VERB_FLAGS, type Args } from './kubectl-flags.ts';
import { printerFor, sortBy, NotSimulatedFormat } from './kubectl-output.ts';
import { refuseNotSimulated } from '../registry.ts';
import { applyMerge, lastAppliedValue, sameJson, LAST_APPLIED } from '../../k8s/strategic-merge.ts';
import { kubectlExtra, eventTable, createAndPrint } from './kubectl-verbs.ts';

/** Resource names and aliases kubectl accepts, to kinds. */
export const KINDS: Record<string, string> = {
  po: 'Pod', pod: 'Pod', pods: 'Pod',
  svc: 'Service', service: 'Service', services: 'Service',
  ep: 'Endpoints', endpoints: 'Endpoints',
  endpointslice: 'EndpointSlice', endpointslices: 'EndpointSlice',
  no: 'Node', node: 'Node', nodes: 'Node',
  ns: 'Namespace', namespace: 'Namespace', namespaces: 'Namespace',
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet',
  ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
  cm: 'ConfigMap', configmap: 'ConfigMap', configmaps: 'ConfigMap',
  netpol: 'NetworkPolicy', networkpolicy: 'NetworkPolicy', networkpolicies: 'NetworkPolicy',
  ev: 'Event', event: 'Event', events: 'Event',
  ipaddresspool: 'IPAddressPool', ipaddresspools: 'IPAddressPool', l2advertisement: 'L2Advertisement', l2advertisements: 'L2Advertisement',
};
Object.assign(KINDS, INGRESS_KINDS);

/** `deployment.apps/web` as kubectl names an object in messages. */
export function ref(kind: string, name: string): string {
  const r = Object.hasOwn(RESOURCE, kind) ? RESOURCE[kind] : undefined;
  const singular = kind.toLowerCase();
  return `${r?.group ? `${singular}.${r.group}` : singular}/${name}`;
}

/** duration.HumanDuration (k8s.io/apimachinery/pkg/util/duration). */
export function humanDuration(sec: number): string {
  if (sec < -1) return '<invalid>';
  if (sec < 0) return '0s';
  if (sec < 120) return `${sec}s`;
  const m = Math.floor(sec / 60);
  if (m < 10) return sec % 60 === 0 ? `${m}m` : `${m}m${sec % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(sec / 3600);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  return `${Math.floor(h / 24 / 365)}y`;
}

/** text/tabwriter as kubectl configures it (minwidth 6, padding 3, last column unpadded). */
export function tabwrite(rows: string[][]): string {
  const w: number[] = [];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(6, w[i] + 3)))).join('').trimEnd() + '\n').join('');
}

export function podStatus(p: KObject): { ready: string; status: string; restarts: string } {
  const cs = (p.status?.containerStatuses ?? []) as { ready: boolean; restartCount: number; state?: { waiting?: { reason: string } } }[];
  const total = (p.spec?.containers ?? []).length;
  let status = p.status?.phase ?? 'Pending';
  const waiting = cs.find((c) => c.state?.waiting)?.state?.waiting?.reason;
  if (waiting) status = waiting;
  // printPod: a terminated container shows its reason (Completed, Error).
  const term = (cs as { state?: { terminated?: { reason?: string } } }[]).find((c) => c.state?.terminated)?.state?.terminated?.reason;
  if (term && !waiting) status = term;
  if (p.metadata.deletionTimestamp) status = 'Terminating';
  return { ready: `${cs.filter((c) => c.ready).length}/${total}`, status, restarts: String(cs.reduce((s, c) => s + (c.restartCount ?? 0), 0)) };
}

function svcPorts(s: KObject): string {
  const ps = (s.spec?.ports ?? []) as { port: number; nodePort?: number; protocol?: string }[];
  if (!ps.length) return '<none>';
  return ps.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** labels.FormatLabels / LabelSelector String(): keys sorted, `<none>` when empty. */
export function selectorText(sel: Record<string, string> | undefined): string {
  if (!sel || !Object.keys(sel).length) return '<none>';
  return Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',');
}

/** listWithMoreString: at most 3, then ` + N more...`; `empty` when none. */
function listWithMore(items: string[], empty: string): string {
  if (!items.length) return empty;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** formatEndpoints: per subset, each port then each address (`ip:port`); a subset without ports lists bare IPs. */
function endpointsText(e: KObject): string {
  const subsets = (e.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { port: number }[] }[];
  if (!subsets.length) return '<none>';
  const all: string[] = [];
  for (const ss of subsets) {
    if (!ss.ports?.length) all.push(...(ss.addresses ?? []).map((a) => a.ip));
    else for (const p of ss.ports) for (const a of ss.addresses ?? []) all.push(`${a.ip}:${p.port}`);
  }
  return listWithMore(all, '');
}

/** getServiceExternalIP: externalIPs, `<pending>` for a LoadBalancer without ingress, the name for ExternalName. */
function externalIp(s: KObject): string {
  const ext = (s.spec?.externalIPs ?? []) as string[];
  switch (s.spec?.type ?? 'ClusterIP') {
    case 'LoadBalancer': {
      const lb = ((s.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...lb, ...ext];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return s.spec.externalName ?? '';
    default:
      return ext.length ? ext.join(',') : '<none>';
  }
}

/** printNode's STATUS: the Ready condition (Ready, NotReady, Unknown), then SchedulingDisabled. */
function nodeStatus(n: KObject): string {
  const ready = ((n.status?.conditions ?? []) as { type: string; status: string }[]).find((c) => c.type === 'Ready');
  const st = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) st.push('SchedulingDisabled');
  return st.join(',');
}

/** MetalLB's CRDs' additionalPrinterColumns (config/crd/bases of metallb v0.14): header and cell of each column. */
const METALLB_COLUMNS: Record<string, { head: string; cell: (o: KObject) => string; wide?: boolean }[]> = {
  IPAddressPool: [
    { head: 'AUTO ASSIGN', cell: (o) => String(o.spec?.autoAssign ?? true) },
    { head: 'AVOID BUGGY IPS', cell: (o) => String(o.spec?.avoidBuggyIPs ?? false) },
    { head: 'ADDRESSES', cell: (o) => (o.spec?.addresses ? JSON.stringify(o.spec.addresses) : '') },
  ],
  L2Advertisement: [
    { head: 'IPADDRESSPOOLS', cell: (o) => (o.spec?.ipAddressPools ? JSON.stringify(o.spec.ipAddressPools) : '') },
    { head: 'IPADDRESSPOOL SELECTORS', cell: (o) => (o.spec?.ipAddressPoolSelectors ? JSON.stringify(o.spec.ipAddressPoolSelectors) : '') },
    { head: 'INTERFACES', cell: (o) => (o.spec?.interfaces ? JSON.stringify(o.spec.interfaces) : '') },
    { head: 'NODE SELECTORS', cell: (o) => (o.spec?.nodeSelectors ? JSON.stringify(o.spec.nodeSelectors) : ''), wide: true },
  ],
};

/** The table rows (header first) of one kind. */
function table(api: KubeClient, kind: string, objs: KObject[], wide: boolean, allNs: boolean): string[][] {
  const age = (o: KObject): string => humanDuration(api.ageSeconds(o.metadata.creationTimestamp));
  let head: string[] = [];
  let rows: string[][] = [];
  switch (kind) {
    case 'Pod':
      head = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])];
      rows = objs.map((p) => {
        const s = podStatus(p);
        return [p.metadata.name, s.ready, s.status, s.restarts, age(p), ...(wide ? [p.status?.podIP ?? '<none>', p.spec?.nodeName ?? '<none>', '<none>', '<none>'] : [])];
      });
      break;
    case 'Deployment':
      head = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
      rows = objs.map((d) => {
        const cs = d.spec.template.spec.containers ?? [];
        return [d.metadata.name, `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`, String(d.status?.updatedReplicas ?? 0), String(d.status?.availableReplicas ?? 0), age(d), ...(wide ? [cs.map((c: { name: string }) => c.name).join(','), cs.map((c: { image: string }) => c.image).join(','), selectorText(d.spec.selector?.matchLabels)] : [])];
      });
      break;
    case 'ReplicaSet':
      head = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
      rows = objs.map((r) => {
        const cs = r.spec.template.spec.containers ?? [];
        return [r.metadata.name, String(r.spec.replicas ?? 0), String(r.status?.replicas ?? 0), String(r.status?.readyReplicas ?? 0), age(r), ...(wide ? [cs.map((c: { name: string }) => c.name).join(','), cs.map((c: { image: string }) => c.image).join(','), selectorText(r.spec.selector?.matchLabels)] : [])];
      });
      break;
    case 'DaemonSet':
      head = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
      rows = objs.map((d) => {
        const cs = d.spec.template.spec.containers ?? [];
        return [d.metadata.name, String(d.status?.desiredNumberScheduled ?? 0), String(d.status?.currentNumberScheduled ?? 0), String(d.status?.numberReady ?? 0), String(d.status?.updatedNumberScheduled ?? 0), String(d.status?.numberAvailable ?? 0), selectorText(d.spec.template.spec.nodeSelector), age(d), ...(wide ? [cs.map((c: { name: string }) => c.name).join(','), cs.map((c: { image: string }) => c.image).join(','), selectorText(d.spec.selector?.matchLabels)] : [])];
      });
      break;
    case 'ConfigMap':
      head = ['NAME', 'DATA', 'AGE'];
      rows = objs.map((c) => [c.metadata.name, String(Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length), age(c)]);
      break;
    case 'Service':
      head = ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])];
      rows = objs.map((s) => [s.metadata.name, s.spec.type ?? 'ClusterIP', s.spec.clusterIPs?.[0] ?? s.spec.clusterIP ?? '<none>', externalIp(s), svcPorts(s), age(s), ...(wide ? [selectorText(s.spec.selector)] : [])]);
      break;
    case 'Endpoints':
      head = ['NAME', 'ENDPOINTS', 'AGE'];
      rows = objs.map((e) => [e.metadata.name, endpointsText(e), age(e)]);
      break;
    case 'EndpointSlice':
      head = ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
      // formatDiscoveryPorts / formatDiscoveryEndpoints: `*` for a port without number or name, `<unset>` when empty.
      rows = objs.map((s) => [s.metadata.name, s.addressType ?? 'IPv4', listWithMore((s.ports ?? []).map((p: { port?: number; name?: string }) => (p.port !== undefined ? String(p.port) : p.name ?? '*')), '<unset>'), listWithMore((s.endpoints ?? []).flatMap((e: { addresses: string[] }) => e.addresses), '<unset>'), age(s)]);
      break;
    case 'Node':
      head = ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : [])];
      rows = objs.map((n) => {
        // findNodeRoles: node-role.kubernetes.io/ROLE labels and kubernetes.io/role, as a sorted set.
        const labels = (n.metadata.labels ?? {}) as Record<string, string>;
        const roles = [...new Set([...Object.keys(labels).filter((l) => l.startsWith('node-role.kubernetes.io/') && l.length > 24).map((l) => l.slice(24)), ...(labels['kubernetes.io/role'] ? [labels['kubernetes.io/role']] : [])])].sort();
        const ni = n.status?.nodeInfo ?? {};
        return [n.metadata.name, nodeStatus(n), roles.join(',') || '<none>', age(n), ni.kubeletVersion ?? '', ...(wide ? [n.status.addresses.find((a: { type: string }) => a.type === 'InternalIP')?.address ?? '<none>', '<none>', ni.osImage, ni.kernelVersion, ni.containerRuntimeVersion] : [])];
      });
      break;
    case 'Ingress':
    case 'IngressClass':
      [head, ...rows] = ingressTable(kind, objs, age, wide);
      break;
    case 'Namespace':
      head = ['NAME', 'STATUS', 'AGE'];
      rows = objs.map((n) => [n.metadata.name, n.status?.phase ?? 'Active', age(n)]);
      break;
    case 'NetworkPolicy':
      head = ['NAME', 'POD-SELECTOR', 'AGE'];
      rows = objs.map((o) => [o.metadata.name, netpolRow(o), age(o)]);
      break;
    case 'Event':
      [head, ...rows] = eventTable(api, objs, wide);
      break;
    default:
      if (Object.hasOwn(METALLB_COLUMNS, kind)) {
        // A custom resource: NAME and its CRD's additionalPrinterColumns (priority 10 only with -o wide).
        const cols = METALLB_COLUMNS[kind].filter((c) => wide || !c.wide);
        head = ['NAME', ...cols.map((c) => c.head)];
        rows = objs.map((o) => [o.metadata.name, ...cols.map((c) => c.cell(o))]);
        break;
      }
      head = ['NAME', 'AGE'];
      rows = objs.map((o) => [o.metadata.name, age(o)]);
  }
  if (allNs && namespaced(kind)) {
    head = ['NAMESPACE', ...head];
    rows = rows.map((r, i) => [objs[i].metadata.namespace ?? '', ...r]);
  }
  return [head, ...rows];
}

export function kindOf(word: string): string {
  const key = word.toLowerCase().split('.')[0];
  const k = Object.hasOwn(KINDS, key) ? KINDS[key] : undefined;
  if (!k) throw new UsageError(`error: the server doesn't have a resource type "${word}"`);
  return k;
}

/** Split TYPE/NAME or TYPE NAME... into (kind, names). */
export function targets(pos: string[]): { kind: string; names: string[] }[] {
  if (!pos.length) throw new UsageError('error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.');
  if (pos[0].includes('/')) return pos.map((x) => ({ kind: kindOf(x.split('/')[0]), names: [x.split('/')[1]] }));
  return pos[0].split(',').map((t) => ({ kind: kindOf(t), names: pos.slice(1) }));
}

export function notFound(p: Process, e: ApiError): number {
  p.stderr.write(e.reason === 'Invalid' && e.message.startsWith('The ') ? `${e.message}\n` : `Error from server (${e.reason}): ${e.message}\n`);
  return 1;
}

function get(p: Process, api: KubeClient, a: Args): number {
  const read = (f: string): string | undefined => {
    try {
      return hostOf(p).vfs.readFile(f, p.vfsCtx());
    } catch {
      return undefined;
    }
  };
  const printer = printerFor(a.output, a.flags.get('template'), a.flags.get('no-headers') === 'true', read);
  const ts = targets(a.pos);
  let printed = false;
  let code = 0;
  const items: KObject[] = [];
  const ignore = a.flags.get('ignore-not-found') === 'true';
  for (const { kind, names } of ts) {
    const ns = a.allNs ? undefined : a.ns;
    let objs: KObject[];
    if (names.length) {
      objs = [];
      for (const n of names) {
        const o = api.get(kind, a.ns, n);
        if (!o) {
          if (ignore) continue;
          p.stderr.write(`Error from server (NotFound): ${RESOURCE[kind]?.group ? `${RESOURCE[kind].plural}.${RESOURCE[kind].group}` : RESOURCE[kind]?.plural ?? kind} "${n}" not found\n`);
          code = 1;
        } else objs.push(o);
      }
    } else objs = api.list(kind, ns);
    const sel = a.flags.get('selector');
    if (sel) {
      const want = Object.fromEntries(sel.split(',').map((kv) => kv.split('=')));
      objs = objs.filter((o) => Object.entries(want).every(([k, v]) => o.metadata.labels?.[k] === v));
    }
    const sortKey = a.flags.get('sort-by');
    if (sortKey) objs = sortBy(objs, sortKey) as KObject[];
    if (printer) {
      items.push(...objs);
      continue;
    }
    if (a.output === 'name') {
      for (const o of objs) p.stdout.write(`${ref(kind, o.metadata.name)}\n`);
      continue;
    }
    if (!objs.length) continue;
    if (printed) p.stdout.write('\n');
    const rows = table(api, kind, objs, a.output === 'wide', a.allNs);
    // -L KEY: one column per label key (its value, or empty).
    for (const key of (a.multi.get('label-columns') ?? []).flatMap((x) => x.split(','))) rows.forEach((r, i) => r.push(i === 0 ? key.toUpperCase() : objs[i - 1]!.metadata.labels?.[key] ?? ''));
    // --show-labels: kubectl's printer adds a LABELS column (FormatLabels: sorted k=v, or <none>).
    if (a.flags.get('show-labels') === 'true') rows.forEach((r, i) => r.push(i === 0 ? 'LABELS' : selectorText(objs[i - 1]!.metadata.labels)));
    if (ts.length > 1 || a.flags.get('show-kind') === 'true') rows.slice(1).forEach((r) => (r[a.allNs && namespaced(kind) ? 1 : 0] = ref(kind, r[a.allNs && namespaced(kind) ? 1 : 0])));
    p.stdout.write(tabwrite(a.flags.get('no-headers') === 'true' ? rows.slice(1) : rows));
    printed = true;
  }
  if (printer) {
    const single = ts.length === 1 && ts[0].names.length === 1 && !a.pos[0].includes(',');
    if (single && !items.length) return code;
    const v = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
    const text = printer(JSON.parse(JSON.stringify(v)));
    p.stdout.write(text);
    return code;
  }
  if (!printed && code === 0 && a.output !== 'name' && !ignore) p.stderr.write(a.allNs || !namespaced(ts[0].kind) ? 'No resources found\n' : `No resources found in ${a.ns} namespace.\n`);
  return code;
}

function describe(p: Process, api: KubeClient, a: Args): number {
  for (const { kind, names } of targets(a.pos)) {
    const objs = names.length ? names.map((n) => api.get(kind, a.ns, n)) : api.list(kind, a.ns);
    for (const [i, o] of objs.entries()) {
      if (!o) return notFound(p, new ApiError(404, 'NotFound', `${qualifiedResource(kind)} "${names[i]}" not found`));
      if (kind === 'Ingress' || kind === 'IngressClass') {
        p.stdout.write((i ? '\n\n' : '') + describeIngress(api, o, (ts) => humanDuration(api.ageSeconds(ts))));
        continue;
      }
      if (kind === 'NetworkPolicy') {
        p.stdout.write((i ? '\n\n' : '') + describeNetworkPolicy(o));
        continue;
      }
      const m = o.metadata;
      const lines: [string, string][] = [['Name:', m.name], ...(m.namespace ? ([['Namespace:', m.namespace]] as [string, string][]) : []), ['Labels:', selectorText(m.labels).replace(/,/g, '\n                   ')], ['Annotations:', selectorText(m.annotations)]];
      if (kind === 'Service') {
        lines.push(['Selector:', selectorText(o.spec.selector)], ['Type:', o.spec.type], ['IP Family Policy:', o.spec.ipFamilyPolicy], ['IP Families:', (o.spec.ipFamilies ?? []).join(',')], ['IP:', o.spec.clusterIP], ['IPs:', (o.spec.clusterIPs ?? [o.spec.clusterIP]).join(',')]);
        const ep = api.get('Endpoints', m.namespace, m.name);
        for (const sp of o.spec.ports ?? []) {
          lines.push(['Port:', `${sp.name || '<unset>'}  ${sp.port}/${sp.protocol}`], ['TargetPort:', `${sp.targetPort}/${sp.protocol}`]);
          if (sp.nodePort) lines.push(['NodePort:', `${sp.name || '<unset>'}  ${sp.nodePort}/${sp.protocol}`]);
          lines.push(['Endpoints:', listWithMore((ep?.subsets ?? []).flatMap((ss: { addresses?: { ip: string }[] }) => (ss.addresses ?? []).map((x) => `${x.ip}:${typeof sp.targetPort === 'number' ? sp.targetPort : sp.port}`)), '')]);
        }
        lines.push(['Session Affinity:', o.spec.sessionAffinity], ...(o.spec.type === 'NodePort' ? ([['External Traffic Policy:', o.spec.externalTrafficPolicy]] as [string, string][]) : []), ['Internal Traffic Policy:', o.spec.internalTrafficPolicy]);
        const evs = api.list('Event', m.namespace).filter((e) => e.involvedObject?.kind === 'Service' && e.involvedObject?.name === m.name);
        lines.push(['Events:', evs.length ? '' : '<none>']);
        for (const e of evs) lines.push([`  ${e.type}  ${e.reason}`, e.message]);
      } else if (kind === 'Pod') {
        const s = podStatus(o);
        lines.push(['Service Account:', 'default'], ['Node:', o.spec.nodeName ? `${o.spec.nodeName}/${o.status?.hostIP ?? ''}` : '<none>'], ['Status:', s.status], ['IP:', o.status?.podIP ?? ''], ['Controlled By:', o.metadata.ownerReferences?.[0] ? `${o.metadata.ownerReferences[0].kind}/${o.metadata.ownerReferences[0].name}` : '<none>']);
        for (const c of o.spec.containers ?? []) lines.push(['Containers:', ''], [`  ${c.name}:`, ''], ['    Image:', c.image]);
        const evs = api.list('Event', m.namespace).filter((e) => e.involvedObject?.name === m.name);
        lines.push(['Events:', evs.length ? '' : '<none>']);
        for (const e of evs) lines.push([`  ${e.type}  ${e.reason}`, e.message]);
      } else if (kind === 'Deployment') {
        lines.push(['Selector:', selectorText(o.spec.selector?.matchLabels)], ['Replicas:', `${o.spec.replicas} desired | ${o.status?.updatedReplicas ?? 0} updated | ${o.status?.replicas ?? 0} total | ${o.status?.availableReplicas ?? 0} available | ${o.status?.unavailableReplicas ?? 0} unavailable`], ['StrategyType:', o.spec.strategy?.type ?? 'RollingUpdate'], ['RollingUpdateStrategy:', '25% max unavailable, 25% max surge']);
        for (const c of o.spec.template.spec.containers ?? []) lines.push([`   ${c.name}:`, ''], ['    Image:', c.image]);
      }
      p.stdout.write(lines.map(([k, v]) => (v === '' ? k : `${k.padEnd(18)} ${v}`)).join('\n') + '\n');
    }
  }
  return 0;
}

function deploymentObject(name: string, image: string, replicas: number, ns: string, port?: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns, labels: { app: name } },
    spec: { replicas, selector: { matchLabels: { app: name } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split('/').pop()!.split(':')[0], image, ...(port ? { ports: [{ containerPort: port }] } : {}) }] } } },
  };
}

async function rollout(p: Process, api: KubeClient, a: Args): Promise<number> {
  const sub = a.pos[0];
  const [kw, nm] = (a.pos[1] ?? '').includes('/') ? a.pos[1].split('/') : [a.pos[1], a.pos[2]];
  const kind = kindOf(kw ?? 'deployment');
  const d = api.get(kind, a.ns, nm ?? '');
  if (!d) return notFound(p, new ApiError(404, 'NotFound', `deployments.apps "${nm}" not found`));
  const rss = () => api.list('ReplicaSet', a.ns).filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
  const rev = (r: KObject): number => Number(r.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  if (sub === 'status') {
    let last = '';
    for (let i = 0; i < 600; i++) {
      const cur = api.get(kind, a.ns, d.metadata.name)!;
      const want = cur.spec.replicas ?? 1;
      const st = cur.status ?? {};
      let msg = '';
      if (kind === 'DaemonSet') {
        // polymorphichelpers/rollout_status.go: DaemonSetStatusViewer.
        const desired = st.desiredNumberScheduled ?? 0;
        if ((cur.metadata.generation ?? 1) > (st.observedGeneration ?? 0)) msg = 'Waiting for daemon set spec update to be observed...\n';
        else if ((st.updatedNumberScheduled ?? 0) < desired) msg = `Waiting for daemon set "${d.metadata.name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`;
        else if ((st.numberAvailable ?? 0) < desired) msg = `Waiting for daemon set "${d.metadata.name}" rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`;
        else {
          p.stdout.write(`daemon set "${d.metadata.name}" successfully rolled out\n`);
          return 0;
        }
      } else if ((st.updatedReplicas ?? 0) < want) msg = `Waiting for deployment "${d.metadata.name}" rollout to finish: ${st.updatedReplicas ?? 0} out of ${want} new replicas have been updated...\n`;
      else if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) msg = `Waiting for deployment "${d.metadata.name}" rollout to finish: ${(st.replicas ?? 0) - (st.updatedReplicas ?? 0)} old replicas are pending termination...\n`;
      else if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) msg = `Waiting for deployment "${d.metadata.name}" rollout to finish: ${st.availableReplicas ?? 0} of ${st.updatedReplicas} updated replicas are available...\n`;
      else {
        p.stdout.write(`deployment "${d.metadata.name}" successfully rolled out\n`);
        return 0;
      }
      if (msg !== last) p.stdout.write(msg);
      last = msg;
      if (!(await p.sleep(500))) return 130;
    }
    p.stderr.write('error: timed out waiting for the condition\n');
    return 1;
  }
  if (sub === 'history') {
    const rows = rss().sort((x, y) => rev(x) - rev(y)).map((r) => [String(rev(r)), r.metadata.annotations?.['kubernetes.io/change-cause'] ?? '<none>']);
    // polymorphichelpers/history.go: tabwriter.NewWriter(out, 0, 0, 2, ' ', 0).
    const w0 = Math.max(8, ...rows.map((r) => r[0].length)) + 2;
    p.stdout.write(`${ref(kind, d.metadata.name)} \n${[['REVISION', 'CHANGE-CAUSE'], ...rows].map((r) => r[0].padEnd(w0) + r[1]).join('\n')}\n\n`);
    return 0;
  }
  if (sub === 'undo') {
    const all = rss().sort((x, y) => rev(y) - rev(x));
    const toRev = a.flags.get('to-revision');
    const target = toRev ? all.find((r) => rev(r) === Number(toRev)) : all[1];
    if (!target) {
      p.stderr.write(toRev ? `error: unable to find specified revision ${toRev} in history\n` : 'error: no rollout history found for deployment "' + d.metadata.name + '"\n');
      return 1;
    }
    modify(api, kind, a.ns, d.metadata.name, (o) => {
      const t = JSON.parse(JSON.stringify(target.spec.template));
      delete t.metadata.labels['pod-template-hash'];
      o.spec.template = t;
    });
    p.stdout.write(`${ref(kind, d.metadata.name)} rolled back\n`);
    return 0;
  }
  throw new UsageError(`error: unknown command "${sub}" for "kubectl rollout"`);
}

async function apply(p: Process, api: KubeClient, a: Args, create: boolean): Promise<number> {
  const f = a.flags.get('filename');
  if (!f) throw new UsageError('error: must specify one of -f and -k');
  let text: string;
  try {
    text = f === '-' ? await readStdin(p) : hostOf(p).vfs.readFile(f, p.vfsCtx());
  } catch {
    p.stderr.write(`error: the path "${f}" does not exist\n`);
    return 1;
  }
  let docs: unknown[];
  try {
    docs = await parseYamlDocuments(text);
  } catch (e) {
    p.stderr.write(`error: error parsing ${f}: ${(e as Error).message}\n`);
    return 1;
  }
  let code = 0;
  for (let d of docs as KObject[]) {
    if (!d || typeof d !== 'object' || !d.kind || !d.apiVersion) {
      p.stderr.write(`error: error validating "${f}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n`);
      code = 1;
      continue;
    }
    d.metadata = d.metadata ?? ({} as KObject['metadata']);
    if (namespaced(d.kind)) d.metadata.namespace = d.metadata.namespace ?? a.ns;
    const fileObj = structuredClone(d);
    // The server defaults what the manifest leaves out; compare like with like.
    d = api.defaults(d);
    const have = api.get(d.kind, d.metadata.namespace, d.metadata.name);
    try {
      if (!have) {
        if (!create) d.metadata.annotations = { ...(d.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(fileObj) };
        const made = api.create(d);
        p.stdout.write(`${ref(made.kind, made.metadata.name)} created\n`);
      } else if (create) {
        throw new ApiError(409, 'AlreadyExists', `error when creating "${f}": ${RESOURCE[d.kind]?.group ? `${RESOURCE[d.kind].plural}.${RESOURCE[d.kind].group}` : RESOURCE[d.kind]?.plural} "${d.metadata.name}" already exists`);
      } else {
        // A three-way strategic merge (last applied, file, live): src/k8s/strategic-merge.ts.
        const m = applyMerge(d, have, fileObj);
        // What the server would store (its update checks refuse a changed cluster IP, keep an allocated one): the same as live is "unchanged".
        const stored = api.update(m.merged, { dryRun: true });
        if (m.missing) p.stderr.write(`Warning: resource ${RESOURCE[d.kind]?.plural ?? d.kind.toLowerCase()}/${d.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
        if (sameJson(stored, have)) p.stdout.write(`${ref(d.kind, d.metadata.name)} unchanged\n`);
        else {
          api.update(m.merged);
          p.stdout.write(`${ref(d.kind, d.metadata.name)} configured\n`);
        }
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      p.stderr.write(e.reason === 'Invalid' && e.message.startsWith('The ') ? `${e.message}\n` : `Error from server (${e.reason}): ${e.message}\n`);
      code = 1;
    }
  }
  return code;
}

async function readStdin(p: Process): Promise<string> {
  let s = '';
  for (;;) {
    const c = await p.stdin.read();
    if (c === null) return s;
    s += c;
  }
}

async function main(p: Process): Promise<number> {
  const k = kernelOf(p);
  const api = kubeClient(k);
  const argv = p.argv.slice(1);
  if (!argv.length) {
    p.stdout.write('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    return 0;
  }
  if (argv[0] === 'version' && argv.includes('--client')) {
    p.stdout.write('Client Version: v1.31.4\nKustomize Version: v5.4.2\n');
    return 0;
  }
  if (!api) {
    p.stderr.write(`E${klogTime(p)}    4242 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n`);
    return 1;
  }
  const found = findVerb(argv);
  if (found.pluginError) {
    p.stderr.write(found.pluginError);
    return 1;
  }
  const vi = found.index;
  const verb = vi < 0 ? '' : argv[vi];
  if (vi < 0) {
    // No command: the root command parses the flags (an unknown one is refused), then prints its help.
    try {
      parseFlags('', argv);
    } catch (e) {
      if (e instanceof UsageError) {
        p.stderr.write(e.message + '\n');
        return 1;
      }
      if (e instanceof NotSimulatedFlag) return refuseNotSimulated(p, 'kubectl', e.message);
    }
    p.stdout.write('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    return 0;
  }
  const rest = [...argv.slice(0, Math.max(vi, 0)), ...argv.slice(vi + 1)];
  try {
    // cobra finds the command before parsing its flags: an unknown verb, then a known one the simulation lacks.
    if (!KUBECTL_COMMANDS.includes(verb)) throw new UsageError(unknownCommand(verb));
    if (!Object.hasOwn(VERB_FLAGS, verb)) return refuseNotSimulated(p, 'kubectl', verb);
    const a = parseFlags(verb, rest);
    const extra = await kubectlExtra(p, api, verb, a);
    if (extra !== undefined) return extra;
    switch (verb) {
      case 'get':
        return get(p, api, a);
      case 'describe':
        return describe(p, api, a);
      case 'apply':
      case 'create':
        if (verb === 'create' && a.pos[0] === 'deployment') {
          const name = a.pos[1];
          const image = a.flags.get('image');
          if (!name || !image) throw new UsageError('error: required flag(s) "image" not set');
          const port = a.flags.get('port');
          api.create(deploymentObject(name, image, Number(a.flags.get('replicas') ?? 1), a.ns, port ? Number(port) : undefined));
          p.stdout.write(`deployment.apps/${name} created\n`);
          return 0;
        }
        if (verb === 'create' && (a.pos[0] === 'ingress' || a.pos[0] === 'ing')) {
          const ing = createIngressObject(rest.slice(rest.indexOf(a.pos[0]) + 1), a.ns);
          if (typeof ing === 'string') throw new UsageError(ing.replace(/\n$/, ''));
          const dry = dryRunIngress(ing, a.flags.get('dry-run'), a.output);
          if (dry.error) throw new UsageError(dry.error);
          const made = dry.text === undefined ? api.create(ing) : ing;
          p.stdout.write(dry.text ?? createdText(made, a.output));
          return 0;
        }
        if (verb === 'create' && (a.pos[0] === 'namespace' || a.pos[0] === 'ns')) {
          api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: a.pos[1] }, spec: {}, status: { phase: 'Active' } });
          p.stdout.write(`namespace/${a.pos[1]} created\n`);
          return 0;
        }
        return await apply(p, api, a, verb === 'create');
      case 'expose': {
        const [t] = targets(a.pos);
        const src = api.get(t.kind, a.ns, t.names[0]);
        if (!src) return notFound(p, new ApiError(404, 'NotFound', `${RESOURCE[t.kind]?.plural}.${RESOURCE[t.kind]?.group || ''}`.replace(/\.$/, '') + ` "${t.names[0]}" not found`));
        const podSpec = src.kind === 'Pod' ? src.spec : src.spec?.template?.spec;
        const port = Number(a.flags.get('port') ?? (src.kind === 'Service' ? src.spec.ports?.[0]?.port : podSpec?.containers?.[0]?.ports?.[0]?.containerPort));
        if (!port) {
          p.stderr.write("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
          return 1;
        }
        const tp = a.flags.get('target-port');
        const name = a.flags.get('name') ?? src.metadata.name;
        // The selector: --selector, else the source's (a Service's map, a workload's matchLabels, a pod's labels).
        const sel = a.flags.has('selector') ? Object.fromEntries(a.flags.get('selector')!.split(',').map((kv) => kv.split('='))) : src.kind === 'Service' ? { ...(src.spec.selector ?? {}) } : src.kind === 'Pod' ? { ...(src.metadata.labels ?? {}) } : { ...(src.spec.selector?.matchLabels ?? src.metadata.labels ?? {}) };
        const labels = a.flags.has('labels') ? Object.fromEntries(a.flags.get('labels')!.split(',').map((kv) => kv.split('='))) : { ...(src.metadata.labels ?? {}) };
        const spec: Record<string, unknown> = { ports: [{ port, protocol: (a.flags.get('protocol') ?? 'TCP').toUpperCase(), targetPort: tp ? (/^\d+$/.test(tp) ? Number(tp) : tp) : port }], selector: sel };
        if (a.flags.has('cluster-ip')) spec.clusterIP = a.flags.get('cluster-ip');
        if (a.flags.has('external-ip')) spec.externalIPs = a.flags.get('external-ip')!.split(',');
        if (a.flags.has('session-affinity')) spec.sessionAffinity = a.flags.get('session-affinity');
        if (a.flags.has('type')) spec.type = a.flags.get('type');
        return createAndPrint(p, api, a, { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null as unknown as string, labels, name }, spec, status: { loadBalancer: {} } }, 'exposed');
      }
      case 'scale': {
        const [t] = targets(a.pos);
        const n = Number(a.flags.get('replicas'));
        if (!a.flags.has('replicas') || !Number.isInteger(n) || n < 0) throw new UsageError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
        modify(api, t.kind, a.ns, t.names[0], (o) => (o.spec.replicas = n));
        p.stdout.write(`${ref(t.kind, t.names[0])} scaled\n`);
        return 0;
      }
      case 'delete': {
        let code = 0;
        const force = a.flags.get('force') === 'true';
        const gp = a.flags.get('grace-period');
        // --grace-period=0 without --force is graceful (kubectl turns it into 1); other periods are not modelled.
        if (gp !== undefined && gp !== '0' && gp !== '1' && gp !== '-1') return refuseNotSimulated(p, 'kubectl', '--grace-period');
        if (force) p.stderr.write('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
        for (const t of targets(a.pos)) {
          let names = t.names;
          if (!names.length && (a.flags.get('all') === 'true' || a.flags.has('selector'))) {
            const sel = a.flags.get('selector');
            const want = sel ? Object.fromEntries(sel.split(',').map((kv) => kv.split('='))) : {};
            names = api.list(t.kind, a.allNs ? undefined : a.ns).filter((o) => Object.entries(want).every(([k, v]) => o.metadata.labels?.[k] === v)).map((o) => o.metadata.name);
          } else if (!names.length) throw new UsageError(`error: resource(s) were provided, but no name was specified`);
          for (const n of names) {
            try {
              api.delete(t.kind, a.ns, n, force ? { gracePeriodSeconds: 0 } : undefined);
              if (a.output === 'name') p.stdout.write(`${ref(t.kind, n)}\n`);
              else p.stdout.write(`${t.kind === 'Pod' || t.kind === 'Service' || t.kind === 'Node' || t.kind === 'Namespace' || t.kind === 'Endpoints' ? t.kind.toLowerCase() : `${t.kind.toLowerCase()}.${RESOURCE[t.kind]?.group}`} "${n}" ${force ? 'force deleted' : 'deleted'}\n`);
            } catch (e) {
              if (!(e instanceof ApiError)) throw e;
              if (a.flags.get('ignore-not-found') === 'true' && e.reason === 'NotFound') continue;
              code = notFound(p, e);
            }
          }
        }
        if (!a.flags.has('wait') || a.flags.get('wait') !== 'false') await api.idle();
        return code;
      }
      case 'set': {
        if (a.pos[0] !== 'image') throw new UsageError(`error: unknown command "${a.pos[0]}" for "kubectl set"`);
        const [t] = targets(a.pos.slice(1, 2));
        const assigns = a.pos.slice(t.names.length ? 2 : 3).filter((x) => x.includes('='));
        const d = api.get(t.kind, a.ns, t.names[0] ?? a.pos[2]);
        if (!d) return notFound(p, new ApiError(404, 'NotFound', `deployments.apps "${t.names[0]}" not found`));
        for (const asg of assigns) {
          const [c] = asg.split('=');
          if (c !== '*' && !d.spec.template.spec.containers.some((x: { name: string }) => x.name === c)) {
            p.stderr.write(`error: unable to find container named "${c}"\n`);
            return 1;
          }
        }
        modify(api, t.kind, a.ns, d.metadata.name, (o) => {
          for (const asg of assigns) {
            const [c, img] = asg.split('=');
            for (const x of o.spec.template.spec.containers) if (c === '*' || x.name === c) x.image = img;
          }
        });
        p.stdout.write(`${ref(t.kind, d.metadata.name)} image updated\n`);
        return 0;
      }
      case 'rollout':
        return await rollout(p, api, a);
      case 'logs': {
        const via = logsTarget(api, a.ns, a.pos[0] ?? '');
        if (via?.error) {
          p.stderr.write(via.error);
          return 1;
        }
        if (via?.notice) p.stderr.write(via.notice);
        const name = via?.pod ?? a.pos[0]?.replace(/^pods?\//, '');
        const pod = api.get('Pod', a.ns, name ?? '');
        if (!pod) return notFound(p, new ApiError(404, 'NotFound', `pods "${name}" not found`));
        p.stdout.write(api.logs(a.ns, pod.metadata.name, a.flags.get('container')));
        return 0;
      }
      case 'exec': {
        const name = a.pos[0]?.replace(/^pods?\//, '');
        const pod = api.get('Pod', a.ns, name ?? '');
        if (!pod) return notFound(p, new ApiError(404, 'NotFound', `pods "${name}" not found`));
        if (!a.dashdash.length) throw new UsageError('error: you must specify at least one command for the container');
        if (!podReady(pod)) {
          p.stderr.write(`error: unable to upgrade connection: container not found ("${pod.spec.containers[0].name}")\n`);
          return 1;
        }
        const code = await api.exec(a.ns, pod.metadata.name, a.dashdash, { stdin: p.stdin, stdout: p.stdout, stderr: p.stderr });
        if (code !== 0) p.stderr.write(`command terminated with exit code ${code}\n`);
        return code;
      }
      case 'cluster-info':
        p.stdout.write(`Kubernetes control plane is running at https://${api.list('Node')[0]?.status?.addresses?.[0]?.address ?? '127.0.0.1'}:6443\nCoreDNS is running at https://${api.list('Node')[0]?.status?.addresses?.[0]?.address}:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
        return 0;
      default:
        throw new UsageError(unknownCommand(verb));
    }
  } catch (e) {
    if (e instanceof NotSimulatedFlag || e instanceof NotSimulatedFormat) return refuseNotSimulated(p, 'kubectl', e.message);
    if (e instanceof UsageError) {
      p.stderr.write(e.message.endsWith('\n') ? e.message : e.message + '\n');
      return 1;
    }
    if (e instanceof ApiError) return notFound(p, e);
    throw e;
  }
}

register({
  name: 'kubectl',
  summary: 'control the Kubernetes cluster (get, describe, apply, create, run, expose, scale, label, annotate, patch, delete, exec, logs, events, rollout, set image)',
  usage: 'kubectl COMMAND [TYPE[/NAME]] [flags]',
  subcommands: ['get', 'describe', 'apply', 'create', 'run', 'expose', 'scale', 'label', 'annotate', 'patch', 'delete', 'exec', 'logs', 'events', 'rollout', 'set', 'cluster-info', 'version'],
  run: main,
});
