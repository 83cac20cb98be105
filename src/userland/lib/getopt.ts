// POSIX/GNU getopt(3) for simulated programs: short options with arguments
// (`c:`), clustering (`-qc3`), `--` end marker and, like glibc by default,
// permutation (options may follow operands). Long options are matched by
// unambiguous prefix as getopt_long does.

/** A long option: name, and whether it takes an argument. */
export interface LongOpt {
  name: string;
  arg: 'none' | 'required' | 'optional';
  /** The key reported for it (defaults to `--name`). */
  key?: string;
}

/** The result of parsing. */
export interface GetoptResult {
  /** Options in order: [key, value]. Keys are `-x` or the long option's key. */
  opts: [string, string | undefined][];
  /** Operands (non-option arguments). */
  args: string[];
  /** The first error, formatted like glibc (without the `prog: ` prefix). */
  error?: string;
  /** The option character/name the error is about. */
  errorOpt?: string;
}

/**
 * Parse `argv` (without argv[0]) against a short-option spec like `c:i:qW:`.
 * `permute` false stops at the first operand (POSIXLY_CORRECT / `+` spec).
 */
export function getopt(argv: string[], spec: string, longopts: LongOpt[] = [], permute = true): GetoptResult {
  const takesArg = new Map<string, boolean>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === ':' || c === '+') continue;
    takesArg.set(c, spec[i + 1] === ':');
  }
  const res: GetoptResult = { opts: [], args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      res.args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && longopts.length) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const exact = longopts.find((l) => l.name === name);
      const cands = exact ? [exact] : longopts.filter((l) => l.name.startsWith(name));
      if (cands.length !== 1) {
        res.error = cands.length ? `option '--${name}' is ambiguous` : `unrecognized option '${a.slice(0, eq < 0 ? undefined : eq)}'`;
        res.errorOpt = name;
        return res;
      }
      const l = cands[0];
      const key = l.key ?? `--${l.name}`;
      if (l.arg === 'none') {
        if (eq >= 0) {
          res.error = `option '--${l.name}' doesn't allow an argument`;
          res.errorOpt = l.name;
          return res;
        }
        res.opts.push([key, undefined]);
      } else if (eq >= 0) res.opts.push([key, a.slice(eq + 1)]);
      else if (l.arg === 'required') {
        if (i + 1 >= argv.length) {
          res.error = `option '--${l.name}' requires an argument`;
          res.errorOpt = l.name;
          return res;
        }
        res.opts.push([key, argv[++i]]);
      } else res.opts.push([key, undefined]);
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const t = takesArg.get(c);
        if (t === undefined) {
          res.error = `invalid option -- '${c}'`;
          res.errorOpt = c;
          return res;
        }
        if (!t) {
          res.opts.push([`-${c}`, undefined]);
          continue;
        }
        if (j + 1 < a.length) {
          res.opts.push([`-${c}`, a.slice(j + 1)]);
        } else if (i + 1 < argv.length) {
          res.opts.push([`-${c}`, argv[++i]]);
        } else {
          res.error = `option requires an argument -- '${c}'`;
          res.errorOpt = c;
          return res;
        }
        break;
      }
      continue;
    }
    res.args.push(a);
    if (!permute) {
      res.args.push(...argv.slice(i + 1));
      break;
    }
  }
  return res;
}
