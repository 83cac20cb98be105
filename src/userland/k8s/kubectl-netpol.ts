// kubectl's printer and describer for NetworkPolicy: `kubectl get netpol`
// prints NAME POD-SELECTOR AGE (pkg/printers/internalversion/printers.go,
// printNetworkPolicy: metav1.FormatLabelSelector of spec.podSelector);
// `kubectl describe networkpolicy` follows describeNetworkPolicy in
// kubernetes/kubectl pkg/describe/describe.go (tabwriter: minwidth 0, tab
// width 8, padding 2, for the Name…Annotations block; the spec is indented
// text). Expected output: describe_test.go TestDescribeNetworkPolicies.

import type { KObject } from '../../k8s/client.ts';

/** A label selector (matchLabels and matchExpressions). */
interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.FormatLabelSelector: requirements sorted by key (`k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`), `<none>` when empty. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return '<none>';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].map(String).sort().join(',');
    const s = e.operator === 'In' ? `${e.key} in (${vals})` : e.operator === 'NotIn' ? `${e.key} notin (${vals})` : e.operator === 'Exists' ? e.key : e.operator === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${e.operator}`;
    reqs.push([e.key, s]);
  }
  if (!reqs.length) return '<none>';
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((r) => r[1])
    .join(',');
}

/** The POD-SELECTOR column. */
export function netpolRow(o: KObject): string {
  return formatLabelSelector(o.spec?.podSelector ?? {});
}

/** Go's time.Time String() of an RFC 3339 UTC timestamp: `2006-01-02 15:04:05 +0000 UTC`. */
function goTime(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  return ts.replace('T', ' ').replace(/Z$/, '') + ' +0000 UTC';
}

/** printLabelsMultiline: sorted `k=v`, one per line after the first, `<none>` when empty. */
function labelLines(title: string, labels: Record<string, string> | undefined): [string, string][] {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return [[`${title}:`, '<none>']];
  return keys.map((k, i) => [i === 0 ? `${title}:` : '', `${k}=${labels![k]}`]);
}

interface Peer {
  podSelector?: object;
  namespaceSelector?: object;
  ipBlock?: { cidr: string; except?: string[] };
}

function rulesText(rules: { ports?: { port?: number | string; protocol?: string; endPort?: number }[]; from?: Peer[]; to?: Peer[] }[] | undefined, dir: 'ingress' | 'egress'): string {
  const ind = '    ';
  if (!rules || !rules.length) return `${ind}<none> (Selected pods are isolated for ${dir} connectivity)\n`;
  let s = '';
  rules.forEach((r, i) => {
    const ports = r?.ports ?? [];
    if (!ports.length) s += `${ind}To Port: <any> (traffic allowed to all ports)\n`;
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
      s += p.endPort === undefined ? `${ind}To Port: ${port}/${proto}\n` : `${ind}To Port Range: ${port}-${p.endPort}/${proto}\n`;
    }
    const peers = (dir === 'ingress' ? r?.from : r?.to) ?? [];
    const word = dir === 'ingress' ? 'From' : 'To';
    if (!peers.length) s += `${ind}${word}: <any> (traffic not restricted by ${dir === 'ingress' ? 'source' : 'destination'})\n`;
    for (const peer of peers) {
      s += `${ind}${word}:\n`;
      if (peer.podSelector && peer.namespaceSelector) s += `  ${ind}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n  ${ind}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`;
      else if (peer.podSelector) s += `  ${ind}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`;
      else if (peer.namespaceSelector) s += `  ${ind}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`;
      else if (peer.ipBlock) s += `  ${ind}IPBlock:\n    ${ind}CIDR: ${peer.ipBlock.cidr}\n    ${ind}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`;
    }
    if (i !== rules.length - 1) s += `${ind}----------\n`;
  });
  return s;
}

/** `kubectl describe networkpolicy NAME`. */
export function describeNetworkPolicy(o: KObject): string {
  const head: [string, string][] = [
    ['Name:', o.metadata.name],
    ['Namespace:', o.metadata.namespace ?? ''],
    ['Created on:', goTime(o.metadata.creationTimestamp)],
    ...labelLines('Labels', o.metadata.labels),
    ...labelLines('Annotations', Object.fromEntries(Object.entries(o.metadata.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration'))),
  ];
  const w = Math.max(...head.map(([k]) => k.length)) + 2;
  let s = head.map(([k, v]) => k.padEnd(w) + v + '\n').join('');
  const spec = o.spec ?? {};
  const sel = spec.podSelector ?? {};
  const empty = !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
  s += 'Spec:\n';
  s += `  PodSelector:     ${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatLabelSelector(sel)}\n`;
  const types: string[] = spec.policyTypes ?? [];
  s += types.includes('Ingress') ? '  Allowing ingress traffic:\n' + rulesText(spec.ingress, 'ingress') : '  Not affecting ingress traffic\n';
  s += types.includes('Egress') ? '  Allowing egress traffic:\n' + rulesText(spec.egress, 'egress') : '  Not affecting egress traffic\n';
  s += `  Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`;
  return s;
}
