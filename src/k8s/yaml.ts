// The YAML that Kubernetes manifests use: block mappings and sequences,
// flow [] and {}, plain/quoted scalars, `|` literal blocks, comments and
// `---` document separators. Emits as kubectl -o yaml does (sigs.k8s.io/yaml
// over encoding/json: keys sorted, two-space indent, list items at the
// parent's indentation, strings quoted only when they would read as
// something else).

/** A parse failure with the line it happened on. */
export class YamlError extends Error {
  readonly line: number;
  constructor(line: number, msg: string) {
    super(`error converting YAML to JSON: yaml: line ${line}: ${msg}`);
    this.line = line;
  }
}

type Line = { indent: number; text: string; no: number; raw?: string };

function scalar(s: string, no: number): unknown {
  const t = s.trim();
  if (t === '' || t === '~' || t === 'null') return t === '' ? null : null;
  if (t.startsWith('"')) {
    if (!t.endsWith('"') || t.length < 2) throw new YamlError(no, 'found unexpected end of stream');
    return JSON.parse(t);
  }
  if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  if (t.startsWith('[') || t.startsWith('{')) return flow(t, no);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d+\.\d+$/.test(t)) return Number(t);
  return t;
}

function flow(t: string, no: number): unknown {
  let i = 0;
  const ws = (): void => {
    while (i < t.length && /\s/.test(t[i])) i++;
  };
  const val = (): unknown => {
    ws();
    if (t[i] === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (t[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(val());
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') {
          i++;
          return a;
        } else throw new YamlError(no, "did not find expected ',' or ']'");
      }
    }
    if (t[i] === '{') {
      i++;
      const o: Record<string, unknown> = {};
      ws();
      if (t[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        let k = '';
        while (i < t.length && t[i] !== ':') k += t[i++];
        i++;
        o[String(scalar(k, no))] = val();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') {
          i++;
          return o;
        } else throw new YamlError(no, "did not find expected ',' or '}'");
      }
    }
    let s = '';
    if (t[i] === '"' || t[i] === "'") {
      const q = t[i];
      s += t[i++];
      while (i < t.length && t[i] !== q) s += t[i++];
      s += t[i++];
    } else while (i < t.length && !/[,\]}]/.test(t[i])) s += t[i++];
    return scalar(s, no);
  };
  return val();
}

/** Split `key: value` (a colon followed by space or end), honouring quotes. */
function splitKey(text: string): [string, string] | undefined {
  let q = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === q) q = '';
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return undefined;
    else if (c === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return [text.slice(0, i).trim(), text.slice(i + 1).trim()];
  }
  return undefined;
}

function stripComment(s: string): string {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

function parseBlock(lines: Line[], pos: { i: number }, indent: number): unknown {
  const first = lines[pos.i];
  if (!first) return null;
  if (first.text.startsWith('- ') || first.text === '-') {
    const arr: unknown[] = [];
    while (pos.i < lines.length && lines[pos.i].indent === indent && (lines[pos.i].text.startsWith('- ') || lines[pos.i].text === '-')) {
      const l = lines[pos.i];
      const rest = l.text === '-' ? '' : l.text.slice(2);
      if (rest.trim() === '') {
        pos.i++;
        arr.push(pos.i < lines.length && lines[pos.i].indent > indent ? parseBlock(lines, pos, lines[pos.i].indent) : null);
        continue;
      }
      // "- key: value" starts a mapping indented at the item's content column.
      const innerIndent = indent + 2 + (rest.length - rest.trimStart().length);
      lines[pos.i] = { indent: innerIndent, text: rest.trimStart(), no: l.no, raw: rest.trimStart() };
      if (splitKey(rest.trimStart())) arr.push(parseBlock(lines, pos, innerIndent));
      else {
        arr.push(scalar(rest, l.no));
        pos.i++;
      }
    }
    return arr;
  }
  const obj: Record<string, unknown> = {};
  while (pos.i < lines.length && lines[pos.i].indent === indent) {
    const l = lines[pos.i];
    const kv = splitKey(l.text);
    if (!kv) throw new YamlError(l.no, 'could not find expected \':\'');
    const key = String(scalar(kv[0], l.no));
    pos.i++;
    if (kv[1] === '|' || kv[1] === '|-' || kv[1] === '>') {
      const out: string[] = [];
      let blockIndent = -1;
      while (pos.i < lines.length && (lines[pos.i].indent > indent || lines[pos.i].text === '')) {
        const b = lines[pos.i];
        if (blockIndent < 0) blockIndent = b.indent;
        out.push(' '.repeat(Math.max(0, b.indent - blockIndent)) + b.raw);
        pos.i++;
      }
      obj[key] = out.join('\n') + (kv[1] === '|-' ? '' : '\n');
    } else if (kv[1] !== '') obj[key] = scalar(kv[1], l.no);
    else if (pos.i < lines.length && (lines[pos.i].indent > indent || (lines[pos.i].indent === indent && lines[pos.i].text.startsWith('- ')))) obj[key] = parseBlock(lines, pos, lines[pos.i].indent);
    else obj[key] = null;
  }
  if (pos.i < lines.length && lines[pos.i].indent > indent) throw new YamlError(lines[pos.i].no, 'mapping values are not allowed in this context');
  return obj;
}

/** Parse a stream of YAML documents (empty documents dropped). */
export function parseYamlDocuments(text: string): unknown[] {
  const docs: unknown[] = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/^---\s*$/m)) {
    const lines: (Line & { raw: string })[] = [];
    chunk.split('\n').forEach((raw, idx) => {
      const no = idx + 1;
      const s = stripComment(raw);
      if (!s.trim()) return;
      if (/^\t/.test(raw)) throw new YamlError(no, 'found character that cannot start any token');
      const indent = s.length - s.trimStart().length;
      lines.push({ indent, text: s.trim(), no, raw: raw.trim() });
    });
    if (!lines.length) continue;
    const pos = { i: 0 };
    docs.push(parseBlock(lines as unknown as Line[], pos, lines[0].indent));
  }
  return docs;
}

/** Quote a string when plain style would change its meaning. */
function emitString(s: string): string {
  if (s === '' || /^(true|false|null|yes|no|on|off|~|-?\d+(\.\d+)?)$/i.test(s) || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#|\s$|\n/.test(s)) return JSON.stringify(s);
  return s;
}

/** YAML of a JSON-like value, keys sorted, as kubectl -o yaml prints it. */
export function toYaml(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (!v.length) return '[]\n';
    return v
      .map((x) => {
        if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length) {
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
