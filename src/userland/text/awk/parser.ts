// The awk parser: tokens to rules, functions and statements (expressions
// are in parse-expr.ts, the tree's types in ast.ts).

import type { Expr, Func, Program, Rule, Stmt } from './ast.ts';
import { AwkSyntaxError, lex } from './lexer.ts';
import { ExprParser } from './parse-expr.ts';

export type { Expr, Func, Program, Rule, Stmt } from './ast.ts';

export function parseProgram(src: string): Program {
  const p = new ProgramParser(lex(src));
  p.program();
  const u = undefinedCall(p.rules, p.funcs) ?? undefinedCall([...p.funcs.values()], p.funcs);
  if (u) throw new AwkSyntaxError(p.toks[p.toks.length - 1].line, `function ${u} never defined`);
  return { rules: p.rules, funcs: p.funcs };
}

/** The first call to a function never defined (reported after parsing). */
function undefinedCall(x: unknown, funcs: Map<string, Func>): string | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as { k?: string; name?: string };
  if (o.k === 'call' && o.name !== undefined && !funcs.has(o.name)) return o.name;
  for (const v of Object.values(x)) {
    const r = Array.isArray(v) ? v.map((e) => undefinedCall(e, funcs)).find(Boolean) : undefinedCall(v, funcs);
    if (r) return r;
  }
  return undefined;
}

class ProgramParser extends ExprParser {
  readonly rules: Rule[] = [];
  readonly funcs = new Map<string, Func>();

  /** The whole program: BEGIN/END actions, function definitions, pattern-action rules. */
  program(): void {
    this.terms();
    while (this.peek().t !== 'eof') {
      const t = this.peek();
      if (t.t === 'kw' && (t.v === 'BEGIN' || t.v === 'END')) {
        this.pos++;
        this.optNl();
        if (!this.isOp('{')) this.fail();
        this.rules.push({ kind: t.v === 'BEGIN' ? 'begin' : 'end', body: this.action() });
      } else if (t.t === 'kw' && t.v === 'function') {
        this.functionDef();
      } else if (this.isOp('{')) {
        this.rules.push({ kind: 'main', body: this.action() });
      } else if (this.isOp('}')) {
        throw new AwkSyntaxError(t.line, `extra '}'\n\0line ${t.line}: syntax error at or near end of line`);
      } else {
        this.patternRule();
      }
      this.terms();
    }
  }

  /** `function name(params) { ... }`. */
  private functionDef(): void {
    this.pos++;
    const nt = this.peek();
    if (nt.t !== 'funcname' && nt.t !== 'name') this.fail();
    this.pos++;
    this.eat('(');
    const params: string[] = [];
    while (!this.isOp(')')) {
      const pt = this.peek();
      if (pt.t !== 'name') this.fail();
      params.push(pt.v);
      this.pos++;
      if (this.isOp(',')) {
        this.pos++;
        this.optNl();
      } else if (!this.isOp(')')) this.fail();
    }
    this.pos++;
    this.optNl();
    this.funcs.set(nt.v, { params, body: this.action() });
  }

  /** `pattern [, pattern] [{ action }]`. */
  private patternRule(): void {
    const pattern = this.expr();
    let range: Expr | undefined;
    if (this.isOp(',')) {
      this.pos++;
      this.optNl();
      range = this.expr();
    }
    if (this.isOp('{')) this.rules.push({ kind: 'main', pattern, range, body: this.action() });
    else {
      this.rules.push({ kind: 'main', pattern, range });
      if (!(this.peek().t === 'nl' || this.isOp(';') || this.peek().t === 'eof')) this.fail();
    }
  }

  /** `{ statements }` of a rule or function. */
  private action(): Stmt[] {
    this.eat('{');
    this.depth++;
    const body = this.stmts();
    if (!this.isOp('}')) this.fail();
    this.pos++;
    this.depth--;
    return body;
  }

  private stmts(): Stmt[] {
    const out: Stmt[] = [];
    this.terms();
    while (!this.isOp('}') && this.peek().t !== 'eof') {
      out.push(this.stmt());
      this.terms();
    }
    return out;
  }

  private simpleOrBlock(): Stmt {
    this.optNl();
    return this.stmt();
  }

  private endSimple(): void {
    if (this.isOp(';') || this.peek().t === 'nl') {
      this.pos++;
      return;
    }
    if (this.isOp('}') || this.peek().t === 'eof') return;
    this.fail();
  }

  private isKw2(o: number, v: string): boolean {
    return this.peek(o).t === 'kw' && this.peek(o).v === v;
  }

  /** One statement: a block, an empty `;`, a control statement or a simple statement. */
  private stmt(): Stmt {
    const t = this.peek();
    if (this.isOp('{')) {
      this.pos++;
      this.depth++;
      const body = this.stmts();
      if (!this.isOp('}')) this.fail();
      this.pos++;
      this.depth--;
      return { k: 'block', body };
    }
    if (this.isOp(';')) {
      this.pos++;
      return { k: 'block', body: [] };
    }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if':
          return this.ifStmt();
        case 'while':
          return this.whileStmt();
        case 'do':
          return this.doStmt();
        case 'for':
          return this.forStmt();
        case 'else':
          this.fail();
      }
    }
    const s = this.simple();
    this.endSimple();
    return s;
  }

  private ifStmt(): Stmt {
    this.pos++;
    this.eat('(');
    const c = this.expr();
    this.eat(')');
    const a = this.simpleOrBlock();
    const save = this.pos;
    this.terms();
    if (this.isKw('else')) {
      this.pos++;
      return { k: 'if', c, a, b: this.simpleOrBlock() };
    }
    this.pos = save;
    return { k: 'if', c, a };
  }

  private whileStmt(): Stmt {
    this.pos++;
    this.eat('(');
    const c = this.expr();
    this.eat(')');
    if (this.isOp(';')) {
      this.pos++;
      return { k: 'while', c, body: { k: 'block', body: [] } };
    }
    return { k: 'while', c, body: this.simpleOrBlock() };
  }

  private doStmt(): Stmt {
    this.pos++;
    const body = this.simpleOrBlock();
    this.terms();
    if (!this.isKw('while')) this.fail();
    this.pos++;
    this.eat('(');
    const c = this.expr();
    this.eat(')');
    this.endSimple();
    return { k: 'do', c, body };
  }

  /** `for (v in arr)` or `for (init; cond; step)`. */
  private forStmt(): Stmt {
    this.pos++;
    this.eat('(');
    if (this.peek().t === 'name' && this.isKw2(1, 'in') && this.peek(2).t === 'name' && this.isOp(')', 3)) {
      const v: Expr = { k: 'var', name: this.peek().v };
      const arr = this.peek(2).v;
      this.pos += 4;
      return { k: 'forin', v, arr, body: this.simpleOrBlock() };
    }
    const init = this.isOp(';') ? undefined : this.simple();
    this.eat(';');
    this.optNl();
    const c = this.isOp(';') ? undefined : this.expr();
    this.eat(';');
    this.optNl();
    const step = this.isOp(')') ? undefined : this.simple();
    this.eat(')');
    if (this.isOp(';')) {
      this.pos++;
      return { k: 'for', init, c, step, body: { k: 'block', body: [] } };
    }
    return { k: 'for', init, c, step, body: this.simpleOrBlock() };
  }

  /** A simple statement: print/printf, next, exit/return, delete, or an expression. */
  private simple(): Stmt {
    const t = this.peek();
    if (t.t === 'kw') {
      switch (t.v) {
        case 'print':
        case 'printf':
          return this.printStmt(t.v === 'printf');
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.pos++;
          return { k: t.v };
        case 'exit':
        case 'return': {
          this.pos++;
          const e = this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? undefined : this.expr();
          return { k: t.v, e };
        }
        case 'delete':
          return this.deleteStmt();
      }
    }
    return { k: 'expr', e: this.expr() };
  }

  /** print/printf with its argument list (bare or parenthesised) and an optional > >> | redirection. */
  private printStmt(printf: boolean): Stmt {
    this.pos++;
    let args: Expr[] = [];
    this.noGt = true;
    if (this.isOp('(')) args = this.printParenArgs();
    else if (!(this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' || this.isOp('>') || this.isOp('>>') || this.isOp('|'))) args = this.exprList();
    this.noGt = false;
    if (printf && args.length === 0) this.fail();
    let redir: { op: string; e: Expr } | undefined;
    if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
      const op = this.peek().v;
      this.pos++;
      redir = { op, e: this.catE() };
    }
    return { k: 'print', printf, args, redir };
  }

  /** `print (a, b) > file` takes the parenthesised list as the arguments; `print (a) b` is an expression list. */
  private printParenArgs(): Expr[] {
    const save = this.pos;
    this.pos++;
    this.noGt = false;
    const list = this.isOp(')') ? [] : this.exprList();
    if (this.isOp(')') && (this.isOp(';', 1) || this.isOp('}', 1) || this.isOp('>', 1) || this.isOp('>>', 1) || this.isOp('|', 1) || this.peek(1).t === 'nl' || this.peek(1).t === 'eof')) {
      this.pos++;
      return list;
    }
    this.pos = save;
    this.noGt = true;
    return this.exprList();
  }

  /** `delete arr` or `delete arr[subs]`. */
  private deleteStmt(): Stmt {
    this.pos++;
    const nt = this.peek();
    if (nt.t !== 'name') this.fail();
    this.pos++;
    if (this.isOp('[')) {
      this.pos++;
      const subs = this.exprList();
      this.eat(']');
      return { k: 'delete', name: nt.v, subs };
    }
    return { k: 'delete', name: nt.v };
  }
}
