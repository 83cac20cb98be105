// kubectl for Ingress and IngressClass (networking.k8s.io/v1): the table
// rows of `kubectl get` (pkg/printers/internalversion/printers.go:
// printIngress, printIngressClass, formatHosts, formatPorts,
// ingressLoadBalancerStatusStringer), `kubectl describe` (kubectl's
// pkg/describe/describe.go: describeIngressV1, describeBackendV1,
// describeIngressClassV1, DescribeEvents, laid out by text/tabwriter with
// minwidth 0, tabwidth 8, padding 2) and `kubectl create ingress`
// (pkg/cmd/create/create_ingress.go: the rule syntax, its validation and
// messages). kubectl.ts calls these through a few hooks.

import type { KObject, KubeClient } from '../../k8s/client.ts';
import { toYaml } from '../../k8s/yaml.ts';

/** Resource words kubectl accepts for these kinds. */
export const INGRESS_KINDS: Record<string, string> = {
  ing: 'Ingress',
  ingress: 'Ingress',
  ingresses: 'Ingress',
  ingressclass: 'IngressClass',
  ingressclasses: 'IngressClass',
};

/** formatHosts: up to three hosts, `*` when none, then ` + N more...`. */
function formatHosts(rules: { host?: string }[]): string {
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === 3) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (!list.length) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringer: sorted unique IPs (or hostnames), clipped to 16 characters unless wide. */
export function lbStatus(o: KObject, wide: boolean): string {
  const set = new Set<string>();
  for (const i of (o.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[]) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > 16 ? r.slice(0, 13) + '...' : r;
}

/** The table (header first) of Ingresses or IngressClasses. */
export function ingressTable(kind: string, objs: KObject[], age: (o: KObject) => string, wide: boolean): string[][] {
  if (kind === 'IngressClass') {
    return [
      ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
      ...objs.map((o) => {
        const pr = o.spec?.parameters;
        const params = pr ? `${pr.kind}${pr.apiGroup ? `.${pr.apiGroup}` : ''}/${pr.name}` : '<none>';
        return [o.metadata.name, o.spec?.controller ?? '', params, age(o)];
      }),
    ];
  }
  return [['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], ...objs.map((o) => [o.metadata.name, o.spec?.ingressClassName ?? '<none>', formatHosts(o.spec?.rules ?? []), lbStatus(o, wide), (o.spec?.tls ?? []).length ? '80, 443' : '80', age(o)])];
}

// ── describe ─────────────────────────────────────────────────────────────

/** Go's text/tabwriter (flags 0, padchar ' '): cells end at tabs; a column block is a run of lines that have that cell. */
export function goTabwriter(text: string, minwidth = 0, padding = 2): string {
  const lines = text.split('\n');
  const trailing = lines[lines.length - 1] === '';
  if (trailing) lines.pop();
  const cells = lines.map((l) => l.split('\t'));
  const out: string[] = new Array(cells.length).fill('');
  const widths: number[] = [];
  const writeLines = (l0: number, l1: number): void => {
    for (let i = l0; i < l1; i++) {
      const line = cells[i];
      let s = '';
      for (let j = 0; j < line.length; j++) {
        if (j < line.length - 1 && j < widths.length) s += line[j].padEnd(widths[j]);
        else s += line[j];
      }
      out[i] = s;
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= cells[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const line = cells[t];
        if (column >= line.length - 1) break;
        const w = line[column].length + padding;
        if (w > width) width = w;
        if (line[column].length > 0) discardable = false;
      }
      void discardable;
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };
  format(0, cells.length);
  return out.join('\n') + (trailing ? '\n' : '');
}

function labelsMultiline(title: string, m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (!keys.length) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i ? '\t' : `${title}:\t`}${k}=${m![k]}\n`).join('');
}

function annotationsMultiline(title: string, m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration').sort();
  if (!keys.length) return `${title}:\t<none>\n`;
  let s = `${title}:\t`;
  keys.forEach((k, i) => {
    if (i) s += '\t';
    const v = m![k].replace(/\n$/, '');
    if (v.length + k.length + 2 > 140 || v.includes('\n')) {
      s += `${k}:\n`;
      for (const l of v.split('\n')) s += `\t  ${l.length > 138 ? l.slice(0, 138) + '...' : l}\n`;
    } else s += `${k}: ${v}\n`;
  });
  return s;
}

/** DescribeEvents (events of the object, oldest first); `age` formats seconds since a timestamp. */
export function describeEvents(api: KubeClient, o: KObject, age: (ts: string | undefined) => string): string {
  const evs = api.list('Event', o.metadata.namespace).filter((e) => e.involvedObject?.kind === o.kind && e.involvedObject?.name === o.metadata.name && (!e.involvedObject?.uid || e.involvedObject.uid === o.metadata.uid));
  if (!evs.length) return 'Events:\t<none>\n';
  evs.sort((a, b) => ((a.lastTimestamp ?? a.metadata.creationTimestamp) < (b.lastTimestamp ?? b.metadata.creationTimestamp) ? -1 : 1));
  let s = '\u0000Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n';
  for (const e of evs) {
    const first = age(e.firstTimestamp ?? e.metadata.creationTimestamp);
    const interval = (e.count ?? 1) > 1 ? `${age(e.lastTimestamp)} (x${e.count} over ${first})` : first;
    s += `  ${e.type}\t${e.reason}\t${interval}\t${e.source?.component ?? ''}\t${String(e.message ?? '').trim()}\n`;
  }
  return s;
}

/** formatEndpointSlices for one port name: `ip:port` (ready endpoints), at most 3 then ` + N more...`, `<none>`. */
function endpointsOf(api: KubeClient, ns: string, svcName: string, portName: string): string {
  const slices = api.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svcName);
  if (!slices.length) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const sl of slices) {
    for (const port of (sl.ports ?? []) as { name?: string; port?: number }[]) {
      if ((port.name ?? '') !== portName) continue;
      for (const ep of (sl.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[]) {
        if (ep.conditions?.ready === false) continue;
        for (const a of ep.addresses) {
          count++;
          if (list.length < 3) list.push(`${a}:${port.port}`);
        }
      }
    }
  }
  if (!list.length) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

function describeBackend(api: KubeClient, ns: string, be: { service?: { name: string; port?: { number?: number; name?: string } }; resource?: { apiGroup?: string; kind: string; name: string } } | undefined): string {
  if (be?.service) {
    const port = be.service.port?.number ? String(be.service.port.number) : be.service.port?.name ?? '';
    const sb = `${be.service.name}:${port}`;
    const svc = api.get('Service', ns, be.service.name);
    if (!svc) return `${sb} (<error: services "${be.service.name}" not found>)`;
    let spName = '';
    for (const sp of (svc.spec?.ports ?? []) as { name?: string; port: number }[]) {
      if (be.service.port?.number && be.service.port.number === sp.port) spName = sp.name ?? '';
      else if (be.service.port?.name && be.service.port.name === sp.name) spName = sp.name ?? '';
    }
    return `${sb} (${endpointsOf(api, ns, be.service.name, spName)})`;
  }
  if (be?.resource) return `APIGroup: ${be.resource.apiGroup ?? '<none>'}, Kind: ${be.resource.kind}, Name: ${be.resource.name}`;
  return '';
}

/** `kubectl describe ingress|ingressclass` text. */
export function describeIngress(api: KubeClient, o: KObject, age: (ts: string | undefined) => string): string {
  let s = '';
  if (o.kind === 'IngressClass') {
    s += `Name:\t${o.metadata.name}\n${labelsMultiline('Labels', o.metadata.labels)}${annotationsMultiline('Annotations', o.metadata.annotations)}Controller:\t${o.spec?.controller ?? ''}\n`;
    const pr = o.spec?.parameters;
    if (pr) s += `Parameters:\n${pr.apiGroup ? `  APIGroup:\t${pr.apiGroup}\n` : ''}  Kind:\t${pr.kind}\n  Name:\t${pr.name}\n`;
  } else {
    const ns = o.metadata.namespace ?? 'default';
    s += `Name:\t${o.metadata.name}\n${labelsMultiline('Labels', o.metadata.labels)}Namespace:\t${ns}\nAddress:\t${lbStatus(o, true)}\nIngress Class:\t${o.spec?.ingressClassName ?? '<none>'}\n`;
    const def = o.spec?.defaultBackend ? describeBackend(api, ns, o.spec.defaultBackend) : '<default>';
    s += `Default backend:\t${def}\n`;
    const tls = (o.spec?.tls ?? []) as { hosts?: string[]; secretName?: string }[];
    if (tls.length) {
      s += 'TLS:\n';
      for (const t of tls) s += t.secretName ? `  ${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n` : `  SNI routes ${(t.hosts ?? []).join(',')}\n`;
    }
    s += 'Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n';
    let count = 0;
    for (const r of (o.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string; backend?: never }[] } }[]) {
      if (!r.http) continue;
      count++;
      s += `  ${r.host || '*'}\t\n`;
      for (const hp of r.http.paths ?? []) s += `    \t${hp.path ?? ''} \t${describeBackend(api, ns, hp.backend)}\n`;
    }
    if (!count) s += `  *\t*\t${def}\n`;
    s += annotationsMultiline('Annotations', o.metadata.annotations);
  }
  s += describeEvents(api, o, age);
  // DescribeEvents flushes the tabwriter before its table: align the two parts separately.
  return s
    .split('\u0000')
    .map((part) => goTabwriter(part))
    .join('');
}

// ── create ingress ───────────────────────────────────────────────────────

const RULE_RE = /^([0-9A-Za-z_*\-.]*)(\/[^,=\n]*)=([0-9A-Za-z_-]+):([0-9A-Za-z_-]+)(,(tls)=?([0-9A-Za-z_-]+)?)?$/;

function backendSvc(s: string): KObject['spec'] {
  const [name, port] = s.split(':');
  return { service: { name, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** Build the Ingress `kubectl create ingress NAME …` sends, or kubectl's error text. */
export function createIngressObject(argv: string[], ns: string): KObject | string {
  const names: string[] = [];
  const rules: string[] = [];
  const annotations: string[] = [];
  let cls = '';
  let def = '';
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const m = /^--(class|rule|default-backend|annotation)(?:=(.*))?$/s.exec(x);
    if (m) {
      const v = m[2] ?? argv[++i];
      if (v === undefined) return `error: flag needs an argument: --${m[1]}\nSee 'kubectl create ingress --help' for usage.\n`;
      if (m[1] === 'class') cls = v;
      else if (m[1] === 'rule') rules.push(v);
      else if (m[1] === 'default-backend') def = v;
      else annotations.push(v);
    } else if (x === '-n' || x === '--namespace' || x === '-o' || x === '--output' || x === '--field-manager' || x === '--validate') i++;
    else if (x.startsWith('-')) continue;
    else names.push(x);
  }
  if (names.length !== 1) return `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create ingress -h' for help and examples\n`;
  if (!def && !rules.length) return 'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n';
  for (const r of rules) if (!RULE_RE.test(r)) return `error: rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n`;
  for (const a of annotations) if (!a.includes('=')) return `error: annotation ${a} is invalid and should be in format key=[value]\n`;
  if (def && def.split(':').length !== 2) return 'error: default-backend should be in format servicename:serviceport\n';
  const spec: KObject['spec'] = {};
  if (cls) spec.ingressClassName = cls;
  if (def) spec.defaultBackend = backendSvc(def);
  // buildTLSRules: one entry per secret, each host once.
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    const parts = r.split(',');
    if (parts.length !== 2) continue;
    const host = r.split('/')[0];
    const sec = parts[1].split('=')[1] ?? '';
    if (seen.has(host)) continue;
    const idx = tls.findIndex((t) => (t.secretName ?? '') === sec);
    if (idx >= 0) {
      (tls[idx].hosts ??= []).push(host);
      seen.add(host);
      continue;
    }
    const t: { hosts?: string[]; secretName?: string } = {};
    if (host) t.hosts = [host];
    if (sec) t.secretName = sec;
    if (t.hosts || t.secretName) tls.push(t);
    seen.add(host);
  }
  if (tls.length) spec.tls = tls;
  const out: { host?: string; http: { paths: unknown[] } }[] = [];
  for (const r of rules) {
    const noTls = r.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [p, svc] = noTls.slice(slash + 1).split('=');
    let path = '/' + p;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const hp = { backend: backendSvc(svc), path, pathType };
    const have = out.find((x) => (x.host ?? '') === host);
    if (have) have.http.paths.push(hp);
    else out.push({ ...(host ? { host } : {}), http: { paths: [hp] } });
  }
  if (out.length) spec.rules = out;
  const meta: KObject['metadata'] = { name: names[0], namespace: ns };
  if (annotations.length) meta.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec };
}

/** `kubectl logs deploy/NAME`: the pod kubectl picks (the oldest running one) and its notice when there are several. */
export function logsTarget(api: KubeClient, ns: string, word: string): { pod?: string; notice: string; error?: string } | undefined {
  const m = /^(deploy|deployment|deployments)(?:\.apps)?\/(.+)$/.exec(word);
  if (!m) return undefined;
  const d = api.get('Deployment', ns, m[2]);
  if (!d) return { notice: '', error: `Error from server (NotFound): deployments.apps "${m[2]}" not found\n` };
  const sel = d.spec?.selector?.matchLabels ?? {};
  const pods = api.list('Pod', ns).filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && !p.metadata.deletionTimestamp);
  if (!pods.length) return { notice: '', error: `error: timed out waiting for the condition\n` };
  pods.sort((a, b) => ((a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : 1));
  return { pod: pods[0].metadata.name, notice: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n` : '' };
}

/**
 * `--dry-run=client|server` with `-o yaml|json|name` (or none): what kubectl prints instead of
 * creating. `text` undefined: really create. The object kubectl prints for a client dry run has
 * `creationTimestamp: null` and an empty status, as its printers serialise an unsent object.
 */
export function dryRunIngress(ing: KObject, dryRun: string | undefined, output: string | undefined): { text?: string; error?: string } {
  if (dryRun === undefined || dryRun === 'none' || dryRun === 'false') {
    if (output === undefined) return {};
  } else if (dryRun !== 'client' && dryRun !== 'server' && dryRun !== 'true') {
    return { error: `error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".` };
  }
  const dry = dryRun !== undefined && dryRun !== 'none' && dryRun !== 'false';
  if (!dry) return output === 'name' || output === 'yaml' || output === 'json' ? {} : { error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,go-template,go-template-file,template,templatefile,yaml` };
  const suffix = dryRun === 'server' ? ' (server dry run)' : ' (dry run)';
  const obj = { apiVersion: ing.apiVersion, kind: ing.kind, metadata: { ...(ing.metadata.annotations ? { annotations: ing.metadata.annotations } : {}), creationTimestamp: null, name: ing.metadata.name }, spec: ing.spec, status: { loadBalancer: {} } };
  if (output === undefined) return { text: `ingress.networking.k8s.io/${ing.metadata.name} created${suffix}\n` };
  if (output === 'name') return { text: `ingress.networking.k8s.io/${ing.metadata.name}\n` };
  if (output === 'yaml') return { text: toYaml(obj) };
  if (output === 'json') return { text: JSON.stringify(obj, null, 4) + '\n' };
  return { error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,jsonpath-as-json,jsonpath-file,name,go-template,go-template-file,template,templatefile,yaml` };
}

/** What `kubectl create ingress` prints once the object is created (`-o name|yaml|json`, or the `created` line). */
export function createdText(o: KObject, output: string | undefined): string {
  if (output === 'name') return `ingress.networking.k8s.io/${o.metadata.name}\n`;
  if (output === 'yaml') return toYaml(o);
  if (output === 'json') return JSON.stringify(o, null, 4) + '\n';
  return `ingress.networking.k8s.io/${o.metadata.name} created\n`;
}
