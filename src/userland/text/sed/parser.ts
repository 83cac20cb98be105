// The sed parser: a script to commands with addresses, regexes and replacement pieces, with GNU sed 4.9 messages.

import { RegexError, translateRegex } from '../../lib/posix-regex.ts';
import { safeRegExp } from '../../lib/safe-regex.ts';

/** A compiled sed regex. */
export interface Rx {
  re: RegExp;
  groups: number;
}


// ---------------------------------------------------------------- program

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; rx: Rx | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

export type Piece = { lit: string } | { ref: number } | { cas: 'L' | 'U' | 'l' | 'u' | 'E' };

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  name: string;
  /** Range state: GNU's RANGE_INACTIVE/ACTIVE/CLOSED. */
  state: 'inactive' | 'active' | 'closed';
  end: number;
  text?: string;
  label?: string;
  target?: number;
  int?: number;
  file?: string;
  rx?: Rx | null;
  repl?: Piece[];
  global?: boolean;
  print?: number;
  nth?: number;
  map?: Map<string, string>;
}

export class ParseError extends Error {
  pos: number;
  constructor(msg: string, pos: number) {
    super(msg);
    this.pos = pos;
  }
}

export const WS = (c: string): boolean => c === ' ' || c === '\t';

export class Parser {
  s: string;
  pos = 0;
  ere: boolean;
  cmds: Cmd[] = [];
  blocks: number[] = [];
  wfiles = new Set<string>();

  constructor(s: string, ere: boolean) {
    this.s = s;
    this.ere = ere;
  }

  inchar(): string {
    if (this.pos >= this.s.length) return '';
    return this.s[this.pos++];
  }

  savchar(c: string): void {
    if (c !== '') this.pos--;
  }

  nonblank(): string {
    let c: string;
    do c = this.inchar();
    while (WS(c));
    return c;
  }

  fail(msg: string): never {
    throw new ParseError(msg, this.pos);
  }

  readInt(first: string): number {
    let n = first;
    let c: string;
    while ((c = this.inchar()) >= '0' && c <= '9') n += c;
    this.savchar(c);
    return Number(n);
  }

  endOfCmd(): void {
    const c = this.nonblank();
    if (c === '}' || c === '#') this.savchar(c);
    else if (c !== '' && c !== '\n' && c !== ';') this.fail('extra characters after command');
  }

  /** Text up to an unescaped `delim` (GNU match_slash); null when unterminated. */
  slash(delim: string, regex: boolean): string | null {
    let out = '';
    for (;;) {
      const c = this.inchar();
      if (c === '') return null;
      if (c === delim) return out;
      if (c === '\n' && regex) return null;
      if (c === '\\') {
        const n = this.inchar();
        if (n === '') return null;
        if (n === delim) out += delim;
        else if (n === 'n' && regex) out += '\\n';
        else if (n === '\n' && regex) return null;
        else out += '\\' + n;
        continue;
      }
      if (c === '[' && regex) {
        // A bracket expression may hold the delimiter.
        const save = this.pos;
        let j = this.pos;
        if (this.s[j] === '^') j++;
        if (this.s[j] === ']') j++;
        for (; j < this.s.length && this.s[j] !== ']' && this.s[j] !== '\n'; j++) {
          if (this.s[j] === '[' && ':.='.includes(this.s[j + 1] ?? '')) {
            const e = this.s.indexOf(this.s[j + 1] + ']', j + 2);
            if (e > 0) j = e + 1;
          }
        }
        if (j < this.s.length && this.s[j] === ']') {
          out += '[' + this.s.slice(save, j + 1);
          this.pos = j + 1;
          continue;
        }
        return null;
      }
      out += c;
    }
  }

  compileRx(pat: string, flags: string): Rx | null {
    if (pat === '') return null;
    try {
      const { src, groups } = translateRegex(pat, this.ere);
      return { re: safeRegExp(src, 'g' + flags, { longest: true }), groups };
    } catch (e) {
      if (e instanceof RegexError) this.fail(e.message);
      this.fail('Invalid regular expression');
    }
  }

  address(c: string, second: boolean): Addr | undefined {
    if (c === '/' || c === '\\') {
      const delim = c === '\\' ? this.inchar() : '/';
      const pat = this.slash(delim, true);
      if (pat === null) this.fail('unterminated address regex');
      let flags = '';
      for (;;) {
        const f = this.nonblank();
        if (f === 'I') flags += flags.includes('i') ? '' : 'i';
        else if (f === 'M') flags += flags.includes('m') ? '' : 'm';
        else {
          this.savchar(f);
          break;
        }
      }
      return { kind: 're', rx: this.compileRx(pat, flags) };
    }
    if (c >= '0' && c <= '9') {
      const n = this.readInt(c);
      const t = this.nonblank();
      if (t === '~' && !second) {
        const d = this.nonblank();
        const step = d >= '0' && d <= '9' ? this.readInt(d) : (this.savchar(d), 0);
        return { kind: 'step', first: n, step };
      }
      this.savchar(t);
      return { kind: 'line', n };
    }
    if ((c === '+' || c === '~') && second) {
      const d = this.nonblank();
      if (d >= '0' && d <= '9') {
        const n = this.readInt(d);
        return c === '+' ? { kind: 'plus', n } : { kind: 'mult', n };
      }
      this.savchar(d);
      return undefined;
    }
    if (c === '$') return { kind: 'last' };
    return undefined;
  }

  label(): string {
    let c = this.nonblank();
    let l = '';
    while (c !== '' && c !== '\n' && c !== ';' && !WS(c)) {
      l += c;
      c = this.inchar();
    }
    this.savchar(c);
    if (c !== '' && c !== '\n') this.endOfCmd();
    return l;
  }

  filename(): string {
    let c = this.nonblank();
    let f = '';
    while (c !== '' && c !== '\n') {
      f += c;
      c = this.inchar();
    }
    if (f === '') this.fail('missing filename in r/R/w/W commands');
    return f;
  }

  /** GNU read_text: a/i/c text, one-liner or `\`-continued lines. */
  text(): string {
    let c = this.nonblank();
    if (c === '') this.fail("expected \\ after `a', `c' or `i'");
    let raw = '';
    if (c === '\\') {
      c = this.inchar();
      if (c === '') return '';
      if (c !== '\n') raw += c === '\\' ? '\\' : c;
      if (c === '\\') {
        // `a\\t`: the escaped character starts the text.
        const n = this.inchar();
        if (n !== '') raw += n;
      }
    } else this.savchar(c);
    for (;;) {
      c = this.inchar();
      if (c === '' || c === '\n') break;
      if (c === '\\') {
        const n = this.inchar();
        if (n === '') break;
        raw += '\\' + n;
        continue;
      }
      raw += c;
    }
    return unescapeText(raw) + '\n';
  }

  parse(): Cmd[] {
    for (;;) {
      let c = this.inchar();
      while (c === ';' || WS(c) || c === '\n') c = this.inchar();
      if (c === '') break;
      if (c === '#') {
        while (c !== '' && c !== '\n') c = this.inchar();
        continue;
      }
      const cmd: Cmd = { neg: false, name: '', state: 'inactive', end: 0 };
      c = this.addresses(cmd, c);
      cmd.name = c;
      if (c === '{' || c === '}') this.brace(cmd, c);
      else {
        this.args(cmd, c);
        this.cmds.push(cmd);
      }
    }
    if (this.blocks.length) {
      this.pos = 0;
      this.fail("unmatched `{'");
    }
    this.resolveLabels();
    return this.cmds;
  }

  /** The command's addresses and `!` (from its first character `c`); returns the command character. */
  private addresses(cmd: Cmd, c: string): string {
    cmd.a1 = this.address(c, false);
    if (cmd.a1) {
      c = this.nonblank();
      if (c === ',') {
        cmd.a2 = this.address(this.nonblank(), true);
        if (!cmd.a2) this.fail("unexpected `,'");
        c = this.nonblank();
      }
    }
    if (c === '!') {
      cmd.neg = true;
      c = this.nonblank();
      if (c === '!') this.fail("multiple `!'s");
      while (WS(c)) c = this.nonblank();
    }
    if (c === '' || c === '\n' || c === ';') {
      if (cmd.a1 || cmd.neg) this.fail('missing command');
    }
    if (cmd.a1 && cmd.a1.kind === 'line' && cmd.a1.n === 0 && !(cmd.a2 && cmd.a2.kind === 're')) this.fail('invalid usage of line address 0');
    if (cmd.a1?.kind === 'line' && cmd.a1.n === 0) cmd.state = 'active';
    return c;
  }

  /** `{` opens a block (its target is set when `}` closes it). */
  private brace(cmd: Cmd, c: '{' | '}'): void {
    if (c === '{') {
      this.blocks.push(this.cmds.length);
      this.cmds.push(cmd);
      return;
    }
    if (!this.blocks.length) this.fail("unexpected `}'");
    if (cmd.a1) this.fail("} doesn't want any addresses");
    const open = this.blocks.pop()!;
    this.endOfCmd();
    this.cmds.push(cmd);
    this.cmds[open].target = this.cmds.length;
  }

  /** What follows the command character: a label, text, a number, a file name, s and y arguments. */
  private args(cmd: Cmd, c: string): void {
    switch (c) {
      case ':':
        if (cmd.a1) this.fail(`: doesn't want any addresses`);
        cmd.label = this.colonLabel();
        return;
      case 'a':
      case 'i':
      case 'c':
        cmd.text = this.text();
        return;
      case 'b':
      case 't':
      case 'T':
        cmd.label = this.label();
        return;
      case 'q':
      case 'Q':
      case 'l':
      case 'L': {
        if ((c === 'q' || c === 'Q') && cmd.a2) this.fail('command only uses one address');
        const d = this.nonblank();
        if (d >= '0' && d <= '9') cmd.int = this.readInt(d);
        else this.savchar(d);
        this.endOfCmd();
        return;
      }
      case 'r':
      case 'R':
        cmd.file = this.filename();
        return;
      case 'w':
      case 'W':
        cmd.file = this.filename();
        this.wfiles.add(cmd.file);
        return;
      case 's':
        return this.subst(cmd);
      case 'y':
        return this.ycmd(cmd);
    }
    if ('=dDgGhHnNpPxzF'.includes(c) && c !== '') this.endOfCmd();
    else this.fail(`unknown command: \`${c}'`);
  }

  /** The label of `:label` (up to a newline or `;`, trailing blanks dropped). */
  private colonLabel(): string {
    let l = '';
    let d = this.nonblank();
    while (d !== '' && d !== '\n' && d !== ';') {
      l += d;
      d = this.inchar();
    }
    l = l.replace(/[ \t]+$/, '');
    if (l === '') this.fail('":" lacks a label');
    return l;
  }

  /** Point b, t and T at their labels (the first `:` of a name wins). */
  private resolveLabels(): void {
    const labels = new Map<string, number>();
    this.cmds.forEach((c, i) => {
      if (c.name === ':' && c.label !== undefined && !labels.has(c.label)) labels.set(c.label, i);
    });
    for (const c of this.cmds) {
      if ('btT'.includes(c.name) && c.label) {
        const t = labels.get(c.label);
        if (t === undefined) throw new LabelError(c.label);
        c.target = t;
      }
    }
  }

  subst(cmd: Cmd): void {
    const delim = this.inchar();
    if (delim === '' || delim === '\n' || delim === '\\') this.fail("unterminated `s' command");
    const pat = this.slash(delim, true);
    if (pat === null) this.fail("unterminated `s' command");
    const rep = this.slash(delim, false);
    if (rep === null) this.fail("unterminated `s' command");
    let flags = '';
    let nth: number | undefined;
    let g = false;
    let pr = 0;
    for (;;) {
      const c = this.inchar();
      if (c === 'i' || c === 'I') flags += flags.includes('i') ? '' : 'i';
      else if (c === 'm' || c === 'M') flags += flags.includes('m') ? '' : 'm';
      else if (c === 'e') void 0;
      else if (c === 'p') {
        if (pr) this.fail("multiple `p' options to `s' command");
        pr = 1;
      } else if (c === 'g') {
        if (g) this.fail("multiple `g' options to `s' command");
        g = true;
      } else if (c >= '0' && c <= '9') {
        if (nth !== undefined) this.fail("multiple number options to `s' command");
        nth = this.readInt(c);
        if (nth === 0) this.fail("number option to `s' command may not be zero");
      } else if (c === 'w') {
        cmd.file = this.filename();
        this.wfiles.add(cmd.file);
        break;
      } else if (c === '}' || c === '#') {
        this.savchar(c);
        break;
      } else if (c === '' || c === '\n' || c === ';') break;
      else if (WS(c)) continue;
      else this.fail("unknown option to `s'");
    }
    cmd.rx = this.compileRx(pat, flags);
    cmd.repl = parseRepl(rep);
    const maxRef = Math.max(0, ...cmd.repl.map((x) => ('ref' in x ? x.ref : 0)));
    if (cmd.rx && maxRef > cmd.rx.groups) this.fail(`invalid reference \\${maxRef} on \`s' command's RHS`);
    cmd.global = g;
    cmd.nth = nth ?? 1;
    cmd.print = pr;
  }

  ycmd(cmd: Cmd): void {
    const delim = this.inchar();
    const a = this.slash(delim, false);
    const b = a === null ? null : this.slash(delim, false);
    if (a === null || b === null) this.fail("unterminated `y' command");
    const un = (s: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (s[i] === '\\' && i + 1 < s.length) {
          const n = s[++i];
          out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' ? '\\' : '\\' + n);
        } else out.push(s[i]);
      }
      return out;
    };
    const x = un(a);
    const y = un(b);
    if (x.length !== y.length || x.some((c) => c.length > 1) || y.some((c) => c.length > 1)) this.fail("strings for `y' command are different lengths");
    cmd.map = new Map(x.map((c, i) => [c, y[i]]));
    this.endOfCmd();
  }
}

export class LabelError extends Error {}

/** Escapes in a/i/c text: \t, \n ... are characters; other backslashes are dropped. */
export function unescapeText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const n = raw[++i];
    const esc = simpleEscape(raw, i);
    if (esc) {
      out += esc[0];
      i = esc[1];
    } else out += n;
  }
  return out;
}

/** \a \f \n \r \t \v \dNNN \oNNN \xHH \cX at raw[i] (the char after `\`): [text, last index]. */
export function simpleEscape(raw: string, i: number): [string, number] | undefined {
  const n = raw[i];
  const map: Record<string, string> = { a: '\x07', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  if (n in map) return [map[n], i];
  let m: RegExpExecArray | null;
  if (n === 'd' && (m = /^\d{1,3}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(Number(m[0]) & 255), i + m[0].length];
  if (n === 'o' && (m = /^[0-7]{1,3}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 8) & 255), i + m[0].length];
  if (n === 'x' && (m = /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 1)))) return [String.fromCharCode(parseInt(m[0], 16)), i + m[0].length];
  if (n === 'c' && i + 1 < raw.length) return [String.fromCharCode(raw[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), i + 1];
  return undefined;
}

export function parseRepl(s: string): Piece[] {
  const out: Piece[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '&') {
      flush();
      out.push({ ref: 0 });
      continue;
    }
    if (c !== '\\' || i + 1 >= s.length) {
      lit += c;
      continue;
    }
    const n = s[++i];
    if (n >= '0' && n <= '9') {
      flush();
      out.push({ ref: Number(n) });
    } else if ('LUluE'.includes(n)) {
      flush();
      out.push({ cas: n as 'L' });
    } else if (n === '\n') lit += '\n';
    else {
      const esc = simpleEscape(s, i);
      if (esc) {
        lit += esc[0];
        i = esc[1];
      } else lit += n;
    }
  }
  flush();
  return out;
}
