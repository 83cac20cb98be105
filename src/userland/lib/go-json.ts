// The error texts of Go's encoding/json for malformed input (the scanner's
// "invalid character 'x' looking for beginning of value" family and
// "unexpected end of JSON input"), so programs written in Go — the CNI
// plugins, kubectl's decoders — report bad JSON with the words they use.
// Written from the behaviour of encoding/json (scanner.go), not its code.

/** How Go's quoteChar shows one character in an error message. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const code = c.codePointAt(0) ?? 0;
  const esc: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\x07': '\\a', '\v': '\\v', '\\': '\\\\' };
  if (esc[c]) return `'${esc[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Syntax extends Error {}

/**
 * The message json.Unmarshal gives for `text` when it is not valid JSON,
 * or undefined when it is.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const n = text.length;
  const eof = (): never => {
    throw new Syntax('unexpected end of JSON input');
  };
  // At the end of input the scanner steps once more with a space (scanner.eof): a state that
  // refuses a space (inside a literal, a number, an escape) reports that, others run out of input.
  const bad = (ctx: string): never => {
    throw new Syntax(`invalid character ${quoteChar(i < n ? text[i] : ' ')} ${ctx}`);
  };
  const ws = (): void => {
    while (i < n && ' \t\r\n'.includes(text[i])) i++;
  };
  const lit = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (i >= n || text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const str = (): void => {
    i++;
    for (;;) {
      if (i >= n) eof();
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        if (i >= n) bad('in string escape code');
        const e = text[i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n || !/[0-9a-fA-F]/.test(text[i])) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) bad('in string escape code');
        i++;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) bad('in string literal');
      i++;
    }
  };
  const num = (): void => {
    if (text[i] === '-') {
      i++;
      if (i >= n || !/[0-9]/.test(text[i])) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (i < n && /[0-9]/.test(text[i])) i++;
    if (i < n && text[i] === '.') {
      i++;
      if (i >= n || !/[0-9]/.test(text[i])) bad('after decimal point in numeric literal');
      while (i < n && /[0-9]/.test(text[i])) i++;
    }
    if (i < n && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      if (i < n && (text[i] === '+' || text[i] === '-')) i++;
      if (i >= n || !/[0-9]/.test(text[i])) bad('in exponent of numeric literal');
      while (i < n && /[0-9]/.test(text[i])) i++;
    }
  };
  const value = (depth: number): void => {
    ws();
    if (i >= n) eof();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (i >= n) eof();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) eof();
        if (text[i] !== '"') bad('looking for beginning of object key string');
        str();
        ws();
        if (i >= n) eof();
        if (text[i] !== ':') bad('after object key');
        i++;
        value(depth + 1);
        ws();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        bad('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (i >= n) eof();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (i >= n) eof();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        bad('after array element');
      }
    }
    if (c === '"') return str();
    if (c === '-' || /[0-9]/.test(c)) return num();
    if (c === 't') return lit('true');
    if (c === 'f') return lit('false');
    if (c === 'n') return lit('null');
    bad('looking for beginning of value');
  };
  try {
    value(0);
    ws();
    if (i < n) bad('after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof Syntax) return e.message;
    throw e;
  }
}

/** Go's name for the JSON kind of a decoded value in "cannot unmarshal X into ..." errors. */
export function goJsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}
