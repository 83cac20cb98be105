// The awk lexer: program text to tokens (keywords, builtins, regex literals, newlines that end statements).


export type TT = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';
export interface Tok {
  t: TT;
  v: string;
  n?: number;
  line: number;
}

export const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);

/** How many arguments each builtin function takes (mawk 1.3.4). */
export const ARITY: Record<string, [number, number]> = Object.setPrototypeOf({
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 3], sub: [2, 3], gsub: [2, 3], match: [2, 2], sprintf: [1, Infinity],
  tolower: [1, 1], toupper: [1, 1], int: [1, 1], sqrt: [1, 1], exp: [1, 1], log: [1, 1], sin: [1, 1], cos: [1, 1], atan2: [2, 2],
  rand: [0, 0], srand: [0, 1], system: [1, 1], close: [1, 1], fflush: [0, 1],
}, null);
/** Builtins whose argument lists are part of mawk's grammar: a wrong count is a syntax error. */
export const GRAMMAR_ARGS = new Set(['split', 'sub', 'gsub', 'match']);

export class AwkSyntaxError extends Error {
  line: number;
  constructor(line: number, msg: string) {
    super(msg);
    this.line = line;
  }
}

const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '**', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

/** Does the token before make a `/` division (else it starts a regular expression)? */
function prevAllowsDiv(toks: Tok[]): boolean {
  const p = toks[toks.length - 1];
  if (!p) return false;
  if (p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'ere') return true;
  if (p.t === 'builtin' && p.v === 'length') return true;
  if (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--')) return p.v !== '$';
  return false;
}

/** The string constant whose opening quote is at `i`: its token and the index after it. */
function lexString(src: string, i: number, line: number): [Tok, number] {
  let s = '';
  i++;
  for (;;) {
    if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(line, 'runaway string constant "' + s.slice(0, 10) + ' ...');
    const ch = src[i++];
    if (ch === '"') break;
    if (ch === '\\') {
      const r = escape(src, i);
      s += r[0];
      i = r[1];
    } else s += ch;
  }
  return [{ t: 'str', v: s, line }, i];
}

/** The regular expression constant whose opening slash is at `i` (its text keeps escapes but `\/`). */
function lexRegex(src: string, i: number, line: number): [Tok, number] {
  let s = '';
  i++;
  for (;;) {
    if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError(line, 'runaway regular expression /' + s.slice(0, 10) + ' ...');
    const ch = src[i++];
    if (ch === '/') break;
    if (ch === '\\' && src[i] === '/') {
      s += '/';
      i++;
    } else if (ch === '\\') {
      s += ch + (src[i] ?? '');
      i++;
    } else s += ch;
  }
  return [{ t: 'ere', v: s, line }, i];
}

/** A number, a name (keyword, builtin, function or variable) or an operator at `i`: its token and the index after it. */
function lexWord(src: string, i: number, line: number): [Tok, number] {
  const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
  if (num) return [{ t: 'num', v: num[0], n: Number(num[0]), line }, i + num[0].length];
  const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 400));
  if (id) {
    const w = id[0];
    const end = i + w.length;
    if (KEYWORDS.has(w)) return [{ t: 'kw', v: w === 'func' ? 'function' : w, line }, end];
    if (BUILTINS.has(w)) return [{ t: 'builtin', v: w, line }, end];
    return [{ t: src[end] === '(' ? 'funcname' : 'name', v: w, line }, end];
  }
  const op = OPS.find((o) => src.startsWith(o, i));
  if (!op) throw new AwkSyntaxError(line, `syntax error at or near ${src[i]}`);
  return [{ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op, line }, i + op.length];
}

export function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '\n') {
      toks.push({ t: 'nl', v: '\n', line });
      line++;
      i++;
    } else {
      const [tok, next] = c === '"' ? lexString(src, i, line) : c === '/' && !prevAllowsDiv(toks) ? lexRegex(src, i, line) : lexWord(src, i, line);
      toks.push(tok);
      i = next;
    }
  }
  // mawk ends the program text with a newline of its own.
  if (!src.endsWith('\n')) toks.push({ t: 'nl', v: '\n', line: line++ });
  toks.push({ t: 'eof', v: '', line });
  return toks;
}

export function escape(src: string, i: number): [string, number] {
  const e = src[i];
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
  if (e === undefined) return ['\\', i];
  if (map[e] !== undefined) return [map[e], i + 1];
  const oct = /^[0-7]{1,3}/.exec(src.slice(i, i + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + oct[0].length];
  return ['\\' + e, i + 1];
}

// ---------------------------------------------------------------- AST
