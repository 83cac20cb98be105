// The awk parser's token cursor and expressions, lowest to highest
// precedence as mawk's grammar binds them (ternary and assignment, ||, &&,
// in, ~, comparison, concatenation, + -, * / %, unary, ^, ++ --, $).

import { ARITY, AwkSyntaxError, GRAMMAR_ARGS, type Tok } from './lexer.ts';
import type { Expr } from './ast.ts';

export class ExprParser {
  pos = 0;
  /** Open braces (a missing } is reported at end of file). */
  depth = 0;
  /** Inside `for (x in a)` heads `in` is not an operator; after print `>` is a redirection. */
  noIn = false;
  noGt = false;
  readonly toks: Tok[];

  constructor(toks: Tok[]) {
    this.toks = toks;
  }

  peek(o = 0): Tok {
    return this.toks[Math.min(this.pos + o, this.toks.length - 1)];
  }

  near(t: Tok): string {
    return (t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.t === 'str' ? `"${t.v}"` : t.t === 'ere' ? `/${t.v}/` : t.v);
  }

  fail(t: Tok = this.peek()): never {
    if (t.t === 'eof' && this.depth > 0) throw new AwkSyntaxError(t.line, 'missing } near end of file');
    throw new AwkSyntaxError(t.line, `syntax error at or near ${this.near(t)}`);
  }

  isOp(v: string, o = 0): boolean {
    return this.peek(o).t === 'op' && this.peek(o).v === v;
  }

  isKw(v: string): boolean {
    return this.peek().t === 'kw' && this.peek().v === v;
  }

  eat(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.pos++;
  }

  optNl(): void {
    while (this.peek().t === 'nl') this.pos++;
  }

  terms(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.pos++;
  }

  expr(): Expr {
    return this.ternary();
  }

  ternary(): Expr {
    const c = this.orE();
    if (this.isOp('?')) {
      this.pos++;
      this.optNl();
      const a = this.ternary();
      this.optNl();
      this.eat(':');
      this.optNl();
      const b = this.ternary();
      return { k: 'cond', c, a, b };
    }
    if (this.peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(this.peek().v) && this.isLvalue(c)) {
      const op = this.peek().v;
      this.pos++;
      this.optNl();
      return { k: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  isLvalue(e: Expr): boolean {
    return e.k === 'var' || e.k === 'field' || e.k === 'idx';
  }

  orE(): Expr {
    let a = this.andE();
    while (this.isOp('||')) {
      this.pos++;
      this.optNl();
      a = { k: 'or', a, b: this.andE() };
    }
    return a;
  }

  andE(): Expr {
    let a = this.inE();
    while (this.isOp('&&')) {
      this.pos++;
      this.optNl();
      a = { k: 'and', a, b: this.inE() };
    }
    return a;
  }

  inE(): Expr {
    let a = this.matchE();
    while (!this.noIn && this.isKw('in')) {
      this.pos++;
      const nt = this.peek();
      if (nt.t !== 'name') this.fail();
      this.pos++;
      a = { k: 'in', subs: a.k === 'group' && (a as { multi?: Expr[] }).multi ? (a as unknown as { multi: Expr[] }).multi : [a], name: nt.v };
    }
    return a;
  }

  matchE(): Expr {
    let a = this.relE();
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = this.peek().v === '!~';
      this.pos++;
      a = { k: 'match', neg, a, re: this.relE() };
    }
    return a;
  }

  relE(): Expr {
    const a = this.catE();
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(this.noGt && t.v === '>')) {
      this.pos++;
      return { k: 'bin', op: t.v, a, b: this.catE() };
    }
    return a;
  }

  startsPrimary(): boolean {
    const t = this.peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true;
    if (t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v)) return true;
    return false;
  }

  catE(): Expr {
    let a = this.addE();
    while (this.startsPrimary() && !(this.isKw('in'))) {
      if (this.peek().t === 'op' && (this.peek().v === '+' || this.peek().v === '-')) break;
      a = { k: 'cat', a, b: this.addE() };
    }
    return a;
  }

  addE(): Expr {
    let a = this.mulE();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.peek().v;
      this.pos++;
      a = { k: 'bin', op, a, b: this.mulE() };
    }
    return a;
  }

  mulE(): Expr {
    let a = this.unE();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.peek().v;
      this.pos++;
      a = { k: 'bin', op, a, b: this.unE() };
    }
    return a;
  }

  unE(): Expr {
    if (this.isOp('!')) {
      this.pos++;
      return { k: 'un', op: '!', e: this.unE() };
    }
    if (this.isOp('-') || this.isOp('+')) {
      const op = this.peek().v;
      this.pos++;
      return { k: 'un', op, e: this.unE() };
    }
    return this.powE();
  }

  powE(): Expr {
    const a = this.incE();
    if (this.isOp('^')) {
      this.pos++;
      const b = this.isOp('-') || this.isOp('+') || this.isOp('!') ? this.unE() : this.powE();
      return { k: 'bin', op: '^', a, b };
    }
    return a;
  }

  incE(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = this.peek().v;
      this.pos++;
      const t = this.incE();
      if (!this.isLvalue(t)) this.fail();
      return { k: 'incdec', op, pre: true, target: t };
    }
    const e = this.fieldE();
    if ((this.isOp('++') || this.isOp('--')) && this.isLvalue(e)) {
      const op = this.peek().v;
      this.pos++;
      return { k: 'incdec', op, pre: false, target: e };
    }
    return e;
  }

  fieldE(): Expr {
    if (this.isOp('$')) {
      this.pos++;
      if (this.isOp('++') || this.isOp('--')) {
        const op = this.peek().v;
        this.pos++;
        const t = this.fieldE();
        return { k: 'field', e: { k: 'incdec', op, pre: true, target: t } };
      }
      if (this.isOp('-')) {
        this.pos++;
        return { k: 'field', e: { k: 'un', op: '-', e: this.fieldE() } };
      }
      return { k: 'field', e: this.fieldE() };
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.peek();
    switch (t.t) {
      case 'num':
        this.pos++;
        return { k: 'num', v: t.n! };
      case 'str':
        this.pos++;
        return { k: 'str', v: t.v };
      case 'ere':
        this.pos++;
        return { k: 're', src: t.v };
      case 'name':
        return this.nameRef(t);
      case 'funcname': {
        this.pos++;
        this.eat('(');
        const args = this.isOp(')') ? [] : this.exprList();
        this.eat(')');
        return { k: 'call', name: t.v, args };
      }
      case 'builtin':
        return this.builtinCall(t);
      case 'kw':
        if (t.v === 'getline') {
          this.pos++;
          const target = this.peek().t === 'name' || this.isOp('$') ? this.fieldE() : undefined;
          return { k: 'getline', target };
        }
        return this.fail();
      case 'op':
        if (t.v === '(') return this.parenGroup();
        return this.fail();
    }
    return this.fail();
  }

  /** A variable or an array element `name[subs]`. */
  nameRef(t: Tok): Expr {
    this.pos++;
    if (this.isOp('[')) {
      this.pos++;
      const subs = this.exprList();
      this.eat(']');
      return { k: 'idx', name: t.v, subs };
    }
    return { k: 'var', name: t.v };
  }

  /** A builtin call; `length` may go without parentheses. */
  builtinCall(t: Tok): Expr {
    this.pos++;
    if (!this.isOp('(')) {
      if (t.v === 'length') return { k: 'builtin', name: 'length', args: [] };
      this.fail();
    }
    this.pos++;
    const args = this.isOp(')') ? [] : this.exprList();
    const [min, max] = ARITY[t.v] ?? [0, Infinity];
    if (args.length < min || args.length > max) {
      // mawk's grammar spells out split/sub/gsub/match; the others are checked by count.
      if (GRAMMAR_ARGS.has(t.v)) this.fail();
      throw new AwkSyntaxError(t.line, `wrong number of arguments in call to ${t.v}`);
    }
    this.eat(')');
    return { k: 'builtin', name: t.v, args };
  }

  /** `( expr )`, or `(a, b) in arr` (a grouped list only before `in`). */
  parenGroup(): Expr {
    this.pos++;
    const saveIn = this.noIn;
    const saveGt = this.noGt;
    this.noIn = false;
    this.noGt = false;
    const list = this.exprList();
    this.noIn = saveIn;
    this.noGt = saveGt;
    this.eat(')');
    if (list.length > 1) {
      if (!this.isKw('in')) this.fail();
      return { k: 'group', e: list[0], multi: list } as unknown as Expr;
    }
    return { k: 'group', e: list[0] };
  }

  exprList(): Expr[] {
    const out = [this.expr()];
    while (this.isOp(',')) {
      this.pos++;
      this.optNl();
      out.push(this.expr());
    }
    return out;
  }

  // statements
}
