// The awk parser: tokens to rules, functions, statements and expressions.

import { ARITY, AwkSyntaxError, GRAMMAR_ARGS, lex, type Tok } from './lexer.ts';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; src: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'idx'; name: string; subs: Expr[] }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'cat'; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: string; pre: boolean; target: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr }
  | { k: 'getline'; target?: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[]; redir?: { op: string; e: Expr } }
  | { k: 'if'; c: Expr; a: Stmt; b?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'forin'; v: Expr; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit' | 'return'; e?: Expr }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline'; e: Expr };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  range?: Expr;
  body?: Stmt[];
}
export interface Func {
  params: string[];
  body: Stmt[];
}
export interface Program {
  rules: Rule[];
  funcs: Map<string, Func>;
}

// ---------------------------------------------------------------- parser

export function parseProgram(src: string): Program {
  const toks = lex(src);
  let pos = 0;
  const peek = (o = 0): Tok => toks[Math.min(pos + o, toks.length - 1)];
  const near = (t: Tok): string => (t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.t === 'ere' ? `/${t.v}/` : t.v);
  const fail = (t: Tok = peek()): never => {
    if (t.t === 'eof' && depth > 0) throw new AwkSyntaxError(t.line, 'missing } near end of file');
    throw new AwkSyntaxError(t.line, `syntax error at or near ${near(t)}`);
  };
  let depth = 0;
  const isOp = (v: string, o = 0): boolean => peek(o).t === 'op' && peek(o).v === v;
  const isKw = (v: string): boolean => peek().t === 'kw' && peek().v === v;
  const eat = (v: string): void => {
    if (!isOp(v)) fail();
    pos++;
  };
  const nls = (): void => {
    while (peek().t === 'nl') pos++;
  };
  const optNl = nls;
  const terms = (): void => {
    while (peek().t === 'nl' || isOp(';')) pos++;
  };
  const rules: Rule[] = [];
  const funcs = new Map<string, Func>();

  // expressions, lowest to highest precedence
  let noIn = false;
  let noGt = false;
  const expr = (): Expr => ternary();
  const ternary = (): Expr => {
    const c = orE();
    if (isOp('?')) {
      pos++;
      optNl();
      const a = ternary();
      optNl();
      eat(':');
      optNl();
      const b = ternary();
      return { k: 'cond', c, a, b };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v) && isLvalue(c)) {
      const op = peek().v;
      pos++;
      optNl();
      return { k: 'assign', op, target: c, e: ternary() };
    }
    return c;
  };
  const isLvalue = (e: Expr): boolean => e.k === 'var' || e.k === 'field' || e.k === 'idx';
  const orE = (): Expr => {
    let a = andE();
    while (isOp('||')) {
      pos++;
      optNl();
      a = { k: 'or', a, b: andE() };
    }
    return a;
  };
  const andE = (): Expr => {
    let a = inE();
    while (isOp('&&')) {
      pos++;
      optNl();
      a = { k: 'and', a, b: inE() };
    }
    return a;
  };
  const inE = (): Expr => {
    let a = matchE();
    while (!noIn && isKw('in')) {
      pos++;
      const nt = peek();
      if (nt.t !== 'name') fail();
      pos++;
      a = { k: 'in', subs: a.k === 'group' && (a as { multi?: Expr[] }).multi ? (a as unknown as { multi: Expr[] }).multi : [a], name: nt.v };
    }
    return a;
  };
  const matchE = (): Expr => {
    let a = relE();
    while (isOp('~') || isOp('!~')) {
      const neg = peek().v === '!~';
      pos++;
      a = { k: 'match', neg, a, re: relE() };
    }
    return a;
  };
  const relE = (): Expr => {
    const a = catE();
    const t = peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(noGt && t.v === '>')) {
      pos++;
      return { k: 'bin', op: t.v, a, b: catE() };
    }
    return a;
  };
  const startsPrimary = (): boolean => {
    const t = peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true;
    if (t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v)) return true;
    return false;
  };
  const catE = (): Expr => {
    let a = addE();
    while (startsPrimary() && !(isKw('in'))) {
      if (peek().t === 'op' && (peek().v === '+' || peek().v === '-')) break;
      a = { k: 'cat', a, b: addE() };
    }
    return a;
  };
  const addE = (): Expr => {
    let a = mulE();
    while (isOp('+') || isOp('-')) {
      const op = peek().v;
      pos++;
      a = { k: 'bin', op, a, b: mulE() };
    }
    return a;
  };
  const mulE = (): Expr => {
    let a = unE();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = peek().v;
      pos++;
      a = { k: 'bin', op, a, b: unE() };
    }
    return a;
  };
  const unE = (): Expr => {
    if (isOp('!')) {
      pos++;
      return { k: 'un', op: '!', e: unE() };
    }
    if (isOp('-') || isOp('+')) {
      const op = peek().v;
      pos++;
      return { k: 'un', op, e: unE() };
    }
    return powE();
  };
  const powE = (): Expr => {
    const a = incE();
    if (isOp('^')) {
      pos++;
      const b = isOp('-') || isOp('+') || isOp('!') ? unE() : powE();
      return { k: 'bin', op: '^', a, b };
    }
    return a;
  };
  const incE = (): Expr => {
    if (isOp('++') || isOp('--')) {
      const op = peek().v;
      pos++;
      const t = incE();
      if (!isLvalue(t)) fail();
      return { k: 'incdec', op, pre: true, target: t };
    }
    const e = fieldE();
    if ((isOp('++') || isOp('--')) && isLvalue(e)) {
      const op = peek().v;
      pos++;
      return { k: 'incdec', op, pre: false, target: e };
    }
    return e;
  };
  const fieldE = (): Expr => {
    if (isOp('$')) {
      pos++;
      if (isOp('++') || isOp('--')) {
        const op = peek().v;
        pos++;
        const t = fieldE();
        return { k: 'field', e: { k: 'incdec', op, pre: true, target: t } };
      }
      if (isOp('-')) {
        pos++;
        return { k: 'field', e: { k: 'un', op: '-', e: fieldE() } };
      }
      return { k: 'field', e: fieldE() };
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    switch (t.t) {
      case 'num':
        pos++;
        return { k: 'num', v: t.n! };
      case 'str':
        pos++;
        return { k: 'str', v: t.v };
      case 'ere':
        pos++;
        return { k: 're', src: t.v };
      case 'name':
        pos++;
        if (isOp('[')) {
          pos++;
          const subs = exprList();
          eat(']');
          return { k: 'idx', name: t.v, subs };
        }
        return { k: 'var', name: t.v };
      case 'funcname': {
        pos++;
        eat('(');
        const args = isOp(')') ? [] : exprList();
        eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'builtin': {
        pos++;
        if (!isOp('(')) {
          if (t.v === 'length') return { k: 'builtin', name: 'length', args: [] };
          fail();
        }
        pos++;
        const args = isOp(')') ? [] : exprList();
        const [min, max] = ARITY[t.v] ?? [0, Infinity];
        if (args.length < min || args.length > max) {
          // mawk's grammar spells out split/sub/gsub/match; the others are checked by count.
          if (GRAMMAR_ARGS.has(t.v)) fail();
          throw new AwkSyntaxError(t.line, `wrong number of arguments in call to ${t.v}`);
        }
        eat(')');
        return { k: 'builtin', name: t.v, args };
      }
      case 'kw':
        if (t.v === 'getline') {
          pos++;
          const target = peek().t === 'name' || isOp('$') ? fieldE() : undefined;
          return { k: 'getline', target };
        }
        return fail();
      case 'op':
        if (t.v === '(') {
          pos++;
          const saveIn = noIn;
          const saveGt = noGt;
          noIn = false;
          noGt = false;
          const list = exprList();
          noIn = saveIn;
          noGt = saveGt;
          eat(')');
          if (list.length > 1) {
            if (!isKw('in')) fail();
            return { k: 'group', e: list[0], multi: list } as unknown as Expr;
          }
          return { k: 'group', e: list[0] };
        }
        return fail();
    }
    return fail();
  };
  const exprList = (): Expr[] => {
    const out = [expr()];
    while (isOp(',')) {
      pos++;
      optNl();
      out.push(expr());
    }
    return out;
  };

  // statements
  const simpleOrBlock = (): Stmt => {
    optNl();
    return stmt();
  };
  const endSimple = (): void => {
    if (isOp(';') || peek().t === 'nl') {
      pos++;
      return;
    }
    if (isOp('}') || peek().t === 'eof') return;
    fail();
  };
  const simple = (): Stmt => {
    const t = peek();
    if (t.t === 'kw') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          pos++;
          let args: Expr[] = [];
          noGt = true;
          if (isOp('(')) {
            // print (a, b) > file  — a parenthesized list
            const save = pos;
            pos++;
            noGt = false;
            const list = isOp(')') ? [] : exprList();
            if (isOp(')') && (isOp(';', 1) || isOp('}', 1) || isOp('>', 1) || isOp('>>', 1) || isOp('|', 1) || peek(1).t === 'nl' || peek(1).t === 'eof')) {
              pos++;
              args = list;
            } else {
              pos = save;
              noGt = true;
              args = exprList();
            }
          } else if (!(isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof' || isOp('>') || isOp('>>') || isOp('|'))) args = exprList();
          noGt = false;
          if (t.v === 'printf' && args.length === 0) fail();
          let redir: { op: string; e: Expr } | undefined;
          if (isOp('>') || isOp('>>') || isOp('|')) {
            const op = peek().v;
            pos++;
            redir = { op, e: catE() };
          }
          return { k: 'print', printf: t.v === 'printf', args, redir };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          pos++;
          return { k: t.v };
        case 'exit':
        case 'return': {
          pos++;
          const e = isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof' ? undefined : expr();
          return { k: t.v, e };
        }
        case 'delete': {
          pos++;
          const nt = peek();
          if (nt.t !== 'name') fail();
          pos++;
          if (isOp('[')) {
            pos++;
            const subs = exprList();
            eat(']');
            return { k: 'delete', name: nt.v, subs };
          }
          return { k: 'delete', name: nt.v };
        }
      }
    }
    return { k: 'expr', e: expr() };
  };
  const stmt = (): Stmt => {
    const t = peek();
    if (isOp('{')) {
      pos++;
      depth++;
      const body = stmts();
      if (!isOp('}')) fail();
      pos++;
      depth--;
      return { k: 'block', body };
    }
    if (isOp(';')) {
      pos++;
      return { k: 'block', body: [] };
    }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          const a = simpleOrBlock();
          const save = pos;
          terms();
          if (isKw('else')) {
            pos++;
            return { k: 'if', c, a, b: simpleOrBlock() };
          }
          pos = save;
          return { k: 'if', c, a };
        }
        case 'while': {
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          if (isOp(';')) {
            pos++;
            return { k: 'while', c, body: { k: 'block', body: [] } };
          }
          return { k: 'while', c, body: simpleOrBlock() };
        }
        case 'do': {
          pos++;
          const body = simpleOrBlock();
          terms();
          if (!isKw('while')) fail();
          pos++;
          eat('(');
          const c = expr();
          eat(')');
          endSimple();
          return { k: 'do', c, body };
        }
        case 'for': {
          pos++;
          eat('(');
          if (peek().t === 'name' && isKw2(1, 'in') && peek(2).t === 'name' && isOp(')', 3)) {
            const v: Expr = { k: 'var', name: peek().v };
            const arr = peek(2).v;
            pos += 4;
            return { k: 'forin', v, arr, body: simpleOrBlock() };
          }
          const init = isOp(';') ? undefined : simple();
          eat(';');
          optNl();
          const c = isOp(';') ? undefined : expr();
          eat(';');
          optNl();
          const step = isOp(')') ? undefined : simple();
          eat(')');
          if (isOp(';')) {
            pos++;
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
          }
          return { k: 'for', init, c, step, body: simpleOrBlock() };
        }
        case 'else':
          fail();
      }
    }
    const s = simple();
    endSimple();
    return s;
  };
  const isKw2 = (o: number, v: string): boolean => peek(o).t === 'kw' && peek(o).v === v;
  const stmts = (): Stmt[] => {
    const out: Stmt[] = [];
    terms();
    while (!isOp('}') && peek().t !== 'eof') {
      out.push(stmt());
      terms();
    }
    return out;
  };
  const action = (): Stmt[] => {
    eat('{');
    depth++;
    const body = stmts();
    if (!isOp('}')) fail();
    pos++;
    depth--;
    return body;
  };

  terms();
  while (peek().t !== 'eof') {
    const t = peek();
    if (t.t === 'kw' && (t.v === 'BEGIN' || t.v === 'END')) {
      pos++;
      optNl();
      if (!isOp('{')) fail();
      rules.push({ kind: t.v === 'BEGIN' ? 'begin' : 'end', body: action() });
    } else if (t.t === 'kw' && t.v === 'function') {
      pos++;
      const nt = peek();
      if (nt.t !== 'funcname' && nt.t !== 'name') fail();
      pos++;
      eat('(');
      const params: string[] = [];
      while (!isOp(')')) {
        const pt = peek();
        if (pt.t !== 'name') fail();
        params.push(pt.v);
        pos++;
        if (isOp(',')) {
          pos++;
          optNl();
        } else if (!isOp(')')) fail();
      }
      pos++;
      optNl();
      funcs.set(nt.v, { params, body: action() });
    } else if (isOp('{')) {
      rules.push({ kind: 'main', body: action() });
    } else if (isOp('}')) {
      throw new AwkSyntaxError(t.line, `extra '}'\n\0line ${t.line}: syntax error at or near end of line`);
    } else {
      const pattern = expr();
      let range: Expr | undefined;
      if (isOp(',')) {
        pos++;
        optNl();
        range = expr();
      }
      if (isOp('{')) rules.push({ kind: 'main', pattern, range, body: action() });
      else {
        rules.push({ kind: 'main', pattern, range });
        if (!(peek().t === 'nl' || isOp(';') || peek().t === 'eof')) fail();
      }
    }
    terms();
  }
  // Calls to functions never defined are reported after parsing.
  const undefinedCall = (x: unknown): string | undefined => {
    if (!x || typeof x !== 'object') return undefined;
    const o = x as { k?: string; name?: string };
    if (o.k === 'call' && o.name !== undefined && !funcs.has(o.name)) return o.name;
    for (const v of Object.values(x)) {
      const r = Array.isArray(v) ? v.map(undefinedCall).find(Boolean) : undefinedCall(v);
      if (r) return r;
    }
    return undefined;
  };
  const u = undefinedCall(rules) ?? undefinedCall([...funcs.values()]);
  if (u) throw new AwkSyntaxError(toks[toks.length - 1].line, `function ${u} never defined`);
  return { rules, funcs };
}

// ---------------------------------------------------------------- sprintf
