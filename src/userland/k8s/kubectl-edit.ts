// kubectl edit, as kubectl/pkg/cmd/util/editor (editoptions.go, editor.go)
// runs it: the object is written as YAML (or JSON with -o json) under a
// commented header to /tmp/kubectl-edit-XXXXX.yaml; the editor named by
// $KUBE_EDITOR, else $EDITOR, else `vi` is started with the file's path (a
// command with spaces is split on them, one with quotes or backslashes goes
// to `$SHELL -c` (default /bin/bash) with the path appended, quoted); the
// saved file is compared with what was written (comments stripped), and the
// changes go to the server as a strategic merge. An invalid change reopens
// the file with the server's reasons in the header; saving it unchanged
// gives up and keeps the copy. Whatever program the editor is (vi, nano,
// sed -i …) runs as an ordinary child process of kubectl.

import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { ApiError, RESOURCE, namespaced, type KObject, type KubeClient } from '../../k8s/client.ts';
import { parseYamlDocuments, toYaml } from '../../k8s/yaml.ts';
import { sameJson, threeWayMerge } from '../../k8s/strategic-merge.ts';
import { hostOf } from '../coreutils/host.ts';
import { kernelOf } from '../lib/sys.ts';
import { declareNotSimulated } from '../registry.ts';
import { UsageError, NotSimulatedFlag, type Args } from './kubectl-flags.ts';
import { notFound, ref, targets } from './kubectl.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** The header with the reasons the file was reopened (editHeader.writeTo). */
function header(reasons: Reason[]): string {
  let s = HEADER;
  for (const r of reasons) {
    s += r.other.length ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) s += `# * ${o}\n`;
    s += '#\n';
  }
  return s;
}

/** Lines that are comments dropped (cmdutil.ManualStrip). */
function manualStrip(text: string): string {
  const lines = text.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    out += line;
    if (i < lines.length - 1) out += '\n';
  });
  return out;
}

/** cmdutil.StripComments: the document as JSON when it parses, else the text without comment lines. */
async function stripComments(text: string): Promise<string> {
  try {
    return JSON.stringify(await parseYamlDocuments(text));
  } catch {
    return manualStrip(text);
  }
}

/** Whether some line is neither blank nor a comment (hasLines). */
const hasLines = (text: string): boolean => text.split('\n').some((l) => l.trim() !== '' && !l.trim().startsWith('#'));

/** Go's %q of a path. */
const goQuote = (s: string): string => JSON.stringify(s);

/** The editor's command line for a file (defaultEnvEditor + Editor.args). */
export function editorArgs(env: Record<string, string>, path: string): { args: string[]; shown: string } {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  let args: string[];
  let shell = false;
  if (!editor.includes(' ')) args = [editor];
  else if (!/["'\\]/.test(editor)) args = editor.split(' ');
  else {
    args = [env.SHELL || '/bin/bash', '-c', editor];
    shell = true;
  }
  const shown = args.join(' ');
  if (shell) args = [...args.slice(0, -1), `${args[args.length - 1]} ${goQuote(path)}`];
  else args = [...args, path];
  return { args, shown };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

declareNotSimulated({ tool: 'kubectl', kind: 'subcommand', item: 'edit of several objects at once (a List)', why: 'one object per edit: kubectl edit TYPE NAME' });
declareNotSimulated({ tool: 'kubectl', kind: 'option', item: 'edit -o (other than yaml or json)', why: 'the editor gets YAML or JSON, as kubectl allows' });

/** `kubectl edit TYPE NAME` / `TYPE/NAME`. */
export async function edit(p: Process, api: KubeClient, a: Args): Promise<number> {
  if (a.flags.has('filename')) throw new NotSimulatedFlag('edit --filename');
  const format = a.output ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new NotSimulatedFlag(`edit -o ${format}`);
  if (!a.pos.length) throw new UsageError("error: you must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  const ts = targets(a.pos);
  if (ts.length !== 1 || ts[0].names.length !== 1) throw new NotSimulatedFlag('edit of several objects at once (a List)');
  const { kind, names } = ts[0];
  const name = names[0];
  const ns = namespaced(kind) ? a.ns : undefined;
  const first = api.get(kind, ns, name);
  if (!first) return notFound(p, new ApiError(404, 'NotFound', `${RESOURCE[kind]?.group ? `${RESOURCE[kind].plural}.${RESOURCE[kind].group}` : RESOURCE[kind]?.plural ?? kind} "${name}" not found`));
  const resource = RESOURCE[kind]?.group ? `${RESOURCE[kind].plural}.${RESOURCE[kind].group}` : RESOURCE[kind]?.plural ?? kind.toLowerCase();
  const vfs = hostOf(p).vfs;
  // os.CreateTemp's random name: the randomness of the host kubectl runs on.
  const rng = kernelOf(p).rng;
  const ctx = p.vfsCtx();
  const json = format === 'json';
  const ext = json ? '.json' : '.yaml';
  const printObj = (o: KObject): string => (json ? JSON.stringify(o, null, 4) + '\n' : toYaml(o));
  const original = structuredClone(first);
  const originalText = (json ? '' : HEADER) + printObj(original);

  /** A copy's notice then the error, as preservedFile + CheckErr print them. */
  const fail = (msg: string, file: string): number => {
    if (file && vfs.tryLookup(file, ctx)) p.stderr.write(`A copy of your changes has been stored to ${goQuote(file)}\n`);
    p.stderr.write(`error: ${msg}\n`);
    return 1;
  };
  const tempFile = (content: string): string => {
    for (let i = 0; i < 10000; i++) {
      let s = '';
      for (let j = 0; j < 5; j++) s += LETTERS[rng.int(0, LETTERS.length - 1)];
      const path = `/tmp/kubectl-edit-${s}${ext}`;
      if (vfs.tryLookup(path, ctx)) continue;
      vfs.writeFile(path, content, ctx);
      const node = vfs.tryLookup(path, ctx);
      if (node && 'mode' in node) (node as { mode: number }).mode = 0o600;
      return path;
    }
    throw new KernelError('EEXIST');
  };

  let reasons: Reason[] = [];
  let resultsFile = '';
  let containsError = false;
  let edited = '';
  for (let round = 0; round < 100; round++) {
    if (p.interrupted) return 130;
    const buf = (json ? '' : header(reasons)) + (containsError ? manualStrip(edited) : printObj(original));
    const editedDiff = edited;
    let file: string;
    try {
      file = tempFile(buf);
    } catch (e) {
      return fail((e as Error).message, resultsFile);
    }
    const { args, shown } = editorArgs(p.env, file);
    try {
      const code = await p.exec(p, args);
      if (code !== 0) return fail(`there was a problem with the editor ${goQuote(shown)}`, resultsFile);
    } catch (e) {
      if (e instanceof KernelError && e.errno === 'ENOENT') return fail(`unable to launch the editor ${goQuote(shown)}`, resultsFile);
      return fail(`there was a problem with the editor ${goQuote(shown)}`, resultsFile);
    }
    try {
      edited = vfs.readFile(file, ctx);
    } catch (e) {
      return fail(`open ${file}: ${e instanceof KernelError ? e.message.toLowerCase() : 'no such file or directory'}`, resultsFile);
    }
    if (containsError && (await stripComments(editedDiff)) === (await stripComments(edited))) return fail('Edit cancelled, no valid changes were saved.', file);
    if (resultsFile) {
      try {
        vfs.unlink(resultsFile, ctx);
      } catch {
        /* already gone */
      }
    }
    if ((await stripComments(originalText)) === (await stripComments(edited))) {
      vfs.unlink(file, ctx);
      p.stderr.write('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      vfs.unlink(file, ctx);
      p.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    resultsFile = file;
    reasons = [];
    let docs: unknown[];
    try {
      docs = await parseYamlDocuments(edited);
    } catch (e) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] });
      continue;
    }
    containsError = false;
    const next = docs.find((d) => d && typeof d === 'object') as KObject | undefined;
    if (!next) {
      vfs.unlink(file, ctx);
      p.stderr.write('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    if (next.apiVersion !== original.apiVersion || next.kind !== original.kind || next.metadata?.name !== original.metadata.name) return fail('At least one of apiVersion, kind and name was changed', resultsFile);
    if (sameJson(next, original)) {
      p.stdout.write(`${ref(kind, name)} skipped\n`);
      vfs.unlink(file, ctx);
      return 0;
    }
    const live = api.get(kind, ns, name);
    if (!live) {
      p.stderr.write(`error: ${resource} ${goQuote(name)} could not be found on the server\n`);
      p.stderr.write(`The edits you made on deleted resources have been saved to ${goQuote(file)}\n`);
      return 1;
    }
    const merged = threeWayMerge(kind, original, next, live) as KObject;
    // Status is a subresource and the server keeps its own metadata.
    merged.status = structuredClone(live.status);
    for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'namespace'] as const) if (live.metadata[k] !== undefined) (merged.metadata as unknown as Record<string, unknown>)[k] = live.metadata[k];
    try {
      api.update(merged);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'Invalid') {
        p.stderr.write(`error: ${resource} ${goQuote(name)} is invalid\n`);
        reasons.push({ head: `${resource} ${goQuote(name)} was not valid`, other: [e.message.replace(/^The \S+ "[^"]*" is invalid: /, '')] });
        containsError = true;
        continue;
      }
      if (e.reason === 'NotFound') {
        p.stderr.write(`error: ${resource} ${goQuote(name)} could not be found on the server\n`);
        p.stderr.write(`The edits you made on deleted resources have been saved to ${goQuote(file)}\n`);
        return 1;
      }
      p.stderr.write(`error: ${resource} ${goQuote(name)} could not be patched: ${e.message}\n`);
      p.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
      return 1;
    }
    p.stdout.write(`${ref(kind, name)} edited\n`);
    vfs.unlink(file, ctx);
    return 0;
  }
  return fail('Edit cancelled, no valid changes were saved.', resultsFile);
}
