// Shell arithmetic ($(( ... ))): 64-bit-ish integer expressions with C
// operators, variables, assignment and ++/--. Evaluation is bounded by the
// expression length and a recursion limit.

/** An arithmetic error; bash prints `EXPR: MESSAGE (error token is "TOK")`. */
export class ArithError extends Error {}

/** Variable access for arithmetic. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** A token and where it starts in the source (bash's error token is the source from there). */
type Tok = ({ t: 'num'; v: bigint } | { t: 'name'; v: string } | { t: 'op'; v: string }) & { at: number };

const OPS3 = ['<<=', '>>='];
const OPS2 = ['**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^='];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i))!;
      const s = m[0];
      let v: bigint;
      if (/^0[xX]/.test(s)) v = BigInt(s);
      else if (s.includes('#')) {
        const [b, digits] = s.split('#');
        v = BigInt(parseInt(digits, Number(b)) || 0);
      } else if (s.length > 1 && s[0] === '0') {
        if (/[89]/.test(s)) throw new ArithError(`value too great for base (error token is "${s}")`);
        v = BigInt('0o' + s.slice(1));
      } else v = BigInt(s);
      if (/[A-Za-z_]/.test(src[i + s.length] ?? '')) throw new ArithError(`value too great for base (error token is "${src.slice(i)}")`);
      out.push({ t: 'num', v, at: i });
      i += s.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'name', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op3 = OPS3.find((o) => src.startsWith(o, i));
    const op2 = op3 ?? OPS2.find((o) => src.startsWith(o, i));
    const op = op2 ?? c;
    if (!op2 && !'+-*/%<>=!~&|^?:(),'.includes(c)) throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ t: 'op', v: op, at: i });
    i += op.length;
  }
  return out;
}

const WRAP = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Evaluate an arithmetic expression (already parameter-expanded). */
export function evalArith(src: string, vars: ArithVars): bigint {
  if (src.trim() === '') return 0n;
  const toks = tokenize(src);
  let i = 0;
  let depth = 0;
  const peek = (): Tok | undefined => toks[i];
  const isOp = (v: string): boolean => {
    const t = toks[i];
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  // The source from the token being read (from the last one at the end), as bash reports it.
  const rest = (): string => {
    const t = toks[Math.min(i, toks.length - 1)];
    return t ? src.slice(t.at) : '';
  };
  const varValue = (name: string): bigint => {
    const s = vars.get(name);
    if (s === undefined || s.trim() === '') return 0n;
    if (++depth > 50) throw new ArithError('expression recursion level exceeded');
    try {
      return evalArith(s, vars);
    } finally {
      depth--;
    }
  };

  // Each level returns a value; names are resolved lazily for assignment.
  const assign = (): bigint => {
    const t = peek();
    const n = toks[i + 1];
    if (t && t.t === 'name' && n && n.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='].includes(n.v)) {
      i += 2;
      const rhs = assign();
      let v = rhs;
      if (n.v !== '=') v = binop(n.v.slice(0, -1), varValue(t.v), rhs);
      vars.set(t.v, WRAP(v).toString());
      return WRAP(v);
    }
    return ternary();
  };
  const ternary = (): bigint => {
    const c = binary(0);
    if (isOp('?')) {
      i++;
      const a = assign();
      if (!isOp(':')) throw new ArithError(`syntax error in expression (error token is "${rest()}")`);
      i++;
      const b = assign();
      return c !== 0n ? a : b;
    }
    return c;
  };
  const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const binary = (lvl: number): bigint => {
    if (lvl >= LEVELS.length) return power();
    let v = binary(lvl + 1);
    for (;;) {
      const t = peek();
      if (t && t.t === 'op' && LEVELS[lvl].includes(t.v)) {
        i++;
        const at = toks[i]?.at ?? src.length;
        const r = binary(lvl + 1);
        if (r === 0n && (t.v === '/' || t.v === '%')) throw new ArithError(`division by 0 (error token is "${src.slice(at)}")`);
        v = binop(t.v, v, r);
      } else return v;
    }
  };
  const power = (): bigint => {
    const b = unary();
    if (isOp('**')) {
      i++;
      const e = power();
      if (e < 0n) throw new ArithError('exponent less than 0 (error token is "' + e + '")');
      return WRAP(b ** e);
    }
    return b;
  };
  const unary = (): bigint => {
    const t = peek();
    if (t && t.t === 'op') {
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        i++;
        const v = unary();
        return t.v === '-' ? WRAP(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : WRAP(~v);
      }
      if (t.v === '++' || t.v === '--') {
        i++;
        const n = peek();
        if (!n || n.t !== 'name') throw new ArithError(`syntax error: operand expected (error token is "${rest()}")`);
        i++;
        const v = WRAP(varValue(n.v) + (t.v === '++' ? 1n : -1n));
        vars.set(n.v, v.toString());
        return v;
      }
    }
    return postfix();
  };
  const postfix = (): bigint => {
    const t = peek();
    if (!t) throw new ArithError(`syntax error: operand expected (error token is "${rest()}")`);
    if (t.t === 'num') {
      i++;
      return t.v;
    }
    if (t.t === 'name') {
      i++;
      if (isOp('++') || isOp('--')) {
        const op = (toks[i] as { v: string }).v;
        i++;
        const v = varValue(t.v);
        vars.set(t.v, WRAP(v + (op === '++' ? 1n : -1n)).toString());
        return v;
      }
      return varValue(t.v);
    }
    if (t.v === '(') {
      i++;
      const v = comma();
      if (!isOp(')')) throw new ArithError(`syntax error: \`)' expected (error token is "${rest()}")`);
      i++;
      return v;
    }
    throw new ArithError(`syntax error: operand expected (error token is "${rest()}")`);
  };
  const comma = (): bigint => {
    let v = assign();
    while (isOp(',')) {
      i++;
      v = assign();
    }
    return v;
  };
  let v: bigint;
  try {
    v = comma();
  } catch (e) {
    // Nesting deeper than this evaluator's stack: bash's own message for runaway recursion.
    if (e instanceof RangeError) throw new ArithError(`expression recursion level exceeded (error token is "${rest()}")`);
    throw e;
  }
  if (i < toks.length) throw new ArithError(`syntax error in expression (error token is "${rest()}")`);
  return v;
}

function binop(op: string, a: bigint, b: bigint): bigint {
  switch (op) {
    case '||':
      return a !== 0n || b !== 0n ? 1n : 0n;
    case '&&':
      return a !== 0n && b !== 0n ? 1n : 0n;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '&':
      return a & b;
    case '==':
      return a === b ? 1n : 0n;
    case '!=':
      return a !== b ? 1n : 0n;
    case '<':
      return a < b ? 1n : 0n;
    case '<=':
      return a <= b ? 1n : 0n;
    case '>':
      return a > b ? 1n : 0n;
    case '>=':
      return a >= b ? 1n : 0n;
    case '<<':
      return WRAP(a << (b & 63n));
    case '>>':
      return a >> (b & 63n);
    case '+':
      return WRAP(a + b);
    case '-':
      return WRAP(a - b);
    case '*':
      return WRAP(a * b);
    case '/':
    case '%':
      if (b === 0n) throw new ArithError('division by 0 (error token is "' + b + '")');
      return op === '/' ? WRAP(a / b) : a % b;
  }
  throw new ArithError(`syntax error: invalid arithmetic operator (error token is "${op}")`);
}
