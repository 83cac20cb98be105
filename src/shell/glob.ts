// Shell patterns (fnmatch): `*`, `?`, `[...]` with ranges, negation and
// POSIX classes. A pattern string marks quoted characters with a preceding
// backslash, so `"*"` matches only a literal star. Used for pathname
// expansion, `case`, `${x#pat}` and `[[`-less tests.

import { safeRegExp } from './regex.ts';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
  word: 'A-Za-z0-9_',
};

/** Escape a literal string so that it matches itself as a pattern. */
export function escapeGlob(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** True when the pattern has an unescaped `*`, `?` or `[`. */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && pat.indexOf(']', i + 2) > 0) return true;
  }
  return false;
}

/** Remove the escaping backslashes of a pattern (its literal text). */
export function unescapeGlob(pat: string): string {
  return pat.replace(/\\(.)/gs, '$1');
}

/** Regular-expression source of a pattern (no anchors). */
export function globSource(pat: string): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') {
      const n = pat[++i];
      if (n !== undefined) re += reEscape(n);
      else re += '\\\\';
    } else if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      let j = i + 1;
      let neg = false;
      if (pat[j] === '!' || pat[j] === '^') {
        neg = true;
        j++;
      }
      let cls = '';
      let first = true;
      let closed = false;
      while (j < pat.length) {
        const d = pat[j];
        if (d === ']' && !first) {
          closed = true;
          break;
        }
        first = false;
        if (d === '[' && pat[j + 1] === ':') {
          const end = pat.indexOf(':]', j + 2);
          if (end > 0) {
            const name = pat.slice(j + 2, end);
            cls += Object.hasOwn(CLASSES, name) ? CLASSES[name] : '';
            j = end + 2;
            continue;
          }
        }
        if (d === '\\' && j + 1 < pat.length) {
          cls += reEscape(pat[j + 1]);
          j += 2;
          continue;
        }
        if (pat[j + 1] === '-' && pat[j + 2] !== undefined && pat[j + 2] !== ']') {
          // A reversed range (`[t-f]`) matches nothing, as in bash.
          if (d.codePointAt(0)! <= pat[j + 2].codePointAt(0)!) cls += reEscape(d) + '-' + reEscape(pat[j + 2]);
          j += 3;
          continue;
        }
        cls += reEscape(d);
        j++;
      }
      if (!closed) re += '\\[';
      else {
        // An empty set (only unknown classes, `[[:bogus:]]`) matches no character.
        re += cls ? `[${neg ? '^' : ''}${cls}]` : neg ? '[\\s\\S]' : '[^\\s\\S]';
        i = j;
      }
    } else re += reEscape(c);
  }
  return re;
}

function reEscape(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Does `s` match the whole pattern? */
export function globMatch(pat: string, s: string): boolean {
  try {
    return safeRegExp(`^${globSource(pat)}$`).test(s);
  } catch {
    return pat === s;
  }
}

/** The file-system view pathname expansion needs. */
export interface GlobFs {
  /** Names in a directory (sorted), or undefined if it is not a readable directory. */
  readdir(path: string): string[] | undefined;
  /** True if the path exists (symlinks followed or not). */
  exists(path: string): boolean;
}

/** C-locale byte order. */
export function cCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Expand a pattern against the file system, relative to `cwd`. Returns the
 * sorted matches, or an empty array when nothing matches. Bounded to 10 000
 * results.
 */
export function globExpand(pat: string, cwd: string, fs: GlobFs): string[] {
  const absolute = pat.startsWith('/');
  const comps = pat.split('/');
  let results: string[] = [absolute ? '/' : ''];
  for (let ci = absolute ? 1 : 0; ci < comps.length; ci++) {
    const comp = comps[ci];
    const last = ci === comps.length - 1;
    if (comp === '') {
      if (last) results = results.map((r) => (r.endsWith('/') ? r : r + '/'));
      continue;
    }
    const next: string[] = [];
    for (const base of results) {
      const dirPath = base === '' ? cwd : base;
      if (!hasGlob(comp)) {
        const p = join(base, unescapeGlob(comp));
        if (last ? fs.exists(resolve(p, cwd)) : true) next.push(p);
        continue;
      }
      const names = fs.readdir(resolve(dirPath, cwd));
      if (!names) continue;
      const re = safeRegExp(`^${globSource(comp)}$`);
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      for (const n of names) {
        if (n.startsWith('.') && !dotOk) continue;
        if (re.test(n)) next.push(join(base, n));
        if (next.length > 10_000) break;
      }
    }
    results = next;
    if (results.length === 0) return [];
  }
  return results.filter((r) => r !== '' && fs.exists(resolve(r, cwd))).sort(cCompare);
}

function join(base: string, name: string): string {
  if (base === '') return name;
  return base.endsWith('/') ? base + name : `${base}/${name}`;
}

function resolve(p: string, cwd: string): string {
  return p.startsWith('/') ? p : `${cwd}/${p}`;
}
