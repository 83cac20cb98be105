// Recursive-descent parser for the shell language (see ast.ts). Lexing is
// done on demand because bash's tokens depend on context: reserved words are
// only reserved at the start of a command, `$(...)` nests a whole program,
// and here-document bodies begin after the next newline.

import type { AndOr, Assign, Command, CondExpr, List, Pipeline, Redirect, SimpleCommand, Word, WordPart } from './ast.ts';

/** A syntax error, with what bash reports. `incomplete` means more input could fix it. */
export class ParseError extends Error {
  /**
   * 'token': near unexpected token; 'eof': unexpected end of file; 'quote':
   * unmatched quote; 'cond': an error inside `[[ ]]` (`token` is bash's
   * message, empty for `[[ ]]`, which bash 5.2 rejects without one).
   */
  readonly kind: 'token' | 'eof' | 'quote' | 'cond';
  readonly token: string;
  readonly line: number;
  readonly incomplete: boolean;
  constructor(kind: 'token' | 'eof' | 'quote' | 'cond', token: string, line: number) {
    super(
      kind === 'cond'
        ? token
        : kind === 'token'
        ? `syntax error near unexpected token \`${token}'`
        : kind === 'eof'
          ? 'syntax error: unexpected end of file'
          : `unexpected EOF while looking for matching \`${token}'`,
    );
    this.kind = kind;
    this.token = token;
    this.line = line;
    this.incomplete = kind !== 'token' && kind !== 'cond';
  }
}

/** Parser options. */
export interface ParseOptions {
  /** Accept a missing here-document delimiter at end of input (bash -c warns); default true. */
  heredocEofOk?: boolean;
  /** dash has no `(( ))` command: `((` opens two subshells there. */
  dialect?: 'bash' | 'dash';
}

type Tok =
  | { t: 'word'; w: Word; io?: number; start: number; end: number }
  | { t: 'op'; v: string; start: number; end: number }
  | { t: 'nl'; start: number; end: number }
  | { t: 'eof'; start: number; end: number };

const OPS = ['&&', '||', ';;', '<<<', '<<-', '<<', '>>', '>&', '<&', '&>>', '&>', '>|', '<>', '|&', '|', '&', ';', '<', '>', '(', ')'];
const REDIR_OPS = new Set(['<', '>', '>>', '<<', '<<-', '<<<', '>&', '<&', '&>', '&>>', '>|', '<>']);
const META = new Set([' ', '\t', '\n', '|', '&', ';', '<', '>', '(', ')']);

/**
 * The end of an arithmetic text after `((` (in `$(( ))`, `(( ))` and
 * `for (( ;; ))`), which begins at `from`: `end` is the first `)` outside
 * the parentheses nested in it (`s.length` when there is none), `closed`
 * whether a second `)` follows it, and `semis` where `;` stands outside
 * nested parentheses on the way (the cuts of `for ((init; cond; step))`).
 */
function arithClose(s: string, from: number): { end: number; closed: boolean; semis: number[] } {
  const semis: number[] = [];
  let depth = 0;
  let i = from;
  for (; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      if (depth === 0) break;
      depth--;
    } else if (s[i] === ';' && depth === 0) semis.push(i);
  }
  return { end: i, closed: i < s.length && s[i + 1] === ')', semis };
}
/** Unary and binary operators of `[[ ]]` (bash 5.2). */
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-o', '-v', '-R', '-z', '-n']);
const COND_BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'select', 'coproc', 'in', '{', '}', '!', 'function']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Bound on nesting ($( ), compound commands) so hostile input cannot blow the stack. */
const MAX_DEPTH = 100;

/** Warnings collected while parsing (bash prints them and carries on). */
export interface ParseResult {
  list: List;
  warnings: string[];
}

/** Parse a complete program. Throws ParseError. */
export function parse(src: string, opts: ParseOptions = {}): ParseResult {
  const p = new Parser(src, opts);
  const list = p.parseProgram();
  return { list, warnings: p.warnings };
}

/** Parse text as the body of an unquoted here-document (only $, ` and \ are special). */
export function parseHeredocBody(body: string): Word {
  const p = new Parser(body, {});
  return { parts: p.readParts('heredoc'), raw: body };
}

class Parser {
  private readonly src: string;
  private pos = 0;
  private peeked: Tok | undefined;
  private pending: { redir: Redirect; delim: string; strip: boolean }[] = [];
  private depth = 0;
  private readonly opts: ParseOptions;
  readonly warnings: string[] = [];

  constructor(src: string, opts: ParseOptions) {
    this.src = src;
    this.opts = opts;
  }

  private lineAt(pos: number): number {
    let n = 1;
    for (let i = 0; i < pos && i < this.src.length; i++) if (this.src[i] === '\n') n++;
    return n;
  }

  private errToken(tok: Tok): never {
    if (tok.t === 'eof') throw new ParseError('eof', '', this.lineAt(this.src.length) + 1);
    const text = tok.t === 'op' ? tok.v : tok.t === 'nl' ? 'newline' : tok.w.raw;
    throw new ParseError('token', text, this.lineAt(tok.start));
  }

  // ---- lexer -------------------------------------------------------------

  private peek(): Tok {
    if (!this.peeked) this.peeked = this.lex();
    return this.peeked;
  }

  private next(): Tok {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  private lex(): Tok {
    this.skipBlanks();
    const start = this.pos;
    if (this.pos >= this.src.length) {
      this.readHeredocs();
      return { t: 'eof', start, end: start };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.readHeredocs();
      return { t: 'nl', start, end: this.pos };
    }
    for (const op of OPS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { t: 'op', v: op, start, end: this.pos };
      }
    }
    const parts = this.readParts('word');
    const raw = this.src.slice(start, this.pos);
    const w: Word = { parts, raw };
    const nc = this.src[this.pos];
    if (/^[0-9]+$/.test(raw) && (nc === '<' || nc === '>')) return { t: 'word', w, io: Number(raw), start, end: this.pos };
    return { t: 'word', w, start, end: this.pos };
  }

  private readHeredocs(): void {
    const pend = this.pending;
    this.pending = [];
    for (const h of pend) {
      let body = '';
      let found = false;
      while (this.pos < this.src.length) {
        let nl = this.src.indexOf('\n', this.pos);
        if (nl < 0) nl = this.src.length;
        let line = this.src.slice(this.pos, nl);
        this.pos = Math.min(nl + 1, this.src.length);
        if (h.strip) line = line.replace(/^\t+/, '');
        if (line === h.delim) {
          found = true;
          break;
        }
        body += line + '\n';
      }
      if (!found) {
        if (this.opts.heredocEofOk === false) throw new ParseError('eof', '', this.lineAt(this.src.length));
        this.warnings.push(`here-document at line ${this.lineAt(this.src.length)} delimited by end-of-file (wanted \`${h.delim}')`);
      }
      h.redir.heredoc!.body = body;
    }
  }

  /**
   * Read word parts from the current position. Modes: 'word' stops at a
   * metacharacter; 'dq' at the closing `"`; 'brace' at `}` (or `/` when
   * `stopSlash`); 'heredoc' and 'arith' read to the end of input.
   */
  readParts(mode: 'word' | 'dq' | 'brace' | 'heredoc' | 'arith' | 'regex', stopSlash = false): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const quotedMode = mode === 'dq' || mode === 'heredoc';
    const flush = (): void => {
      if (lit) parts.push({ k: quotedMode ? 'sq' : 'lit', v: lit });
      lit = '';
    };
    const s = this.src;
    let parens = 0;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (mode === 'word' && META.has(c)) break;
      if (mode === 'regex') {
        // The right side of `=~`: parentheses and `|` belong to the regex; a blank outside parentheses ends it.
        if ((c === ' ' || c === '\t' || c === '\n') && parens === 0) break;
        if (c === '(' || c === ')' || c === '|' || c === '<' || c === '>' || c === '&' || c === ';') {
          if (c === '(') parens++;
          if (c === ')') parens--;
          lit += c;
          this.pos++;
          continue;
        }
      }
      if (mode === 'dq' && c === '"') break;
      if (mode === 'brace' && (c === '}' || (stopSlash && c === '/'))) break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === undefined) {
          lit += '\\';
          this.pos++;
          continue;
        }
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if (quotedMode || mode === 'arith') {
          if (n === '$' || n === '`' || n === '\\' || (mode === 'dq' && n === '"')) {
            lit += n;
            this.pos += 2;
          } else {
            lit += '\\';
            this.pos++;
          }
          continue;
        }
        flush();
        parts.push({ k: 'sq', v: n });
        this.pos += 2;
        continue;
      }
      if (c === "'" && !quotedMode && mode !== 'arith') {
        flush();
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ParseError('quote', "'", this.lineAt(this.pos));
        parts.push({ k: 'sq', v: s.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && mode !== 'dq' && mode !== 'heredoc') {
        flush();
        const at = this.pos;
        this.pos++;
        const inner = this.readParts('dq');
        if (s[this.pos] !== '"') throw new ParseError('quote', '"', this.lineAt(at));
        this.pos++;
        parts.push({ k: 'dq', parts: inner });
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote());
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(quotedMode);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += '$';
          this.pos++;
        }
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private readBackquote(): WordPart {
    const s = this.src;
    const at = this.pos;
    let i = this.pos + 1;
    let inner = '';
    while (i < s.length && s[i] !== '`') {
      if (s[i] === '\\' && (s[i + 1] === '`' || s[i + 1] === '\\' || s[i + 1] === '$')) {
        inner += s[i + 1];
        i += 2;
      } else inner += s[i++];
    }
    if (i >= s.length) throw new ParseError('quote', '`', this.lineAt(at));
    this.pos = i + 1;
    if (++this.depth > MAX_DEPTH) throw new ParseError('token', '`', this.lineAt(at));
    const sub = new Parser(inner, this.opts);
    sub.depth = this.depth;
    const body = sub.parseProgram();
    this.depth--;
    return { k: 'cmdsub', body };
  }

  /** Parse `$...` at pos; undefined when the `$` is literal. */
  private readDollar(quoted: boolean): WordPart | undefined {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === undefined) return undefined;
    if (n === '(' && s[this.pos + 2] === '(') {
      const at = this.pos;
      // $(( expr )): find the matching `))`.
      const { end: i, closed } = arithClose(s, this.pos + 3);
      if (closed) {
        const inner = s.slice(this.pos + 3, i);
        this.pos = i + 2;
        const sub = new Parser(inner, this.opts);
        return { k: 'arith', expr: { parts: sub.readParts('arith'), raw: inner } };
      }
      if (i >= s.length) throw new ParseError('quote', ')', this.lineAt(at));
      // Not arithmetic after all: fall through to $( ( ... ) ).
    }
    if (n === '(') {
      const at = this.pos;
      this.pos += 2;
      if (++this.depth > MAX_DEPTH) throw new ParseError('token', '(', this.lineAt(at));
      const saved = this.peeked;
      this.peeked = undefined;
      let body: List;
      try {
        body = this.parseList(new Set([')']));
        const t = this.next();
        if (t.t === 'eof') throw new ParseError('quote', ')', this.lineAt(at));
        if (!(t.t === 'op' && t.v === ')')) this.errToken(t);
      } finally {
        this.depth--;
      }
      this.peeked = saved;
      return { k: 'cmdsub', body };
    }
    if (n === '{') {
      const at = this.pos;
      this.pos += 2;
      let name = '';
      let op: string | undefined;
      if (s[this.pos] === '#' && s[this.pos + 1] !== '}') {
        op = 'len';
        this.pos++;
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])/.exec(s.slice(this.pos));
      if (!m) {
        const close = s.indexOf('}', this.pos);
        if (close < 0) throw new ParseError('quote', '}', this.lineAt(at));
        this.pos = close + 1;
        return { k: 'param', name: '', op: 'bad', arg: { parts: [], raw: s.slice(at, close + 1) } };
      }
      name = m[1];
      this.pos += name.length;
      if (s[this.pos] === '[') {
        // ${a[i]}, ${a[@]}, ${#a[@]}: array subscripts, kept whole so the shell can refuse them (arrays are not simulated).
        const close = s.indexOf('}', this.pos);
        if (close < 0) throw new ParseError('quote', '}', this.lineAt(at));
        this.pos = close + 1;
        const raw = s.slice(at + 2, close);
        return { k: 'param', name, op: 'index', arg: { parts: [{ k: 'lit', v: raw }], raw } };
      }
      if (op === 'len') {
        if (s[this.pos] !== '}') throw new ParseError('quote', '}', this.lineAt(at));
        this.pos++;
        return { k: 'param', name, op: 'len' };
      }
      if (s[this.pos] === '}') {
        this.pos++;
        return { k: 'param', name };
      }
      const om = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/|:|\^\^|\^|,,|,)/.exec(s.slice(this.pos));
      if (!om) {
        const close = s.indexOf('}', this.pos);
        if (close < 0) throw new ParseError('quote', '}', this.lineAt(at));
        this.pos = close + 1;
        return { k: 'param', name, op: 'bad', arg: { parts: [], raw: s.slice(at, close + 1) } };
      }
      op = om[1];
      this.pos += op.length;
      const argStart = this.pos;
      const isSubst = op === '/' || op === '//';
      const arg: Word = { parts: this.readParts('brace', isSubst), raw: '' };
      arg.raw = s.slice(argStart, this.pos);
      let arg2: Word | undefined;
      if (isSubst && s[this.pos] === '/') {
        this.pos++;
        const a2 = this.pos;
        arg2 = { parts: this.readParts('brace'), raw: '' };
        arg2.raw = s.slice(a2, this.pos);
      }
      if (s[this.pos] !== '}') throw new ParseError('quote', '}', this.lineAt(at));
      this.pos++;
      void quoted;
      return { k: 'param', name, op, arg, arg2 };
    }
    if (n === "'" && !quoted) {
      // $'...' ANSI-C quoting.
      let i = this.pos + 2;
      let v = '';
      const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
      while (i < s.length && s[i] !== "'") {
        if (s[i] === '\\' && i + 1 < s.length) {
          const e = s[i + 1];
          if (esc[e] !== undefined) {
            v += esc[e];
            i += 2;
          } else if (e === 'x') {
            const hm = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2));
            if (hm) {
              v += String.fromCharCode(parseInt(hm[0], 16));
              i += 2 + hm[0].length;
            } else {
              v += '\\x';
              i += 2;
            }
          } else if (/[0-7]/.test(e)) {
            const om = /^[0-7]{1,3}/.exec(s.slice(i + 1))!;
            v += String.fromCharCode(parseInt(om[0], 8) & 0xff);
            i += 1 + om[0].length;
          } else {
            v += '\\' + e;
            i += 2;
          }
        } else v += s[i++];
      }
      if (i >= s.length) throw new ParseError('quote', "'", this.lineAt(this.pos));
      this.pos = i + 1;
      return { k: 'sq', v };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#!@*-])/.exec(s.slice(this.pos + 1));
    if (!m) return undefined;
    this.pos += 1 + m[1].length;
    return { k: 'param', name: m[1] };
  }

  // ---- grammar -----------------------------------------------------------

  parseProgram(): List {
    const list = this.parseList(new Set());
    const t = this.peek();
    if (t.t !== 'eof') this.errToken(t);
    return list;
  }

  private isTerminator(t: Tok, terms: Set<string>): boolean {
    if (t.t === 'eof') return true;
    if (t.t === 'op') return terms.has(t.v);
    if (t.t === 'word' && t.io === undefined) return terms.has(t.w.raw) && isPlain(t.w);
    return false;
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.next();
  }

  private parseList(terms: Set<string>): List {
    const items: List['items'] = [];
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (this.isTerminator(t, terms)) break;
      const cmd = this.parseAndOr();
      const sep = this.peek();
      if (sep.t === 'op' && (sep.v === ';' || sep.v === '&')) {
        this.next();
        items.push({ cmd, bg: sep.v === '&' });
        continue;
      }
      items.push({ cmd, bg: false });
      if (sep.t === 'nl') continue;
      if (this.isTerminator(sep, terms)) break;
      this.errToken(sep);
    }
    return { items };
  }

  private parseAndOr(): AndOr {
    const start = this.peek().start;
    const first = this.parsePipeline();
    let end = this.lastEnd;
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && (t.v === '&&' || t.v === '||')) {
        this.next();
        this.skipNewlines();
        rest.push({ op: t.v, pipeline: this.parsePipeline() });
        end = this.lastEnd;
      } else break;
    }
    return { first, rest, src: this.src.slice(start, end).trim() };
  }

  private lastEnd = 0;

  private parsePipeline(): Pipeline {
    let bang = false;
    let time: Pipeline['time'];
    // `!` and bash's `time [-p]` prefix a pipeline, in either order.
    for (;;) {
      const t = this.peek();
      if (t.t === 'word' && t.w.raw === '!' && isPlain(t.w) && !bang) {
        this.next();
        bang = true;
        continue;
      }
      if (t.t === 'word' && t.w.raw === 'time' && isPlain(t.w) && !time && this.opts.dialect !== 'dash') {
        this.next();
        time = 'bash';
        const p = this.peek();
        if (p.t === 'word' && p.w.raw === '-p' && isPlain(p.w)) {
          this.next();
          time = 'posix';
        }
        const n = this.peek();
        // `time` alone times nothing.
        if (n.t !== 'word' && !(n.t === 'op' && (n.v === '(' || n.v === '<' || n.v === '>'))) return { bang, time, cmds: [{ k: 'simple', assigns: [], words: [], redirs: [], line: this.lineAt(n.start) }] };
        continue;
      }
      break;
    }
    const cmds: Command[] = [this.parseCommand()];
    for (;;) {
      const p = this.peek();
      if (p.t === 'op' && (p.v === '|' || p.v === '|&')) {
        this.next();
        if (p.v === '|&') {
          // `a |& b` is `a 2>&1 | b`.
          const last = cmds[cmds.length - 1];
          if ('redirs' in last) last.redirs.push({ fd: 2, op: '>&', target: { parts: [{ k: 'lit', v: '1' }], raw: '1' } });
        }
        this.skipNewlines();
        cmds.push(this.parseCommand());
      } else break;
    }
    return time ? { bang, time, cmds } : { bang, cmds };
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    const t = this.next();
    if (t.t === 'word' && t.w.raw === word && isPlain(t.w)) {
      this.lastEnd = t.end;
      return;
    }
    this.errToken(t);
  }

  private parseCommand(): Command {
    if (++this.depth > MAX_DEPTH) this.errToken(this.peek());
    try {
      return this.parseCommandInner();
    } finally {
      this.depth--;
    }
  }

  /**
   * bash's `(( expr ))` at `start`: the text up to the matching `))`. Without
   * one (`((cmd) )`) it is a subshell in a subshell, as bash falls back.
   */
  private arithCommand(start: number): Command | undefined {
    const s = this.src;
    const { end: i, closed } = arithClose(s, start + 2);
    if (!closed) return undefined;
    const inner = s.slice(start + 2, i);
    const line = this.lineAt(start);
    this.peeked = undefined;
    this.pos = i + 2;
    this.lastEnd = this.pos;
    const sub = new Parser(inner, this.opts);
    return { k: 'arithcmd', expr: { parts: sub.readParts('arith'), raw: inner }, redirs: this.parseRedirs(), line };
  }

  private parseCommandInner(): Command {
    const t = this.peek();
    if (t.t === 'eof') this.errToken(t);
    if (t.t === 'op' && t.v === '(' && this.src[t.start + 1] === '(' && this.opts.dialect !== 'dash') {
      const a = this.arithCommand(t.start);
      if (a) return a;
    }
    if (t.t === 'op' && t.v === '(') {
      this.next();
      const body = this.parseList(new Set([')']));
      const c = this.next();
      if (!(c.t === 'op' && c.v === ')')) this.errToken(c);
      this.lastEnd = c.end;
      return { k: 'subshell', body, redirs: this.parseRedirs() };
    }
    if (t.t === 'word' && t.io === undefined && isPlain(t.w) && t.w.raw === '[[' && this.opts.dialect !== 'dash') return this.parseCond();
    if (t.t === 'word' && t.io === undefined && isPlain(t.w) && RESERVED.has(t.w.raw)) {
      switch (t.w.raw) {
        case '{': {
          this.next();
          const body = this.parseList(new Set(['}']));
          this.expectWord('}');
          return { k: 'group', body, redirs: this.parseRedirs() };
        }
        case 'if':
          return this.parseIf();
        case 'while':
        case 'until': {
          this.next();
          const cond = this.parseList(new Set(['do']));
          this.expectWord('do');
          const body = this.parseList(new Set(['done']));
          this.expectWord('done');
          return { k: 'while', until: t.w.raw === 'until', cond, body, redirs: this.parseRedirs() };
        }
        case 'for':
          return this.parseFor();
        case 'coproc': {
          // bash's coprocess: `coproc NAME compound` or `coproc command` (named COPROC); dash has no such word.
          if (this.opts.dialect === 'dash') break;
          this.next();
          let name = 'COPROC';
          const n = this.peek();
          // Nothing after it: bash reports the end of the line, even at the end of input.
          if (n.t === 'nl' || n.t === 'eof') throw new ParseError('token', 'newline', this.lineAt(n.t === 'nl' ? n.start : this.src.length));
          if (n.t === 'word' && isPlain(n.w) && NAME_RE.test(n.w.raw) && !RESERVED.has(n.w.raw)) {
            const save = { pos: this.pos, peeked: this.peeked, lastEnd: this.lastEnd };
            this.next();
            const after = this.peek();
            if ((after.t === 'word' && isPlain(after.w) && ['{', 'if', 'while', 'until', 'for', 'case'].includes(after.w.raw)) || (after.t === 'op' && after.v === '(')) name = n.w.raw;
            else Object.assign(this, save);
          }
          return { k: 'coproc', name, body: this.parseCommand(), redirs: [] };
        }
        case 'select': {
          // bash's menu loop: parsed as `for` is, so the shell can refuse it (dash has no such word).
          if (this.opts.dialect === 'dash') break;
          const f = this.parseFor() as Extract<Command, { k: 'for' }>;
          f.select = true;
          return f;
        }
        case 'case':
          return this.parseCase();
        case 'function': {
          this.next();
          const nt = this.next();
          if (nt.t !== 'word' || !NAME_RE.test(nt.w.raw)) this.errToken(nt);
          const p = this.peek();
          if (p.t === 'op' && p.v === '(') {
            this.next();
            const c = this.next();
            if (!(c.t === 'op' && c.v === ')')) this.errToken(c);
          }
          this.skipNewlines();
          return { k: 'func', name: nt.w.raw, body: this.parseCommand() };
        }
        default:
          if (t.w.raw !== '!' && t.w.raw !== 'in') this.errToken(t);
      }
    }
    return this.parseSimple();
  }

  private parseIf(): Command {
    this.next();
    const clauses: { cond: List; body: List }[] = [];
    let orElse: List | undefined;
    const cond = this.parseList(new Set(['then']));
    this.expectWord('then');
    const body = this.parseList(new Set(['elif', 'else', 'fi']));
    clauses.push({ cond, body });
    for (;;) {
      this.skipNewlines();
      const t = this.next();
      if (t.t !== 'word') this.errToken(t);
      if (t.w.raw === 'fi') {
        this.lastEnd = t.end;
        break;
      }
      if (t.w.raw === 'elif') {
        const c = this.parseList(new Set(['then']));
        this.expectWord('then');
        const b = this.parseList(new Set(['elif', 'else', 'fi']));
        clauses.push({ cond: c, body: b });
        continue;
      }
      if (t.w.raw === 'else') {
        orElse = this.parseList(new Set(['fi']));
        this.expectWord('fi');
        break;
      }
      this.errToken(t);
    }
    return { k: 'if', clauses, orElse, redirs: this.parseRedirs() };
  }

  private parseFor(): Command {
    this.next();
    const op = this.peek();
    if (op.t === 'op' && op.v === '(' && this.src[op.start + 1] === '(' && this.opts.dialect !== 'dash') return this.parseArithFor(op.start);
    const nt = this.next();
    if (nt.t !== 'word' || !NAME_RE.test(nt.w.raw)) this.errToken(nt);
    let words: Word[] | undefined;
    let t = this.peek();
    if (t.t === 'nl') {
      this.skipNewlines();
      t = this.peek();
    }
    if (t.t === 'word' && t.w.raw === 'in') {
      this.next();
      words = [];
      for (;;) {
        const w = this.peek();
        if (w.t === 'word') {
          this.next();
          words.push(w.w);
        } else break;
      }
      const sep = this.next();
      if (!(sep.t === 'nl' || (sep.t === 'op' && sep.v === ';'))) this.errToken(sep);
    } else if (t.t === 'op' && t.v === ';') this.next();
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { k: 'for', name: nt.w.raw, words, body, redirs: this.parseRedirs() };
  }

  /**
   * `[[ expr ]]`: words and the operators `&& || ( ) < >` up to `]]`, then
   * bash's grammar: `||` over `&&` over `!`, `( )`, unary tests, binary
   * tests. The word after `=~` is read as a regex (parentheses and `|` in it).
   */
  private parseCond(): Command {
    const open = this.next();
    const line = this.lineAt(open.start);
    const toks: { w?: Word; op?: string; raw: string }[] = [];
    for (;;) {
      if (toks[toks.length - 1]?.raw === '=~' && toks[toks.length - 1]?.w) {
        this.skipBlanks();
        const at = this.pos;
        const parts = this.readParts('regex');
        const raw = this.src.slice(at, this.pos);
        if (raw && raw !== ']]') {
          toks.push({ w: { parts, raw }, raw });
          continue;
        }
        this.pos = at;
      }
      const t = this.next();
      if (t.t === 'word' && isPlain(t.w) && t.w.raw === ']]') break;
      if (t.t === 'eof') this.errToken(t);
      if (t.t === 'nl') continue;
      if (t.t === 'word') toks.push({ w: t.w, raw: t.w.raw });
      else if (t.t === 'op' && ['&&', '||', '(', ')', '<', '>'].includes(t.v)) toks.push({ op: t.v, raw: t.v });
      else throw new ParseError('cond', `unexpected token \`${t.t === 'op' ? t.v : ''}' in conditional command`, line);
    }
    // bash 5.2 rejects an empty `[[ ]]` without a message.
    if (!toks.length) throw new ParseError('cond', '', line);
    let i = 0;
    const fail = (msg: string): never => {
      throw new ParseError('cond', msg, line);
    };
    const word = (x: (typeof toks)[number] | undefined): x is { w: Word; raw: string } => !!x?.w;
    // `a || b || c` and `a && b` associate to the left.
    const chain = (op: '||' | '&&', next: () => CondExpr): CondExpr => {
      let l = next();
      while (toks[i]?.op === op) {
        i++;
        l = { k: op === '||' ? 'or' : 'and', l, r: next() };
      }
      return l;
    };
    const or = (): CondExpr => chain('||', and);
    const and = (): CondExpr => chain('&&', not);
    const not = (): CondExpr => {
      const t = toks[i];
      if (word(t) && isPlain(t.w) && t.raw === '!' && toks[i + 1]) {
        i++;
        return { k: 'not', e: not() };
      }
      return primary();
    };
    const primary = (): CondExpr => {
      const t = toks[i];
      if (!t) return fail("unexpected argument `]]' to conditional binary operator");
      if (t.op === '(') {
        i++;
        const e = or();
        if (toks[i]?.op !== ')') fail('syntax error in conditional expression');
        i++;
        return { k: 'group', e };
      }
      if (!word(t)) return fail(`unexpected token \`${t.raw}', conditional binary operator expected`);
      if (COND_UNARY.has(t.raw) && isPlain(t.w)) {
        const a = toks[i + 1];
        if (!a) return fail("unexpected argument `]]' to conditional unary operator");
        if (!word(a)) return fail(`unexpected argument \`${a.raw}' to conditional unary operator`);
        i += 2;
        return { k: 'unary', op: t.raw, a: a.w };
      }
      i++;
      const op = toks[i];
      if (!op || op.op === '&&' || op.op === '||' || op.op === ')') return { k: 'word', a: t.w };
      if (COND_BINARY.has(op.raw) && (op.op || isPlain(op.w!))) {
        const b = toks[i + 1];
        if (!b) return fail("unexpected argument `]]' to conditional binary operator");
        if (!word(b)) return fail(`unexpected argument \`${b.raw}' to conditional binary operator`);
        i += 2;
        return { k: 'binary', op: op.raw, a: t.w, b: b.w };
      }
      return fail('conditional binary operator expected');
    };
    const expr = or();
    if (i < toks.length) fail('syntax error in conditional expression');
    return { k: 'cond', expr, redirs: this.parseRedirs(), line };
  }

  /** `for (( init; cond; step ))` from the `((` at `start`. */
  private parseArithFor(start: number): Command {
    const s = this.src;
    const line = this.lineAt(start);
    const { end: i, closed, semis: cuts } = arithClose(s, start + 2);
    if (!closed || cuts.length !== 2) {
      // bash: `syntax error: arithmetic expression required` and friends; report the `(` as the parser does.
      this.errToken(this.peek());
    }
    const part = (a: number, b: number): Word => {
      const inner = s.slice(a, b);
      return { parts: new Parser(inner, this.opts).readParts('arith'), raw: inner };
    };
    const init = part(start + 2, cuts[0]!);
    const cond = part(cuts[0]! + 1, cuts[1]!);
    const step = part(cuts[1]! + 1, i);
    this.peeked = undefined;
    this.pos = i + 2;
    const t = this.peek();
    if (t.t === 'nl' || (t.t === 'op' && t.v === ';')) this.next();
    this.skipNewlines();
    this.expectWord('do');
    const body = this.parseList(new Set(['done']));
    this.expectWord('done');
    return { k: 'arithfor', init, cond, step, body, redirs: this.parseRedirs(), line };
  }

  private parseCase(): Command {
    this.next();
    const wt = this.next();
    if (wt.t !== 'word') this.errToken(wt);
    this.skipNewlines();
    const it = this.next();
    if (!(it.t === 'word' && it.w.raw === 'in')) this.errToken(it);
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.next();
      if (t.t === 'word' && t.w.raw === 'esac') {
        this.lastEnd = t.end;
        break;
      }
      if (t.t === 'op' && t.v === '(') t = this.next();
      const patterns: Word[] = [];
      for (;;) {
        if (t.t !== 'word') this.errToken(t);
        patterns.push(t.w);
        const sep = this.next();
        if (sep.t === 'op' && sep.v === '|') {
          t = this.next();
          continue;
        }
        if (sep.t === 'op' && sep.v === ')') break;
        this.errToken(sep);
      }
      const body = this.parseList(new Set([';;', 'esac']));
      items.push({ patterns, body });
      const e = this.peek();
      if (e.t === 'op' && e.v === ';;') this.next();
    }
    return { k: 'case', word: wt.w, items, redirs: this.parseRedirs() };
  }

  private parseRedirs(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const r = this.tryRedirect();
      if (!r) break;
      out.push(r);
    }
    return out;
  }

  /** A redirect at the current token, if any. */
  private tryRedirect(): Redirect | undefined {
    const t = this.peek();
    let fd: number | undefined;
    if (t.t === 'word' && t.io !== undefined) {
      fd = t.io;
      this.next();
    } else if (!(t.t === 'op' && REDIR_OPS.has(t.v))) return undefined;
    const opTok = this.next();
    if (opTok.t !== 'op' || !REDIR_OPS.has(opTok.v)) this.errToken(opTok);
    const target = this.next();
    if (target.t !== 'word') this.errToken(target);
    this.lastEnd = target.end;
    let op = opTok.v as Redirect['op'] | '<<-';
    const r: Redirect = { fd: 0, op: '<', target: target.w };
    if (op === '<<' || op === '<<-') {
      const strip = op === '<<-';
      const quoted = target.w.parts.some((p) => p.k !== 'lit');
      const delim = target.w.parts.map((p) => (p.k === 'lit' || p.k === 'sq' ? p.v : p.k === 'dq' ? flatText(p.parts) : '')).join('');
      r.heredoc = { body: '', expand: !quoted };
      this.pending.push({ redir: r, delim, strip });
      op = '<<';
    }
    r.op = op;
    const defFd = op === '<' || op === '<<' || op === '<<<' || op === '<&' || op === '<>' ? 0 : op === '&>' || op === '&>>' ? -1 : 1;
    r.fd = fd ?? defFd;
    return r;
  }

  /** Whether the next token is a `(` right at `end` (no blank: `a=(` opens an array, `a= (` is a syntax error). */
  private parenAt(end: number): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === '(' && t.start === end;
  }

  /** The words of `(…)` after `NAME=` (the `(` is next), newlines allowed between them. */
  private arrayWords(): Word[] {
    this.next();
    const words: Word[] = [];
    for (;;) {
      const w = this.peek();
      if (w.t === 'op' && w.v === ')') break;
      if (w.t === 'nl') {
        this.next();
        continue;
      }
      if (w.t !== 'word') this.errToken(w);
      this.next();
      words.push(w.w);
    }
    this.lastEnd = this.next().end;
    return words;
  }

  private parseSimple(): SimpleCommand {
    const start = this.peek();
    const cmd: SimpleCommand = { k: 'simple', assigns: [], words: [], redirs: [], line: this.lineAt(start.start) };
    for (;;) {
      const r = this.tryRedirect();
      if (r) {
        cmd.redirs.push(r);
        continue;
      }
      const t = this.peek();
      if (t.t !== 'word') break;
      if (cmd.words.length === 0) {
        const a = asAssign(t.w);
        if (a) {
          this.next();
          this.lastEnd = t.end;
          if (a.value.raw === '' && this.parenAt(t.end)) {
            // NAME=(…): bash's array assignment, kept whole so the shell can refuse it (arrays are not simulated).
            a.array = this.arrayWords();
            cmd.arrayText ??= `${t.w.raw}(${a.array.map((w) => w.raw).join(' ')})`;
          }
          cmd.assigns.push(a);
          continue;
        }
      }
      this.next();
      this.lastEnd = t.end;
      if (cmd.words.length > 0 && DECLARATIONS.has(cmd.words[0].raw) && isPlain(t.w) && asAssign(t.w)?.value.raw === '' && this.parenAt(t.end)) {
        // `declare NAME=(…)` (and local, export, readonly, typeset): an array argument, kept whole so the shell can refuse it.
        const raw = `${t.w.raw}(${this.arrayWords().map((w) => w.raw).join(' ')})`;
        cmd.words.push({ parts: [{ k: 'lit', v: raw }], raw });
        cmd.arrayText ??= raw;
        continue;
      }
      cmd.words.push(t.w);
      if (cmd.words.length === 1 && cmd.assigns.length === 0 && NAME_RE.test(t.w.raw)) {
        const p = this.peek();
        if (p.t === 'op' && p.v === '(') {
          this.next();
          const c = this.next();
          if (!(c.t === 'op' && c.v === ')')) this.errToken(c);
          this.skipNewlines();
          return { k: 'func', name: t.w.raw, body: this.parseCommand() } as unknown as SimpleCommand;
        }
      }
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) this.errToken(this.peek());
    return cmd;
  }
}

/** The declaration builtins, whose `NAME=(…)` arguments bash parses as array assignments. */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

/** True when a word has no quoting at all (a candidate reserved word). */
function isPlain(w: Word): boolean {
  return w.parts.length === 1 && w.parts[0].k === 'lit';
}

function flatText(parts: WordPart[]): string {
  return parts.map((p) => (p.k === 'lit' || p.k === 'sq' ? p.v : '')).join('');
}

/** `NAME=value` / `NAME+=value` as an assignment, if the word is one. */
function asAssign(w: Word): Assign | undefined {
  const first = w.parts[0];
  if (!first || first.k !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v);
  if (!m) return undefined;
  const restFirst = first.v.slice(m[0].length);
  const parts: WordPart[] = restFirst ? [{ k: 'lit', v: restFirst }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], append: m[2] === '+', value: { parts, raw: w.raw.slice(m[0].length) } };
}
