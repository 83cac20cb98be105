// Tab completion driven by the command specs (src/userland/registry.ts), as
// bash-completion does for real tools: option names from `options`, the
// values of an option's argument from the list its description gives
// (`table to manipulate (filter, nat, mangle, raw)`), the first operand from
// `subcommands`, and the verbs below a subcommand from the tree here
// (`ip netns ad⇥` → add, `kubectl get po⇥` → pods).

import type { CommandSpec, OptionSpec } from '../userland/registry.ts';
import { RESOURCE } from '../k8s/resources.ts';

const K8S_TYPES = [...Object.values(RESOURCE).map((r) => r.plural), 'all'];
const IP_OBJECTS: Record<string, string[]> = {
  address: ['add', 'change', 'replace', 'del', 'show', 'flush'],
  link: ['add', 'delete', 'set', 'show'],
  route: ['add', 'del', 'change', 'append', 'replace', 'show', 'flush', 'get'],
  neighbour: ['add', 'del', 'change', 'replace', 'show', 'flush'],
  netns: ['add', 'attach', 'delete', 'exec', 'identify', 'list', 'list-id', 'pids', 'set'],
  rule: ['add', 'del', 'show', 'flush'],
};

/** Verbs below a subcommand, per command. */
const TREE: Record<string, Record<string, string[]>> = {
  ip: IP_OBJECTS,
  kubectl: {
    get: K8S_TYPES,
    describe: K8S_TYPES,
    delete: K8S_TYPES,
    create: ['deployment', 'service', 'namespace', 'configmap'],
    expose: ['deployment', 'service', 'pod', 'replicaset'],
    scale: ['deployment', 'replicaset'],
    rollout: ['status', 'restart', 'history', 'undo'],
    set: ['image', 'selector'],
  },
  docker: { network: ['ls', 'create', 'inspect', 'connect', 'disconnect', 'rm', 'prune'] },
  bridge: { link: ['show', 'set'], fdb: ['add', 'del', 'show', 'replace'] },
};

const IPTABLES_CHAINS = ['INPUT', 'FORWARD', 'OUTPUT', 'PREROUTING', 'POSTROUTING'];
const IPTABLES_TARGETS = ['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'LOG', 'DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'MARK'];
/** Argument values the descriptions do not list. */
const ARG_VALUES: Record<string, Record<string, string[]>> = {
  iptables: { '-A': IPTABLES_CHAINS, '-I': IPTABLES_CHAINS, '-D': IPTABLES_CHAINS, '-L': IPTABLES_CHAINS, '-S': IPTABLES_CHAINS, '-F': IPTABLES_CHAINS, '-P': IPTABLES_CHAINS, '-Z': IPTABLES_CHAINS, '-j': IPTABLES_TARGETS, '-p': ['tcp', 'udp', 'icmp', 'all'] },
  kubectl: { '-o': ['wide', 'yaml', 'json', 'name'], '--output': ['wide', 'yaml', 'json', 'name'] },
};

/** Every spelling of an option (`-t, --table` → `-t`, `--table`). */
export function optionNames(o: OptionSpec): string[] {
  return o.flag
    .split(/,\s*/)
    .map((f) => f.trim().split(/[\s=[]/)[0]!)
    .filter((f) => /^--?[\w-]/.test(f));
}

/** The simple words a description lists in parentheses: `(filter, nat, mangle, raw)`. */
export function listedValues(desc: string): string[] {
  for (const m of desc.matchAll(/\(([^()]+)\)/g)) {
    const parts = m[1]!.split(/,\s*/).map((s) => s.trim());
    if (parts.length >= 2 && parts.every((p) => /^[\w.-]+$/.test(p))) return parts;
  }
  return [];
}

/** The tree key a typed word names (`ip` objects may be abbreviated: `l` is link). */
function branch(tree: Record<string, string[]>, word: string): string[] | undefined {
  if (Object.hasOwn(tree, word)) return tree[word];
  const key = Object.keys(tree).find((k) => k.startsWith(word));
  return key && word.length > 0 ? tree[key] : undefined;
}

/**
 * Candidates for `word` after `args` (the words typed after the command
 * name), from `spec`; empty when the specs say nothing (files, then).
 */
export function specCandidates(spec: CommandSpec, args: string[], word: string): string[] {
  const opts = (spec.options ?? []).filter((o) => o.notSimulated === undefined);
  if (word.startsWith('-')) return opts.flatMap(optionNames);
  const prev = args[args.length - 1];
  if (prev?.startsWith('-')) {
    const extra = ARG_VALUES[spec.name]?.[prev];
    if (extra) return extra;
    const opt = opts.find((o) => o.arg && optionNames(o).includes(prev));
    if (opt) return listedValues(opt.desc);
  }
  // Operands (options and their arguments skipped).
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      const opt = opts.find((o) => optionNames(o).includes(a));
      if (opt?.arg && !opt.arg.startsWith('[')) i++;
      continue;
    }
    operands.push(a);
  }
  if (operands.length === 0) return spec.subcommands ?? [];
  const tree = TREE[spec.name];
  if (tree && operands.length === 1) return branch(tree, operands[0]!) ?? [];
  return [];
}
