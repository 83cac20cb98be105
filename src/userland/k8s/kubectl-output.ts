// kubectl's generic printers (-o): json, yaml, name, jsonpath,
// jsonpath-as-json, jsonpath-file and --template, custom-columns and
// custom-columns-file (cli-runtime pkg/printers and kubectl's
// get/customcolumn.go), with their error texts. go-template is refused as
// not simulated. The object handed to a printer is what `kubectl get`
// builds: the object itself when one was named, else a v1 List.

import { JsonPath, JsonPathError, goSharpV, goV, goJson, relaxedJsonPath } from './jsonpath.ts';
import { UsageError } from './kubectl-flags.ts';
import { toYaml } from '../../k8s/yaml.ts';

/** The -o values `kubectl get` accepts (the allowed list of its error). */
export const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

/** A printer: prints one object (a List or a single item). */
export type Printer = (obj: unknown) => string;

/** Thrown when the printer refuses a format the simulation does not model. */
export class NotSimulatedFormat extends Error {}

/** text/tabwriter as kubectl's printers configure it (minwidth 6, padding 3). */
function tabwrite(rows: string[][]): string {
  const w: number[] = [];
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(6, w[i] + 3)))).join('').trimEnd() + '\n').join('');
}

function parseJsonPath(tmpl: string): JsonPath {
  try {
    const j = new JsonPath(tmpl);
    j.allowMissingKeys = true;
    return j;
  } catch (e) {
    if (e instanceof JsonPathError) throw new UsageError(`error: error parsing jsonpath ${tmpl}, ${e.message}`);
    throw e;
  }
}

/** JSONPathPrinter.PrintObj: execution errors carry the template and a dump of the object. */
function jsonPathPrinter(tmpl: string, asJson: boolean): Printer {
  const j = parseJsonPath(tmpl);
  return (obj) => {
    try {
      return j.execute(obj, asJson);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      throw new UsageError(`error: error executing jsonpath ${JSON.stringify(tmpl)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${tmpl}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`);
    }
  };
}

interface Column {
  header: string;
  path: JsonPath;
}

function customColumns(cols: Column[], noHeaders: boolean): Printer {
  return (obj) => {
    const o = obj as { kind?: string; items?: unknown[] };
    const items = o.kind === 'List' && Array.isArray(o.items) ? o.items : [obj];
    const rows: string[][] = noHeaders ? [] : [cols.map((c) => c.header)];
    for (const it of items) {
      rows.push(
        cols.map((c) => {
          const rs = c.path.findResults(it);
          if (!rs.length || !rs[0].length) return '<none>';
          return rs.flat().map((v) => (v !== null && typeof v === 'object' ? goV(v) : goV(v))).join(',');
        }),
      );
    }
    return rows.length ? tabwrite(rows) : '';
  };
}

function columnPath(expr: string): JsonPath {
  let spec: string;
  try {
    spec = relaxedJsonPath(expr);
  } catch (e) {
    throw new UsageError(`error: ${(e as Error).message}`);
  }
  try {
    const j = new JsonPath(spec);
    j.allowMissingKeys = true;
    return j;
  } catch (e) {
    throw new UsageError(`error: ${(e as Error).message}`);
  }
}

/**
 * The printer for `-o FORMAT[=ARG]` (and --template), or undefined for the
 * human-readable table (no -o, `-o wide`). `read` reads a file for the
 * *-file formats (undefined when it does not exist).
 */
export function printerFor(output: string | undefined, template: string | undefined, noHeaders: boolean, read: (path: string) => string | undefined): Printer | undefined {
  if (output === undefined && template !== undefined) output = 'jsonpath';
  if (output === undefined || output === 'wide' || output === '') return undefined;
  const eq = output.indexOf('=');
  const format = eq < 0 ? output : output.slice(0, eq);
  let arg = eq < 0 ? template ?? '' : output.slice(eq + 1);
  switch (format) {
    case 'json':
      return (obj) => JSON.stringify(obj, null, 4) + '\n';
    case 'yaml':
      return (obj) => toYaml(obj);
    case 'name':
      return undefined;
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (!arg) throw new UsageError('error: template format specified but no template given');
      if (format === 'jsonpath-file') {
        const t = read(arg);
        if (t === undefined) throw new UsageError(`error: error reading --template ${arg}, open ${arg}: no such file or directory`);
        arg = t;
      }
      return jsonPathPrinter(arg, format === 'jsonpath-as-json');
    }
    case 'custom-columns': {
      if (!arg) throw new UsageError('error: custom-columns format specified but no custom columns given');
      const cols = arg.split(',').map((part) => {
        const i = part.indexOf(':');
        if (i < 0) throw new UsageError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
        return { header: part.slice(0, i), path: columnPath(part.slice(i + 1)) };
      });
      return customColumns(cols, noHeaders);
    }
    case 'custom-columns-file': {
      const t = read(arg);
      if (t === undefined) throw new UsageError(`error: open ${arg}: no such file or directory`);
      const lines = t.split('\n');
      if (lines.length < 1 || !lines[0].trim()) throw new UsageError('error: invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
      if (lines.length < 2 || !lines[1].trim()) throw new UsageError('error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
      const heads = lines[0].trim().split(/\s+/);
      const specs = lines[1].trim().split(/\s+/);
      if (heads.length !== specs.length) throw new UsageError(`error: number of headers (${heads.length}) and field specifications (${specs.length}) don't match`);
      return customColumns(heads.map((h, i) => ({ header: h, path: columnPath(specs[i]) })), noHeaders);
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
      throw new NotSimulatedFormat(`-o ${format}`);
    default:
      throw new UsageError(`error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`);
  }
}

/** --sort-by: order objects by a JSONPath field (numbers numerically, strings by code point). */
export function sortBy(objs: unknown[], expr: string): unknown[] {
  const j = parseJsonPath(relaxedJsonPath(expr));
  const key = (o: unknown): unknown => {
    try {
      return j.findResults(o).flat()[0];
    } catch {
      return undefined;
    }
  };
  const keyed = objs.map((o) => ({ o, k: key(o) }));
  keyed.sort((x, y) => {
    if (x.k === undefined || y.k === undefined) return x.k === undefined ? (y.k === undefined ? 0 : -1) : 1;
    if (typeof x.k === 'number' && typeof y.k === 'number') return x.k - y.k;
    const a = typeof x.k === 'object' ? goJson(x.k) : String(x.k);
    const b = typeof y.k === 'object' ? goJson(y.k) : String(y.k);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return keyed.map((x) => x.o);
}
