// The YAML of Kubernetes manifests. Parsing is the `yaml` package in YAML
// 1.1 mode, as kubectl reads manifests (go-yaml v2 under sigs.k8s.io/yaml):
// `|` keeps comments and blank lines, `>` folds, anchors, aliases and `<<`
// merge keys work, yes/no/on/off are booleans. The package is loaded on the
// first manifest read (a dynamic import, its own chunk). Emitting is ours,
// as kubectl -o yaml prints (sigs.k8s.io/yaml over encoding/json: keys
// sorted, two-space indent, list items at the parent's indentation,
// strings quoted only when they would read as something else).

import { holdClock } from '../world/driver.ts';

/** A parse failure with the line it happened on. */
export class YamlError extends Error {
  readonly line: number;
  constructor(line: number, msg: string) {
    super(`error converting YAML to JSON: yaml: line ${line}: ${msg}`);
    this.line = line;
  }
}

/** go-yaml's wording for the `yaml` package's error codes (others: its generic one). */
const GO_YAML: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'found character that cannot start any token',
  BAD_INDENT: 'mapping values are not allowed in this context',
  MULTILINE_IMPLICIT_KEY: 'could not find expected \':\'',
  BAD_DQ_ESCAPE: 'found unknown escape character',
  BAD_ALIAS: 'unknown anchor referenced',
};

type YamlModule = typeof import('yaml');
let yamlModule: Promise<YamlModule> | undefined;

/** Lines that separate documents, as kubectl's reader splits a stream ("---", then only a comment). */
const SEPARATOR = /^---[ \t]*(?:#.*)?$/gm;

/**
 * Parse a stream of YAML documents (empty documents dropped). Each document
 * is parsed on its own, so error lines count from its start, as kubectl's.
 */
export async function parseYamlDocuments(text: string): Promise<unknown[]> {
  const YAML = await (yamlModule ??= holdClock(import('yaml')));
  // The `yaml` package's YAML 1.1 schema also reads timestamps (as dates) and
  // base-60 numbers (`8080:80`); go-yaml v2 under kubectl reads both as strings.
  const customTags = (tags: import('yaml').Tags): import('yaml').Tags => tags.filter((t) => !(typeof t === 'object' && (t.tag === 'tag:yaml.org,2002:timestamp' || ('format' in t && t.format === 'TIME'))));
  const docs: unknown[] = [];
  const chunks = text.replace(/\r\n/g, '\n').split(SEPARATOR);
  for (const [i, whole] of chunks.entries()) {
    // A document starts on the line after its separator.
    const chunk = i > 0 ? whole.replace(/^\n/, '') : whole;
    if (!chunk.trim()) continue;
    const doc = YAML.parseDocument(chunk, { version: '1.1', merge: true, uniqueKeys: false, customTags, prettyErrors: false });
    const e = doc.errors[0];
    if (e) {
      const line = e.linePos?.[0].line ?? 1 + (chunk.slice(0, e.pos[0]).match(/\n/g)?.length ?? 0);
      throw new YamlError(line, GO_YAML[e.code] ?? 'did not find expected key');
    }
    let v: unknown;
    try {
      v = doc.toJS({ maxAliasCount: 100 });
    } catch {
      throw new YamlError(1, 'document contains excessive aliasing');
    }
    if (v !== null && v !== undefined) docs.push(v);
  }
  return docs;
}

/**
 * Plain scalars YAML 1.1 reads as something other than a string: bools,
 * null, numbers, timestamps, merge (go-yaml v2's table, plus the `yaml`
 * package's wider float pattern, which reads `E0` or `.` as a number).
 */
const NOT_A_STRING = /^(?:y|n|yes|no|true|false|on|off|null|~|<<|=)$|^[-+]?(?:\.?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0b[01_]+|\.inf)$|^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$|^\.nan$|^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/i;

/** Quote a string when plain style would change its meaning. */
function emitString(s: string): string {
  if (s === '' || NOT_A_STRING.test(s) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |:$|\s#|\s$|\n|[\x00-\x08\x0b-\x1f\x7f]/.test(s)) return JSON.stringify(s);
  return s;
}

/** YAML of a JSON-like value, keys sorted, as kubectl -o yaml prints it. */
export function toYaml(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (!v.length) return '[]\n';
    return v
      .map((x) => {
        // A non-empty mapping or list item starts on the dash's line (`- - 1` for a list in a list).
        if (x && typeof x === 'object' && (Array.isArray(x) ? x.length : Object.keys(x).length)) {
          const inner = toYaml(x, indent + 2);
          return `${pad}- ${inner.slice(indent + 2)}`;
        }
        return `${pad}- ${scalarOut(x, indent + 2).trimStart()}`;
      })
      .join('');
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    if (!keys.length) return '{}\n';
    return keys
      .map((k) => {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) return '';
        if (Array.isArray(x) && x.length) return `${pad}${emitString(k)}:\n${toYaml(x, indent)}`;
        if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length) return `${pad}${emitString(k)}:\n${toYaml(x, indent + 2)}`;
        return `${pad}${emitString(k)}: ${scalarOut(x, indent + 2).trimStart()}`;
      })
      .join('');
  }
  return scalarOut(v, indent);
}

function scalarOut(x: unknown, _indent: number): string {
  if (x === null) return 'null\n';
  if (Array.isArray(x)) return '[]\n';
  if (typeof x === 'object') return '{}\n';
  if (typeof x === 'string') return emitString(x) + '\n';
  return String(x) + '\n';
}
