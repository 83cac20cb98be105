// kubectl verbs beyond get/describe/apply: run (with -i/-t and --rm
// attached to the terminal), create service clusterip|nodeport|
// loadbalancer|externalname, create deployment --dry-run, label,
// annotate, patch (strategic merge, JSON merge, JSON patch), events, and
// the Event table of `get events`. Objects are built as kubectl's
// generators build them (pkg/cmd/run, pkg/cmd/create/create_service.go):
// what `--dry-run=client -o yaml` prints is that client-side object.

import type { Process } from '../../kernel/proc.ts';
import { ApiError, RESOURCE, modify, namespaced, podReady, type KObject, type KubeClient } from '../../k8s/client.ts';
import { parseYamlDocuments } from '../../k8s/yaml.ts';
import { hostOf } from '../coreutils/host.ts';
import { refuseNotSimulated } from '../registry.ts';
import { UsageError, unknownCommand, type Args } from './kubectl-flags.ts';
import { printerFor } from './kubectl-output.ts';
import { describeVerb } from './kubectl-describe.ts';
import { edit } from './kubectl-edit.ts';
import { humanDuration, kindOf, notFound, ref, tabwrite, targets, KINDS } from './kubectl.ts';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** --dry-run: none (default), client or server. */
function dryRun(a: Args): 'none' | 'client' | 'server' {
  const v = a.flags.get('dry-run');
  if (v === undefined || v === 'none') return 'none';
  if (v === 'client' || v === 'server') return v;
  throw new UsageError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** Create (unless dry run) and report as kubectl does: `KIND/NAME created`, or the object with -o. */
export function createAndPrint(p: Process, api: KubeClient, a: Args, obj: KObject, verb = 'created'): number {
  const dry = dryRun(a);
  let shown: KObject = obj;
  if (dry === 'none') {
    const server = clone(obj);
    delete (server.metadata as { creationTimestamp?: unknown }).creationTimestamp;
    if (server.spec?.template?.metadata) delete server.spec.template.metadata.creationTimestamp;
    shown = api.create(server);
  }
  if (a.output === 'name') p.stdout.write(`${ref(obj.kind, obj.metadata.name)}\n`);
  else if (a.output) {
    const pr = printerFor(a.output, a.flags.get('template'), false, () => undefined);
    if (pr) p.stdout.write(pr(clone(shown)));
  } else p.stdout.write(`${ref(obj.kind, obj.metadata.name)} ${verb}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

/** `k=v,k2=v2` as kubectl's --labels parses it. */
function parseKv(s: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw new UsageError(`error: invalid ${what} spec: ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

// ── run ──────────────────────────────────────────────────────────────

/** The Pod `kubectl run` generates (pkg/generate/versioned/run.go BasicPod). */
export function runPod(name: string, a: Args): KObject {
  const image = a.flags.get('image')!;
  const labels = a.flags.has('labels') ? parseKv(a.flags.get('labels')!, 'label') : { run: name };
  const env = (a.multi.get('env') ?? []).map((e) => {
    const i = e.indexOf('=');
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  const port = a.flags.get('port');
  const interactive = a.flags.get('stdin') === 'true';
  const c: Record<string, unknown> = { image, name };
  if (a.dashdash.length) c[a.flags.get('command') === 'true' ? 'command' : 'args'] = a.dashdash;
  if (env.length) c.env = env;
  if (a.flags.has('image-pull-policy')) c.imagePullPolicy = a.flags.get('image-pull-policy');
  if (port) c.ports = [{ containerPort: Number(port) }];
  c.resources = {};
  if (interactive) {
    c.stdin = true;
    c.stdinOnce = true;
    if (a.flags.get('tty') === 'true') c.tty = true;
  }
  const annotations = a.flags.has('annotations') ? parseKv(a.flags.get('annotations')!, 'annotation') : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...(annotations ? { annotations } : {}), creationTimestamp: null as unknown as string, labels, name },
    spec: { containers: [c], dnsPolicy: 'ClusterFirst', restartPolicy: a.flags.get('restart') ?? 'Always' },
    status: {},
  };
}

async function run(p: Process, api: KubeClient, a: Args): Promise<number> {
  const name = a.pos[0];
  if (!name) throw new UsageError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (!a.flags.get('image')) throw new UsageError('error: required flag(s) "image" not set');
  const restart = a.flags.get('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new UsageError(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`);
  const interactive = a.flags.get('stdin') === 'true';
  const rm = a.flags.get('rm') === 'true';
  if (rm && !interactive) throw new UsageError("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples");
  if (a.flags.get('tty') === 'true' && !interactive) throw new UsageError("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples");
  const pod = runPod(name, a);
  const dry = dryRun(a);
  if (a.flags.get('expose') === 'true') {
    const port = a.flags.get('port');
    if (!port) throw new UsageError("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples");
    createAndPrint(p, api, a, { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null as unknown as string, name }, spec: { ports: [{ port: Number(port), protocol: 'TCP', targetPort: Number(port) }], selector: { ...pod.metadata.labels } }, status: { loadBalancer: {} } });
  }
  if (!interactive || dry !== 'none') return createAndPrint(p, api, a, pod);
  // Attached run: create, wait for the pod to run, attach, then (--rm) delete.
  const server = clone(pod);
  delete (server.metadata as { creationTimestamp?: unknown }).creationTimestamp;
  api.create(server);
  let cur: KObject | undefined;
  for (let i = 0; i < 600; i++) {
    cur = api.get('Pod', a.ns, name);
    if (!cur || podReady(cur)) break;
    if (!(await p.sleep(100))) return 130;
  }
  if (!cur || !podReady(cur)) {
    p.stderr.write('error: timed out waiting for the condition\n');
    return 1;
  }
  if (a.flags.get('tty') === 'true' && a.flags.get('quiet') !== 'true') p.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  const argv = a.dashdash.length ? a.dashdash : ['sh'];
  const code = await api.attach(a.ns, name, argv, { stdin: p.stdin, stdout: p.stdout, stderr: p.stderr });
  if (rm) {
    try {
      api.delete('Pod', a.ns, name);
      p.stdout.write(`pod "${name}" deleted\n`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  if (code !== 0) {
    p.stderr.write(`pod ${a.ns}/${name} terminated (Error)\n`);
    return 1;
  }
  return 0;
}

// ── create service / deployment ──────────────────────────────────────

function createService(p: Process, api: KubeClient, a: Args): number {
  const sub = a.pos[1];
  const types: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };
  if (!sub) throw new UsageError("error: Create a service using a specified subcommand.\nSee 'kubectl create service -h' for help and examples");
  if (!Object.hasOwn(types, sub)) throw new UsageError(unknownCommand(sub, 'kubectl create service', Object.keys(types)));
  const name = a.pos[2];
  if (!name) throw new UsageError(`error: exactly one NAME is required, got 0\nSee 'kubectl create service ${sub} -h' for help and examples`);
  const type = types[sub];
  const tcp = (a.multi.get('tcp') ?? []).flatMap((x) => x.split(','));
  if (type !== 'ExternalName' && !tcp.length && a.flags.get('clusterip') !== 'None') throw new UsageError('error: at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !a.flags.get('external-name')) throw new UsageError('error: required flag(s) "external-name" not set');
  const ports = tcp.map((spec) => {
    const [port, target] = spec.split(':');
    if (!/^\d+$/.test(port) || (target !== undefined && target === '')) throw new UsageError(`error: invalid port: ${spec}`);
    const tp = target === undefined ? Number(port) : /^\d+$/.test(target) ? Number(target) : target;
    return { name: spec.replace(/:/g, '-'), port: Number(port), protocol: 'TCP', targetPort: tp, ...(type === 'NodePort' && a.flags.has('node-port') ? { nodePort: Number(a.flags.get('node-port')) } : {}) };
  });
  const spec: Record<string, unknown> = { ...(ports.length ? { ports } : {}), selector: { app: name }, type };
  if (a.flags.has('clusterip')) spec.clusterIP = a.flags.get('clusterip');
  if (type === 'ExternalName') spec.externalName = a.flags.get('external-name');
  return createAndPrint(p, api, a, { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null as unknown as string, labels: { app: name }, name }, spec, status: { loadBalancer: {} } });
}

/** kubectl create deployment's object (create_deployment.go): the client form, before server defaults. */
function deploymentObject(name: string, a: Args): KObject {
  const images = a.multi.get('image') ?? [];
  const labels = { app: name };
  const containers = images.map((img) => ({ image: img, name: img.split('/').pop()!.split(':')[0].split('@')[0], resources: {}, ...(a.flags.has('port') ? { ports: [{ containerPort: Number(a.flags.get('port')) }] } : {}), ...(a.dashdash.length ? { command: a.dashdash } : {}) }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null as unknown as string, labels, name },
    spec: { replicas: Number(a.flags.get('replicas') ?? 1), selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } },
    status: {},
  };
}

// ── label / annotate ─────────────────────────────────────────────────

function labelOrAnnotate(p: Process, api: KubeClient, a: Args, what: 'label' | 'annotation'): number {
  const field = what === 'label' ? 'labels' : 'annotations';
  const pos = [...a.pos];
  const changes = pos.filter((x) => x.includes('=') || (x.endsWith('-') && !x.includes('/')));
  const words = pos.filter((x) => !changes.includes(x));
  if (a.flags.get('list') === 'true') {
    for (const t of targets(words)) for (const n of t.names) {
      const o = api.get(t.kind, a.ns, n);
      if (!o) return notFound(p, new ApiError(404, 'NotFound', `${t.kind.toLowerCase()}s "${n}" not found`));
      for (const [k, v] of Object.entries((o.metadata as unknown as Record<string, Record<string, string> | undefined>)[field] ?? {}).sort()) p.stdout.write(`${k}=${v}\n`);
    }
    return 0;
  }
  if (!changes.length) throw new UsageError(`error: at least one ${what} update is required`);
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const i = c.indexOf('=');
      add[c.slice(0, i)] = c.slice(i + 1);
    }
  }
  for (const k of remove) if (Object.hasOwn(add, k)) throw new UsageError(`error: can not both modify and remove ${what}s in the same command`);
  const ts = targets(words);
  const objs: KObject[] = [];
  for (const t of ts) {
    if (!t.names.length) {
      const sel = a.flags.get('selector');
      if (a.flags.get('all') !== 'true' && !sel) throw new UsageError(`error: resource(s) were provided, but no name was specified`);
      let list = api.list(t.kind, a.allNs ? undefined : a.ns);
      if (sel) {
        const want = Object.fromEntries(sel.split(',').map((kv) => kv.split('=')));
        list = list.filter((o) => Object.entries(want).every(([k, v]) => o.metadata.labels?.[k] === v));
      }
      objs.push(...list);
    }
    for (const n of t.names) {
      const o = api.get(t.kind, a.ns, n);
      if (!o) return notFound(p, new ApiError(404, 'NotFound', `${notFoundName(t.kind)} "${n}" not found`));
      objs.push(o);
    }
  }
  const overwrite = a.flags.get('overwrite') === 'true';
  for (const o of objs) {
    const cur = ((o.metadata as unknown as Record<string, Record<string, string> | undefined>)[field] ?? {}) as Record<string, string>;
    if (!overwrite) {
      for (const [k, v] of Object.entries(add)) {
        if (Object.hasOwn(cur, k) && cur[k] !== v) {
          throw new UsageError(what === 'label' ? `error: '${k}' already has a value (${cur[k]}), and --overwrite is false` : `error: --overwrite is false but found the following declared annotation(s): '${k}' already has a value (${cur[k]})`);
        }
      }
    }
    const next = { ...cur, ...add };
    for (const k of remove) {
      if (!Object.hasOwn(next, k)) p.stdout.write(`${what} "${k}" not found.\n`);
      delete next[k];
    }
    const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(cur).sort());
    if (dryRun(a) === 'none' && changed) {
      modify(api, o.kind, o.metadata.namespace, o.metadata.name, (x) => {
        if (Object.keys(next).length) (x.metadata as unknown as Record<string, unknown>)[field] = next;
        else delete (x.metadata as unknown as Record<string, unknown>)[field];
      });
    }
    const msg = what === 'annotation' ? 'annotated' : !changed ? 'not labeled' : remove.length && !Object.keys(add).length ? 'unlabeled' : 'labeled';
    p.stdout.write(`${ref(o.kind, o.metadata.name)} ${msg}\n`);
  }
  return 0;
}

function notFoundName(kind: string): string {
  const r = ref(kind, '').slice(0, -1);
  const [k, ...g] = r.split('.');
  return [`${k}s`, ...g].join('.');
}

// ── patch ────────────────────────────────────────────────────────────

const MERGE_KEYS: Record<string, string[]> = { containers: ['name'], initContainers: ['name'], ephemeralContainers: ['name'], env: ['name'], volumes: ['name'], volumeMounts: ['mountPath'], imagePullSecrets: ['name'], ports: ['containerPort', 'port'], hostAliases: ['ip'], conditions: ['type'] };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObj = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch (strategic = true: lists with a patch merge key merge by it). */
function mergePatch(target: Json, patch: Json, strategic: boolean, field = ''): Json {
  if (!isObj(patch)) {
    if (strategic && Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[field]) {
      const keyOf = (x: Json): string | undefined => {
        if (!isObj(x)) return undefined;
        const k = MERGE_KEYS[field].find((m) => x[m] !== undefined);
        return k ? `${k}=${JSON.stringify(x[k])}` : undefined;
      };
      const out = [...target];
      for (const item of patch) {
        const k = keyOf(item);
        const i = k === undefined ? -1 : out.findIndex((x) => keyOf(x) === k);
        if (isObj(item) && item.$patch === 'delete') {
          if (i >= 0) out.splice(i, 1);
          continue;
        }
        if (i >= 0) out[i] = mergePatch(out[i], item, true);
        else out.push(item);
      }
      return out;
    }
    return patch;
  }
  const out: Record<string, Json> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v, strategic, k);
  }
  return out;
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const ptr = (path: string): string[] => path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const parentOf = (root: Json, parts: string[]): Json => {
    let cur = root;
    for (const seg of parts.slice(0, -1)) {
      if (Array.isArray(cur)) cur = cur[Number(seg)];
      else if (isObj(cur)) cur = cur[seg];
      else cur = undefined as unknown as Json;
      if (cur === undefined) throw new Error('missing path');
    }
    return cur;
  };
  const get = (root: Json, path: string): Json => {
    const parts = ptr(path);
    if (!parts.length) return root;
    const par = parentOf(root, parts);
    const last = parts[parts.length - 1];
    const v = Array.isArray(par) ? par[Number(last)] : isObj(par) ? par[last] : undefined;
    if (v === undefined) throw new Error('missing path');
    return v;
  };
  const put = (root: Json, path: string, value: Json, replace: boolean): void => {
    const parts = ptr(path);
    const par = parentOf(root, parts);
    const last = parts[parts.length - 1];
    if (Array.isArray(par)) {
      const i = last === '-' ? par.length : Number(last);
      if (!Number.isInteger(i) || i < 0 || i > par.length || (replace && i >= par.length)) throw new Error('index out of range');
      if (replace) par[i] = value;
      else par.splice(i, 0, value);
    } else if (isObj(par)) {
      if (replace && !Object.hasOwn(par, last)) throw new Error('missing path');
      par[last] = value;
    } else throw new Error('missing path');
  };
  const del = (root: Json, path: string): Json => {
    const parts = ptr(path);
    const par = parentOf(root, parts);
    const last = parts[parts.length - 1];
    const v = get(root, path);
    if (Array.isArray(par)) par.splice(Number(last), 1);
    else if (isObj(par)) delete par[last];
    return v;
  };
  for (const op of ops) {
    if (!isObj(op)) throw new Error('bad op');
    const path = String(op.path ?? '');
    switch (op.op) {
      case 'add':
        put(doc, path, clone(op.value), false);
        break;
      case 'remove':
        del(doc, path);
        break;
      case 'replace':
        put(doc, path, clone(op.value), true);
        break;
      case 'move':
        put(doc, path, del(doc, String(op.from)), false);
        break;
      case 'copy':
        put(doc, path, clone(get(doc, String(op.from))), false);
        break;
      case 'test':
        if (JSON.stringify(get(doc, path)) !== JSON.stringify(op.value)) throw new Error('test failed');
        break;
      default:
        throw new Error(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

async function patch(p: Process, api: KubeClient, a: Args): Promise<number> {
  let text = a.flags.get('patch');
  const file = a.flags.get('patch-file');
  if (file !== undefined) {
    try {
      text = hostOf(p).vfs.readFile(file, p.vfsCtx());
    } catch {
      throw new UsageError(`error: unable to read patch file: open ${file}: no such file or directory`);
    }
  }
  if (text === undefined || text === '') throw new UsageError('error: must specify --patch or --patch-file containing the contents of the patch');
  const type = a.flags.get('type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type)) throw new UsageError(`error: --type must be one of [json merge strategic], not "${type}"`);
  const [t] = targets(a.pos);
  const name = t.names[0];
  if (!name) throw new UsageError("error: resource(s) were provided, but no name was specified");
  const o = api.get(t.kind, a.ns, name);
  if (!o) return notFound(p, new ApiError(404, 'NotFound', `${notFoundName(t.kind)} "${name}" not found`));
  let patchDoc: Json;
  try {
    patchDoc = JSON.parse(text) as Json;
  } catch {
    try {
      patchDoc = ((await parseYamlDocuments(text))[0] ?? null) as Json;
    } catch (e) {
      throw new UsageError(`error: unable to parse "${text}": ${(e as Error).message.replace(/^error converting YAML to JSON: /, '')}`);
    }
  }
  const before = clone(o) as unknown as Json;
  let after: Json;
  try {
    after = type === 'json' ? jsonPatch(clone(before), patchDoc) : mergePatch(clone(before), patchDoc, type === 'strategic');
  } catch {
    p.stderr.write('The request is invalid: the server rejected our request due to an error in our request\n');
    return 1;
  }
  if (!isObj(after) || !isObj(patchDoc) && type !== 'json') {
    p.stderr.write('The request is invalid: the server rejected our request due to an error in our request\n');
    return 1;
  }
  const same = JSON.stringify(after) === JSON.stringify(before);
  if (!same && dryRun(a) === 'none') {
    const meta = o.metadata;
    const x = clone(after) as unknown as KObject;
    x.kind = o.kind;
    x.apiVersion = o.apiVersion;
    x.metadata = { ...(x.metadata ?? {}), name: meta.name, namespace: meta.namespace, uid: meta.uid, creationTimestamp: meta.creationTimestamp, resourceVersion: meta.resourceVersion, generation: meta.generation };
    if (x.metadata.namespace === undefined) delete x.metadata.namespace;
    if (x.metadata.generation === undefined) delete x.metadata.generation;
    api.update(x);
  }
  if (a.output) {
    const pr = printerFor(a.output, a.flags.get('template'), false, () => undefined);
    if (pr) p.stdout.write(pr(clone(api.get(t.kind, a.ns, name))));
    else p.stdout.write(`${ref(t.kind, name)}\n`);
    return 0;
  }
  p.stdout.write(`${ref(t.kind, name)} patched${same ? ' (no change)' : ''}\n`);
  return 0;
}

// ── events ───────────────────────────────────────────────────────────

/** printEvent's rows (header first): LAST SEEN TYPE REASON OBJECT MESSAGE, and the wide columns. */
export function eventTable(api: KubeClient, evs: KObject[], wide: boolean): string[][] {
  const since = (ts: string | undefined): string => (ts ? humanDuration(api.ageSeconds(ts)) : '<unknown>');
  const head = wide ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'] : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = evs.map((e) => {
    const first = since(e.firstTimestamp);
    const lastSeen = e.lastTimestamp ? since(e.lastTimestamp) : first;
    const io = e.involvedObject ?? {};
    const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
    const src = [e.source?.component || e.reportingComponent || '', ...(e.source?.host ? [e.source.host] : [])].join(', ');
    return wide ? [lastSeen, e.type ?? '', e.reason ?? '', target, io.fieldPath ?? '', src, String(e.message ?? '').trim(), first, String(e.count ?? 1), e.metadata.name] : [lastSeen, e.type ?? '', e.reason ?? '', target, String(e.message ?? '').trim()];
  });
  return [head, ...rows];
}

/** kubectl events: sorted by time, OBJECT as Kind/name. */
function events(p: Process, api: KubeClient, a: Args): number {
  let evs = api.list('Event', a.allNs ? undefined : a.ns);
  const forObj = a.flags.get('for');
  if (forObj) {
    const [kw, n] = forObj.split('/');
    if (!n) throw new UsageError(`error: --for must be in resource/name form`);
    const kind = kindOf(kw);
    evs = evs.filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === n);
  }
  const types = a.flags.get('types');
  if (types) {
    const want = types.split(',');
    for (const t of want) if (t !== 'Normal' && t !== 'Warning') throw new UsageError(`error: valid --types are Normal or Warning`);
    evs = evs.filter((e) => want.includes(e.type));
  }
  evs = [...evs].sort((x, y) => (x.lastTimestamp ?? '').localeCompare(y.lastTimestamp ?? ''));
  if (a.output) {
    const pr = printerFor(a.output, a.flags.get('template'), false, () => undefined);
    if (pr) {
      p.stdout.write(pr(clone({ apiVersion: 'v1', items: evs, kind: 'List', metadata: { resourceVersion: '' } })));
      return 0;
    }
  }
  if (!evs.length) {
    p.stdout.write(a.allNs ? 'No events found.\n' : `No events found in ${a.ns} namespace.\n`);
    return 0;
  }
  const since = (ts: string | undefined): string => (ts ? humanDuration(api.ageSeconds(ts)) : '<unknown>');
  const rows = evs.map((e) => {
    const io = e.involvedObject ?? {};
    const last = e.count > 1 ? `${since(e.lastTimestamp)} (x${e.count} over ${since(e.firstTimestamp)})` : since(e.lastTimestamp);
    return [...(a.allNs ? [e.metadata.namespace ?? ''] : []), last, e.type, e.reason, `${io.kind}/${io.name}`, String(e.message ?? '').trim()];
  });
  const head = [...(a.allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  p.stdout.write(tabwrite(a.flags.get('no-headers') === 'true' ? rows : [head, ...rows]));
  return 0;
}

// ── nodes: cordon, uncordon, taint ──────────────────────────────────

function cordon(p: Process, api: KubeClient, a: Args, on: boolean): number {
  const ts = a.pos.length ? targets(a.pos.length === 1 && !a.pos[0].includes('/') ? ['node', a.pos[0]] : a.pos) : [];
  if (!ts.length || !ts.every((t) => t.names.length)) throw new UsageError(`error: USAGE: ${on ? 'cordon' : 'uncordon'} NODE [flags]\nSee 'kubectl ${on ? 'cordon' : 'uncordon'} -h' for help and examples`);
  for (const t of ts) {
    for (const n of t.names) {
      const node = api.get('Node', undefined, n);
      if (!node) return notFound(p, new ApiError(404, 'NotFound', `nodes "${n}" not found`));
      const cur = !!node.spec?.unschedulable;
      if (cur === on) {
        p.stdout.write(`node/${n} already ${on ? 'cordoned' : 'uncordoned'}\n`);
        continue;
      }
      if (dryRun(a) === 'none') modify(api, 'Node', undefined, n, (x) => (on ? (x.spec.unschedulable = true) : delete x.spec.unschedulable));
      p.stdout.write(`node/${n} ${on ? 'cordoned' : 'uncordoned'}${dryRun(a) !== 'none' ? ' (dry run)' : ''}\n`);
    }
  }
  return 0;
}

/** kubectl taint NODE KEY[=VALUE]:EFFECT ... and KEY[:EFFECT]- to remove. */
function taint(p: Process, api: KubeClient, a: Args): number {
  const words = a.pos.filter((x) => !x.includes(':') && !x.includes('=') && !x.endsWith('-'));
  const specs = a.pos.filter((x) => !words.includes(x));
  if (!words.length || !specs.length) throw new UsageError("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples");
  const ts = targets(words.length === 2 || words[0].includes('/') ? words : ['node', ...words]);
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
  const add: { key: string; value?: string; effect: string }[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const sp of specs) {
    if (sp.endsWith('-')) {
      const [key, effect] = sp.slice(0, -1).split(':');
      remove.push({ key: key.split('=')[0], effect });
      continue;
    }
    const i = sp.lastIndexOf(':');
    const effect = i < 0 ? '' : sp.slice(i + 1);
    if (!effects.includes(effect)) throw new UsageError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
    // NoExecute also evicts running pods (the taint manager): not modelled.
    if (effect === 'NoExecute') return refuseNotSimulated(p, 'kubectl', 'taint NoExecute');
    const [key, value] = sp.slice(0, i).split('=');
    add.push({ key, ...(value !== undefined ? { value } : {}), effect });
  }
  for (const t of ts) {
    for (const n of t.names) {
      const node = api.get('Node', undefined, n);
      if (!node) return notFound(p, new ApiError(404, 'NotFound', `nodes "${n}" not found`));
      let list = [...((node.spec?.taints ?? []) as { key: string; value?: string; effect: string }[])];
      for (const r of remove) {
        const before = list.length;
        list = list.filter((x) => !(x.key === r.key && (!r.effect || x.effect === r.effect)));
        if (list.length === before) throw new UsageError(`error: taint "${r.key}${r.effect ? `:${r.effect}` : ''}" not found`);
      }
      for (const x of add) {
        const same = list.findIndex((y) => y.key === x.key && y.effect === x.effect);
        if (same >= 0 && a.flags.get('overwrite') !== 'true') throw new UsageError(`error: node ${n} already has ${x.key} taint(s) with same effect(s) and --overwrite is false`);
        if (same >= 0) list[same] = x;
        else list.push(x);
      }
      if (dryRun(a) === 'none') modify(api, 'Node', undefined, n, (o) => (list.length ? (o.spec.taints = list) : delete o.spec.taints));
      p.stdout.write(`node/${n} ${add.length ? 'tainted' : 'untainted'}\n`);
    }
  }
  return 0;
}

/** kubectl api-resources: the kinds the simulated API server serves (core group first, then by group). */
function apiResources(p: Process, a: Args): number {
  if (a.output && a.output !== 'name' && a.output !== 'wide') throw new UsageError(`error: --output ${a.output} is not available`);
  const groupOf: Record<string, string> = { Deployment: 'apps/v1', ReplicaSet: 'apps/v1', DaemonSet: 'apps/v1', EndpointSlice: 'discovery.k8s.io/v1', IPAddressPool: 'metallb.io/v1beta1', L2Advertisement: 'metallb.io/v1beta1' };
  const kinds = [...new Set(Object.values(KINDS))].filter((k) => Object.hasOwn(RESOURCE, k));
  const rows = kinds.map((k) => {
    const r = RESOURCE[k];
    const shorts = Object.keys(KINDS).filter((w) => KINDS[w] === k && w !== r.plural && w !== k.toLowerCase()).sort();
    const version = groupOf[k] ?? (r.group ? `${r.group}/v1` : 'v1');
    return { name: r.plural, group: r.group, row: [r.plural, shorts.join(','), version, String(namespaced(k)), k] };
  });
  rows.sort((x, y) => (x.group === y.group ? (x.name < y.name ? -1 : 1) : x.group === '' ? -1 : y.group === '' ? 1 : x.group < y.group ? -1 : 1));
  if (a.output === 'name') {
    for (const r of rows) p.stdout.write(`${r.group ? `${r.name}.${r.group}` : r.name}\n`);
    return 0;
  }
  const head = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  p.stdout.write(tabwrite(a.flags.get('no-headers') === 'true' ? rows.map((r) => r.row) : [head, ...rows.map((r) => r.row)]));
  return 0;
}

/** kubectl version (client and the simulated server). */
function version(p: Process, a: Args): number {
  if (a.output) return refuseNotSimulated(p, 'kubectl', 'version --output');
  p.stdout.write(`Client Version: v1.31.4\nKustomize Version: v5.4.2\n${a.flags.get('client') === 'true' ? '' : 'Server Version: v1.31.4\n'}`);
  return 0;
}

/**
 * The verbs this module answers; undefined for the others (kubectl.ts
 * handles them).
 */
export async function kubectlExtra(p: Process, api: KubeClient, verb: string, a: Args): Promise<number | undefined> {
  switch (verb) {
    case 'run':
      return run(p, api, a);
    case 'apply':
      if (a.flags.has('dry-run') || a.output) return refuseNotSimulated(p, 'kubectl', a.flags.has('dry-run') ? '--dry-run' : '--output');
      return undefined;
    case 'create':
      if (a.flags.has('filename') && (a.flags.has('dry-run') || a.output)) return refuseNotSimulated(p, 'kubectl', a.flags.has('dry-run') ? '--dry-run' : '--output');
      if (a.pos[0] === 'service' || a.pos[0] === 'svc') return createService(p, api, a);
      if ((a.pos[0] === 'namespace' || a.pos[0] === 'ns') && (a.flags.has('dry-run') || a.output)) {
        if (!a.pos[1]) throw new UsageError("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples");
        return createAndPrint(p, api, a, { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name: a.pos[1] }, spec: {}, status: {} });
      }
      if ((a.pos[0] === 'deployment' || a.pos[0] === 'deploy') && (a.flags.has('dry-run') || a.output)) {
        const name = a.pos[1];
        if (!name || !a.flags.get('image')) throw new UsageError('error: required flag(s) "image" not set');
        return createAndPrint(p, api, a, deploymentObject(name, a));
      }
      return undefined;
    case 'label':
      return labelOrAnnotate(p, api, a, 'label');
    case 'annotate':
      return labelOrAnnotate(p, api, a, 'annotation');
    case 'patch':
      return patch(p, api, a);
    case 'events':
      return events(p, api, a);
    case 'describe':
      return describeVerb(p, api, a);
    case 'cordon':
      return cordon(p, api, a, true);
    case 'uncordon':
      return cordon(p, api, a, false);
    case 'taint':
      return taint(p, api, a);
    case 'version':
      return version(p, a);
    case 'api-resources':
      return apiResources(p, a);
    case 'edit':
      return edit(p, api, a);
    default:
      return undefined;
  }
}
