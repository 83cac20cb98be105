// kubectl's command line as cobra/pflag parse it: every verb has its own
// flag set plus the global (persistent) flags; `--flag=value`, `--flag
// value`, `-n ns`, `-nns`, `-oyaml`, grouped boolean shorthands (`-it`),
// `--` ending the flags. An unknown flag is refused with pflag's words and
// kubectl's hint (`error: unknown flag: --foo` / `See 'kubectl get --help'
// for usage.`); a flag kubectl has but the simulation does not model is
// refused as not simulated. Unknown verbs get cobra's suggestions
// (Levenshtein distance ≤ 2 or a prefix match, in command order).

import { declareNotSimulated } from '../registry.ts';

/** One flag: long name, shorthand, whether it takes a value; `ns` = the reason it is not simulated. */
export interface FlagDef {
  long: string;
  short?: string;
  value: boolean;
  ns?: string;
}

/** Parsed command line: positional words and flags. */
export interface Args {
  pos: string[];
  ns: string;
  allNs: boolean;
  output?: string;
  flags: Map<string, string>;
  dashdash: string[];
  /** Repeated flags (`--tcp 80:80 --tcp 443:443`, `--env`, `--labels`) in order. */
  multi: Map<string, string[]>;
}

/** A usage error printed as is (with `error: ` already in it). */
export class UsageError extends Error {}

const f = (long: string, short?: string, value = true, ns?: string): FlagDef => ({ long, short, value, ns });
const b = (long: string, short?: string, ns?: string): FlagDef => ({ long, short, value: false, ns });
const NS_CLIENT = 'one simulated cluster with its credentials built in';

/** Global flags (kubectl options). */
const GLOBAL: FlagDef[] = [
  f('namespace', 'n'),
  f('kubeconfig', undefined, true, NS_CLIENT),
  f('context', undefined, true, NS_CLIENT),
  f('cluster', undefined, true, NS_CLIENT),
  f('user', undefined, true, NS_CLIENT),
  f('server', 's', true, NS_CLIENT),
  f('token', undefined, true, NS_CLIENT),
  f('as', undefined, true, 'no authorization is simulated'),
  f('as-group', undefined, true, 'no authorization is simulated'),
  f('as-uid', undefined, true, 'no authorization is simulated'),
  f('certificate-authority', undefined, true, NS_CLIENT),
  f('client-certificate', undefined, true, NS_CLIENT),
  f('client-key', undefined, true, NS_CLIENT),
  b('insecure-skip-tls-verify', undefined, NS_CLIENT),
  f('tls-server-name', undefined, true, NS_CLIENT),
  f('request-timeout', undefined, true, 'requests to the simulated API server never time out'),
  f('cache-dir', undefined, true, 'no discovery cache'),
  b('match-server-version', undefined, 'one kubectl and server version'),
  b('disable-compression', undefined, 'no HTTP between kubectl and the simulated API server'),
  f('v', 'v', true, 'no client-side request logging'),
  f('vmodule', undefined, true, 'no client-side request logging'),
  f('profile', undefined, true, 'no profiling'),
  f('profile-output', undefined, true, 'no profiling'),
  b('warnings-as-errors', undefined, 'the simulated API server sends no warnings'),
  f('log-flush-frequency', undefined, true, 'no client-side request logging'),
  b('help', 'h'),
];

const PRINT: FlagDef[] = [f('output', 'o'), f('template'), b('allow-missing-template-keys'), b('show-managed-fields', undefined, 'no managed fields are recorded')];
const DRY: FlagDef[] = [f('dry-run'), f('field-manager', undefined, true, 'no server-side apply'), f('validate', undefined, true, 'no schema validation')];
const FILE: FlagDef[] = [f('filename', 'f'), f('kustomize', 'k', true, 'no kustomize'), b('recursive', 'R', 'one file or standard input at a time')];
const SEL: FlagDef[] = [f('selector', 'l')];
/** -f/-k/-R on verbs that name their objects on the command line. */
const NOFILE: FlagDef[] = FILE.map((x) => ({ ...x, ns: x.ns ?? 'objects are named by TYPE NAME' }));

/** Flags of each verb (beside the global ones). */
export const VERB_FLAGS: Record<string, FlagDef[]> = {
  get: [...PRINT, ...SEL, ...FILE.map((x) => ({ ...x, ns: x.ns ?? 'get reads objects by type and name' })), b('all-namespaces', 'A'), b('show-labels'), b('no-headers'), b('ignore-not-found'), f('sort-by'), f('label-columns', 'L'), b('watch', 'w', 'no watch streams'), b('watch-only', undefined, 'no watch streams'), b('output-watch-events', undefined, 'no watch streams'), f('field-selector', undefined, true, 'no field selectors'), f('chunk-size', undefined, true, 'lists come in one response'), b('show-kind'), f('raw', undefined, true, 'no raw API paths'), f('subresource', undefined, true, 'no subresources'), b('server-print', undefined, 'tables are printed on the client')],
  describe: [...SEL, ...FILE.map((x) => ({ ...x, ns: x.ns ?? 'describe reads objects by type and name' })), b('all-namespaces', 'A'), b('show-events'), f('chunk-size', undefined, true, 'lists come in one response')],
  apply: [...PRINT, ...DRY, ...FILE, ...SEL, b('prune', undefined, 'no pruning'), b('force', undefined, 'no forced replacement'), b('server-side', undefined, 'no server-side apply'), b('overwrite'), b('record', undefined, 'deprecated; change-cause annotations are not written'), b('wait', undefined, 'no waiting'), f('timeout', undefined, true, 'apply does not wait'), b('openapi-patch', undefined, 'no OpenAPI')],
  create: [...PRINT, ...DRY, ...FILE, f('image'), f('replicas', 'r'), f('port'), f('tcp'), f('node-port'), f('external-name'), f('clusterip'), f('class'), f('rule'), f('default-backend'), f('annotation'), b('save-config', undefined, 'no last-applied annotation'), b('edit', undefined, 'no editor'), b('windows-line-endings', undefined, 'no editor')],
  run: [...PRINT, ...DRY, f('image'), f('port'), f('labels', 'l'), f('env'), f('restart'), b('rm'), b('stdin', 'i'), b('tty', 't'), b('attach', undefined, 'interactive runs attach with -i/-t'), b('command'), f('image-pull-policy'), b('expose'), f('annotations'), f('override-type', undefined, true, 'no overrides'), f('overrides', undefined, true, 'no overrides'), b('privileged', undefined, 'no security contexts'), b('leave-stdin-open', undefined, 'standard input closes with the session'), b('quiet', 'q'), f('pod-running-timeout', undefined, true, 'run waits up to a minute of virtual time'), f('serviceaccount', undefined, true, 'no service accounts')],
  expose: [...PRINT, ...DRY, ...FILE, f('port'), f('target-port'), f('type'), f('name'), f('selector'), f('protocol'), f('cluster-ip'), f('external-ip'), f('labels', 'l'), f('load-balancer-ip', undefined, true, 'deprecated; addresses come from the load balancer'), f('session-affinity'), f('container-port', undefined, true, 'deprecated; use --target-port'), f('override-type', undefined, true, 'no overrides'), f('overrides', undefined, true, 'no overrides')],
  scale: [...PRINT.map((x) => ({ ...x, ns: x.ns ?? 'scale prints its message only' })), ...DRY.map((x) => ({ ...x, ns: x.ns ?? 'scale changes the server object' })), ...NOFILE, ...SEL.map((x) => ({ ...x, ns: 'scale names its object' })), f('replicas'), f('current-replicas', undefined, true, 'no preconditions'), f('resource-version', undefined, true, 'no optimistic concurrency'), b('all', undefined, 'scale names its object'), f('timeout', undefined, true, 'scale does not wait')],
  delete: [...PRINT.map((x) => ({ ...x, ns: x.long === 'output' ? undefined : x.ns ?? 'delete prints its message only' })), ...NOFILE, ...SEL, b('all'), b('all-namespaces', 'A'), b('ignore-not-found'), f('grace-period'), b('now', undefined, 'the kubelet\'s grace period is fixed'), b('force'), f('wait'), f('cascade', undefined, true, 'dependents are always deleted in the background'), f('timeout', undefined, true, 'no deletion timeout'), f('dry-run', undefined, true, 'delete changes the server objects'), f('field-selector', undefined, true, 'no field selectors'), b('interactive', 'i', 'no prompts'), b('raw', undefined, 'no raw API paths')],
  set: [...PRINT.map((x) => ({ ...x, ns: x.ns ?? 'set prints its message only' })), ...DRY.map((x) => ({ ...x, ns: x.ns ?? 'set changes the server object' })), ...NOFILE, ...SEL.map((x) => ({ ...x, ns: 'set names its object' })), b('all', undefined, 'set names its object'), b('local', undefined, 'set works on the server objects'), b('record', undefined, 'deprecated; change-cause annotations are not written')],
  rollout: [...PRINT.map((x) => ({ ...x, ns: x.ns ?? 'rollout prints its messages only' })), ...NOFILE, ...SEL.map((x) => ({ ...x, ns: 'rollout names its object' })), f('to-revision'), f('revision', undefined, true, 'history lists every revision'), b('watch', 'w'), f('timeout', undefined, true, 'rollout status waits up to five minutes of virtual time'), f('dry-run', undefined, true, 'rollout changes the server object')],
  logs: [f('container', 'c'), b('follow', 'f', 'no log streaming'), b('previous', 'p', 'containers are not restarted'), f('tail', undefined, true, 'the whole log is printed'), b('timestamps', undefined, 'no log timestamps'), f('since', undefined, true, 'no log timestamps'), f('since-time', undefined, true, 'no log timestamps'), b('all-containers', undefined, 'one container at a time'), ...SEL.map((x) => ({ ...x, ns: 'logs names its pod' })), b('prefix', undefined, 'one container at a time'), f('limit-bytes', undefined, true, 'no log limits'), f('max-log-requests', undefined, true, 'no log limits'), b('ignore-errors', undefined, 'one container at a time'), f('pod-running-timeout', undefined, true, 'logs does not wait for the pod')],
  exec: [f('container', 'c'), b('stdin', 'i'), b('tty', 't'), b('quiet', 'q'), ...NOFILE, f('pod-running-timeout', undefined, true, 'exec does not wait for the pod')],
  label: [...PRINT.map((x) => ({ ...x, ns: x.ns ?? 'label prints its messages only' })), ...DRY, ...NOFILE, ...SEL, b('overwrite'), b('all'), b('all-namespaces', 'A'), b('list'), b('local', undefined, 'labels are set on the server objects'), f('resource-version', undefined, true, 'no optimistic concurrency'), f('field-selector', undefined, true, 'no field selectors')],
  annotate: [...PRINT.map((x) => ({ ...x, ns: x.ns ?? 'annotate prints its messages only' })), ...DRY, ...NOFILE, ...SEL, b('overwrite'), b('all'), b('all-namespaces', 'A'), b('list'), b('local', undefined, 'annotations are set on the server objects'), f('resource-version', undefined, true, 'no optimistic concurrency'), f('field-selector', undefined, true, 'no field selectors')],
  patch: [...PRINT, ...DRY, ...NOFILE, f('patch', 'p'), f('patch-file'), f('type'), b('local', undefined, 'patches go to the server objects'), f('subresource', undefined, true, 'no subresources')],
  edit: [...PRINT, ...FILE.map((x) => ({ ...x, ns: x.ns ?? 'edit names its object' })), b('output-patch', undefined, 'the patch is not printed'), b('windows-line-endings', undefined, 'the simulated hosts are Linux'), b('save-config', undefined, 'no last-applied annotation on edit'), f('subresource', undefined, true, 'no subresources'), f('field-manager', undefined, true, 'no server-side apply'), f('validate', undefined, true, 'no schema validation'), b('record', undefined, 'deprecated; change-cause annotations are not written')],
  events: [...PRINT, b('all-namespaces', 'A'), f('for'), f('types'), b('watch', 'w', 'no watch streams'), b('no-headers'), f('chunk-size', undefined, true, 'lists come in one response')],
  'cluster-info': [],
  cordon: [...SEL, f('dry-run')],
  uncordon: [...SEL, f('dry-run')],
  taint: [...PRINT, ...SEL, f('dry-run'), b('overwrite'), b('all'), f('field-manager', undefined, true, 'no server-side apply'), f('validate', undefined, true, 'no schema validation')],
  version: [b('client'), f('output', 'o')],
  'api-resources': [f('output', 'o'), b('no-headers'), f('namespaced', undefined, true, 'every kind is listed'), f('api-group', undefined, true, 'every kind is listed'), f('verbs', undefined, true, 'every kind is listed'), f('sort-by', undefined, true, 'listed by group and name'), b('cached', undefined, 'no discovery cache'), f('categories', undefined, true, 'every kind is listed')],
};

/** Commands cobra lists for kubectl (used for suggestions), in its order. */
export const KUBECTL_COMMANDS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];

for (const d of GLOBAL) if (d.ns) declareNotSimulated({ tool: 'kubectl', kind: 'option', item: `--${d.long}`, why: d.ns });
for (const [verb, defs] of Object.entries(VERB_FLAGS)) for (const d of defs) if (d.ns) declareNotSimulated({ tool: 'kubectl', kind: 'option', item: `${verb} --${d.long}`, why: d.ns });

/** Levenshtein distance (cobra's ld, case-insensitive). */
function ld(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let j = 1; j <= b.length; j++) for (let i = 1; i <= a.length; i++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** cobra's "unknown command" error with its suggestions. */
export function unknownCommand(word: string, parent = 'kubectl', commands = KUBECTL_COMMANDS): string {
  const sugg = commands.filter((c) => ld(word, c) <= 2 || c.startsWith(word.toLowerCase()));
  return `error: unknown command "${word}" for "${parent}"${sugg.length ? `\n\nDid you mean this?\n${sugg.map((s) => `\t${s}\n`).join('')}` : ''}`;
}

const hint = (verb: string): string => `\nSee 'kubectl ${verb ? `${verb} ` : ''}--help' for usage.`;

const NOT_SIMULATED = Symbol('notSimulated');
/** A flag kubectl has that the simulation refuses. */
export class NotSimulatedFlag extends Error {
  readonly [NOT_SIMULATED] = true;
}

/**
 * Parse the words after the verb. Throws UsageError (pflag's message) for
 * an unknown or malformed flag, NotSimulatedFlag for a refused one.
 */
export function parseFlags(verb: string, argv: string[]): Args {
  const defs = [...(VERB_FLAGS[verb] ?? []), ...GLOBAL];
  const a: Args = { pos: [], ns: 'default', allNs: false, flags: new Map(), dashdash: [], multi: new Map() };
  const set = (d: FlagDef, v: string, shown: string): void => {
    if (d.ns) throw new NotSimulatedFlag(shown);
    if (!d.value && v !== 'true' && v !== 'false') {
      const ok = ['1', 't', 'T', 'TRUE', 'True', '0', 'f', 'F', 'FALSE', 'False'];
      if (!ok.includes(v)) throw new UsageError(`error: invalid argument "${v}" for "${d.short ? `-${d.short}, ` : ''}--${d.long}" flag: strconv.ParseBool: parsing "${v}": invalid syntax${hint(verb)}`);
      v = ['1', 't', 'T', 'TRUE', 'True'].includes(v) ? 'true' : 'false';
    }
    switch (d.long) {
      case 'namespace':
        a.ns = v;
        return;
      case 'all-namespaces':
        a.allNs = v === 'true';
        return;
      case 'output':
        a.output = v;
        return;
      case 'help':
        throw new NotSimulatedFlag('--help');
    }
    a.flags.set(d.long, v);
    a.multi.set(d.long, [...(a.multi.get(d.long) ?? []), v]);
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--') {
      a.dashdash = argv.slice(i + 1);
      break;
    }
    if (x.startsWith('--') && x.length > 2) {
      const eq = x.indexOf('=');
      const name = eq < 0 ? x.slice(2) : x.slice(2, eq);
      const d = defs.find((y) => y.long === name);
      if (!d) throw new UsageError(`error: unknown flag: --${name}${hint(verb)}`);
      if (eq >= 0) set(d, x.slice(eq + 1), `--${name}`);
      else if (!d.value) set(d, 'true', `--${name}`);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`error: flag needs an argument: --${name}${hint(verb)}`);
        set(d, argv[++i], `--${name}`);
      }
      continue;
    }
    if (x.startsWith('-') && x.length > 1 && x !== '-') {
      // Shorthands: booleans may be grouped; a value flag takes the rest or the next word.
      for (let j = 1; j < x.length; j++) {
        const c = x[j];
        const d = defs.find((y) => y.short === c);
        if (!d) throw new UsageError(`error: unknown shorthand flag: '${c}' in ${x}${hint(verb)}`);
        if (!d.value) {
          if (x[j + 1] === '=') {
            set(d, x.slice(j + 2), `-${c}`);
            break;
          }
          set(d, 'true', `-${c}`);
          continue;
        }
        let v = x.slice(j + 1);
        if (v.startsWith('=')) v = v.slice(1);
        else if (v === '') {
          if (i + 1 >= argv.length) throw new UsageError(`error: flag needs an argument: '${c}' in -${c}${hint(verb)}`);
          v = argv[++i];
        }
        set(d, v, `-${c}`);
        break;
      }
      continue;
    }
    a.pos.push(x);
  }
  return a;
}

/**
 * Find the verb as cobra's Find does (`stripFlags` with the root command's
 * flags, cobra/command.go): a word after a flag the root command does not
 * know is taken as that flag's value, so `kubectl -A get pods` looks for the
 * command `pods`. Returns the verb's index in argv (-1 when there is none),
 * or `pluginError`: kubectl's plugin handler refuses a command line that
 * starts with a flag and names no known command (cmd.go,
 * HandlePluginCommand: "flags cannot be placed before plugin name").
 */
export function findVerb(argv: string[]): { index: number; pluginError?: string } {
  const noOpt = (d: FlagDef | undefined): boolean => d !== undefined && !d.value;
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--') return { index: -1 };
    const skips = x.startsWith('--') ? !x.includes('=') && !noOpt(GLOBAL.find((y) => y.long === x.slice(2))) : x.startsWith('-') && x.length === 2 && !noOpt(GLOBAL.find((y) => y.short === x[1]));
    if (skips) {
      if (argv.length - i - 1 <= 1) return { index: -1 };
      i++;
      continue;
    }
    if (x !== '' && !x.startsWith('-')) {
      if (!KUBECTL_COMMANDS.includes(x) && argv[0].startsWith('-')) return { index: i, pluginError: `Error: flags cannot be placed before plugin name: ${argv[0]}\n` };
      return { index: i };
    }
  }
  return { index: -1 };
}

/** The verb's index in argv as cobra finds it, or -1 (see findVerb). */
export function verbIndex(argv: string[]): number {
  return findVerb(argv).index;
}
