// POSIX regular expressions (GNU flavour, as glibc's regcomp compiles them for
// grep and sed) translated into JavaScript RegExp source: BRE and ERE,
// bracket expressions with character classes, intervals, back references,
// GNU escapes (\< \> \` \' \w \s), and regerror()'s messages for bad
// patterns. mawk's dialect differs and lives in text/awk.ts.

/** A pattern GNU regcomp() rejects; the message is regerror()'s text. */
export class RegexError extends Error {}

/** POSIX character classes as JavaScript class ranges (C locale). */
export const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

/** A bracket expression starting at `i` ('['): its JS class and the index after it. */
function bracketExpr(pat: string, i: number, grep = false): [string, number] {
  // grep's matcher reports a lone trailing `[` as a bad pattern, not an unmatched bracket.
  if (grep && i === pat.length - 1) throw new RegexError('Invalid regular expression');
  let j = i + 1;
  let out = '[';
  if (pat[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  for (;;) {
    if (j >= pat.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
    const c = pat[j];
    if (c === ']' && !first) return [out + ']', j + 1];
    first = false;
    if (c === '[' && (pat[j + 1] === ':' || pat[j + 1] === '.' || pat[j + 1] === '=')) {
      const kind = pat[j + 1];
      const end = pat.indexOf(kind + ']', j + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = pat.slice(j + 2, end);
      if (kind === ':') {
        if (!(name in CLASSES)) throw new RegexError('Invalid character class name');
        out += CLASSES[name];
      } else out += name.replace(/[\\\][^-]/g, '\\$&');
      j = end + 2;
      continue;
    }
    if (c === '\\') {
      const n = pat[j + 1];
      if (n === 'n') {
        out += '\\n';
        j += 2;
        continue;
      }
      if (n === 't') {
        out += '\\t';
        j += 2;
        continue;
      }
      if (n === '\\') {
        out += '\\\\';
        j += 2;
        continue;
      }
      out += '\\\\';
      j++;
      continue;
    }
    if (c === '[' || c === ']' || (c === '^' && out.length > 1)) out += '\\' + c;
    else out += c;
    j++;
  }
}

/** Dialect differences: grep (dfa.c before regex) accepts `a**` and treats an invalid ERE interval as literal text. */
export interface RegexDialect {
  grep?: boolean;
}

/** Translate a POSIX BRE/ERE (GNU flavour) into a JavaScript regex source. */
export function translateRegex(pat: string, ere: boolean, dialect: RegexDialect = {}): { src: string; groups: number } {
  const grep = !!dialect.grep;
  let out = '';
  let groups = 0;
  const open: number[] = [];
  const closed = new Set<number>();
  // Is position `out` at the start of an expression (for `*` and `^`)?
  let atStart = true;
  for (let i = 0; i < pat.length; ) {
    const c = pat[i];
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const [cls, next] = bracketExpr(pat, i, grep);
      out += cls;
      i = next;
      continue;
    }
    if (c === '\\') {
      const n = pat[i + 1];
      i += 2;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (!ere && n === '(') {
        groups++;
        open.push(groups);
        out += '(';
        atStart = true;
        continue;
      }
      if (!ere && n === ')') {
        if (!open.length) throw new RegexError('Unmatched ) or \\)');
        closed.add(open.pop()!);
        out += ')';
        continue;
      }
      if (!ere && n === '|') {
        out += '|';
        atStart = true;
        continue;
      }
      if (!ere && (n === '+' || n === '?')) {
        out += start ? '\\' + n : n;
        continue;
      }
      if (!ere && n === '{') {
        const m = /^(\d*)(,(\d*))?\\\}/.exec(pat.slice(i));
        if (!m) {
          if (!/\\\}/.test(pat.slice(i))) throw new RegexError('Unmatched \\{');
          throw new RegexError('Invalid content of \\{\\}');
        }
        if (m[1] === '' && m[2] === undefined) throw new RegexError('Invalid content of \\{\\}');
        if (m[3] && Number(m[3]) < Number(m[1] || 0)) throw new RegexError('Invalid content of \\{\\}');
        if (start) throw new RegexError('Invalid preceding regular expression');
        out += `{${m[1] || '0'}${m[2] ?? ''}}`;
        i += m[0].length;
        continue;
      }
      if (n >= '1' && n <= '9') {
        if (!closed.has(Number(n))) throw new RegexError('Invalid back reference');
        out += '\\' + n;
        continue;
      }
      if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else if (n === 'w' || n === 'W' || n === 's' || n === 'S' || n === 'b' || n === 'B') out += '\\' + n;
      else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if (n === '`') out += '(?<![\\s\\S])';
      else if (n === "'") out += '(?![\\s\\S])';
      else if (/[A-Za-z0-9]/.test(n)) out += n;
      else out += '\\' + n;
      continue;
    }
    i++;
    if (c === '.') out += '[\\s\\S]';
    else if (c === '*') {
      if (grep && !start && out.endsWith('*') && !out.endsWith('\\*')) continue;
      out += start ? '\\*' : '*';
    }
    else if (c === '^') {
      if (ere || start) {
        out += '^';
        atStart = true;
      } else out += '\\^';
    } else if (c === '$') {
      const rest = pat.slice(i);
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) out += '$';
      else out += '\\$';
    } else if (ere && c === '(') {
      groups++;
      open.push(groups);
      out += '(';
      atStart = true;
    } else if (ere && c === ')') {
      if (!open.length) throw new RegexError('Unmatched ) or \\)');
      closed.add(open.pop()!);
      out += ')';
    } else if (ere && c === '|') {
      out += '|';
      atStart = true;
    } else if (ere && (c === '+' || c === '?')) out += start ? '\\' + c : c;
    else if (ere && c === '{') {
      const m = /^(\d*)(,(\d*))?\}/.exec(pat.slice(i));
      if (!m && grep) {
        out += '\\{';
        continue;
      }
      if (!m) {
        if (!pat.slice(i).includes('}')) throw new RegexError('Unmatched { or \\{'.replace(' or \\{', '').replace('{', '\\{'));
        throw new RegexError('Invalid content of \\{\\}');
      }
      if (start) throw new RegexError('Invalid preceding regular expression');
      out += `{${m[1] || '0'}${m[2] ?? ''}}`;
      i += m[0].length;
    } else if ('(){}|+?/'.includes(c)) out += '\\' + c;
    else out += c;
  }
  if (open.length) throw new RegexError('Unmatched ( or \\(');
  return { src: out, groups };
}
