// The Go text/template subset `docker inspect -f` and `--format` use, over
// the inspect JSON: `{{.A.B}}`, `{{range .X}}...{{end}}` (over arrays and
// map values, rebinding `.`), `{{json .X}}`, `{{index .X "k"}}`, `{{if .X}}
// ...{{else}}...{{end}}`, `{{println ...}}`, literal text. A missing key is
// an error, as in docker/cli's raw-JSON fallback (missingkey=error).

/** A template error (the CLI prints `template parsing error: ...`). */
export class TemplateError extends Error {}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; expr: string; pos: number }
  | { kind: 'range'; expr: string; pos: number; body: Node[]; alt: Node[] }
  | { kind: 'if'; expr: string; pos: number; body: Node[]; alt: Node[] };

function parse(src: string): Node[] {
  const tokens: { text?: string; action?: string; pos: number }[] = [];
  let i = 0;
  while (i < src.length) {
    const j = src.indexOf('{{', i);
    if (j < 0) {
      tokens.push({ text: src.slice(i), pos: i });
      break;
    }
    if (j > i) tokens.push({ text: src.slice(i, j), pos: i });
    const k = src.indexOf('}}', j + 2);
    if (k < 0) throw new TemplateError(`template: :1: unclosed action`);
    let inner = src.slice(j + 2, k);
    let pos = j + 2;
    if (inner.startsWith('-')) {
      inner = inner.slice(1);
      pos++;
    }
    if (inner.endsWith('-')) inner = inner.slice(0, -1);
    const lead = inner.length - inner.trimStart().length;
    tokens.push({ action: inner.trim(), pos: pos + lead });
    i = k + 2;
  }
  let t = 0;
  const block = (stop: string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (t < tokens.length) {
      const tok = tokens[t++];
      if (tok.text !== undefined) {
        nodes.push({ kind: 'text', text: tok.text });
        continue;
      }
      const a = tok.action!;
      const word = a.split(/\s+/)[0];
      if (stop.includes(word)) return { nodes, end: word };
      if (word === 'range' || word === 'if') {
        const body = block(['end', 'else']);
        let alt: Node[] = [];
        if (body.end === 'else') alt = block(['end']).nodes;
        nodes.push({ kind: word, expr: a.slice(word.length).trim(), pos: tok.pos + word.length + 1, body: body.nodes, alt });
        continue;
      }
      if (word === 'end' || word === 'else') throw new TemplateError(`template: :1: unexpected {{${word}}}`);
      nodes.push({ kind: 'action', expr: a, pos: tok.pos });
    }
    if (stop.length) throw new TemplateError(`template: :1: unexpected EOF`);
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

function splitArgs(expr: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expr))) out.push(m[1] !== undefined ? JSON.stringify(JSON.parse(`"${m[1]}"`)) : m[2]);
  return out;
}

/** Go's fmt %v of a decoded JSON value. */
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object).sort();
    return `map[${keys.map((k) => `${k}:${goPrint((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

/** Execute `src` against `data`. Throws TemplateError with Go's message shape. */
export function execTemplate(src: string, data: unknown): string {
  const nodes = parse(src);
  const evalArg = (arg: string, dot: unknown, pos: number): unknown => {
    if (arg.startsWith('"')) return JSON.parse(arg);
    if (/^-?\d+$/.test(arg)) return Number(arg);
    if (arg === '.') return dot;
    if (arg.startsWith('.')) {
      let v: unknown = dot;
      for (const f of arg.slice(1).split('.')) {
        if (v === null || v === undefined) throw new TemplateError(`template: :1:${pos}: executing "" at <${arg}>: nil pointer evaluating interface {}.${f}`);
        if (typeof v !== 'object' || Array.isArray(v)) throw new TemplateError(`template: :1:${pos}: executing "" at <${arg}>: can't evaluate field ${f} in type ${Array.isArray(v) ? '[]interface {}' : typeof v === 'string' ? 'string' : 'interface {}'}`);
        if (!(f in (v as object))) throw new TemplateError(`template: :1:${pos}: executing "" at <${arg}>: map has no entry for key "${f}"`);
        v = (v as Record<string, unknown>)[f];
      }
      return v;
    }
    throw new TemplateError(`template: :1: function "${arg}" not defined`);
  };
  const evalExpr = (expr: string, dot: unknown, pos: number): unknown => {
    const args = splitArgs(expr);
    const fn = args[0];
    if (fn === 'json') return JSON.stringify(evalArg(args[1] ?? '.', dot, pos + 5));
    if (fn === 'index') {
      let v = evalArg(args[1], dot, pos + 6);
      for (const k of args.slice(2)) {
        const key = evalArg(k, dot, pos);
        v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(key)] : undefined;
      }
      return v ?? null;
    }
    if (fn === 'println') return args.slice(1).map((a) => goPrint(evalArg(a, dot, pos))).join(' ') + '\n';
    if (fn === 'print') return args.slice(1).map((a) => goPrint(evalArg(a, dot, pos))).join('');
    if (fn === 'upper' || fn === 'lower') {
      const s = String(evalArg(args[1], dot, pos));
      return fn === 'upper' ? s.toUpperCase() : s.toLowerCase();
    }
    if (fn === 'join') return (evalArg(args[1], dot, pos) as unknown[]).map(goPrint).join(String(evalArg(args[2], dot, pos)));
    if (args.length > 1) throw new TemplateError(`template: :1:${pos}: executing "" at <${fn}>: ${fn} is not a method but has arguments`);
    return evalArg(fn, dot, pos);
  };
  const run = (ns: Node[], dot: unknown): string => {
    let out = '';
    for (const n of ns) {
      if (n.kind === 'text') out += n.text;
      else if (n.kind === 'action') {
        const v = evalExpr(n.expr, dot, n.pos);
        out += typeof v === 'string' ? v : goPrint(v);
      } else if (n.kind === 'if') out += truthy(evalExpr(n.expr, dot, n.pos)) ? run(n.body, dot) : run(n.alt, dot);
      else {
        const m = /^(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*(.*)$/.exec(n.expr);
        const v = evalExpr(m ? m[3] : n.expr, dot, n.pos);
        const items: unknown[] = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.keys(v as object).sort().map((k) => (v as Record<string, unknown>)[k]) : [];
        if (!items.length) out += run(n.alt, dot);
        for (const it of items) out += run(n.body, it);
      }
    }
    return out;
  };
  return run(nodes, data);
}
