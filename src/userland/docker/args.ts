// Command-line parsing as the docker CLI (cobra/pflag) does it: flags may
// come before the first positional argument of `run`/`exec` (everything
// after the image/container is the command), long flags take `=value` or
// the next word, short boolean flags combine (`-dit`), `--` ends flags.

/** How one flag is spelled and whether it takes a value. */
export interface FlagDef {
  long: string;
  short?: string;
  value?: boolean;
  /** Repeated values accumulate. */
  multi?: boolean;
}

/** Parse result. */
export interface Parsed {
  flags: Map<string, string[]>;
  args: string[];
  error?: string;
}

/**
 * Parse `argv` against `defs`. `interspersed` false stops at the first
 * positional argument (docker run IMAGE CMD...).
 */
export function parseFlags(argv: string[], defs: FlagDef[], interspersed = true): Parsed {
  const flags = new Map<string, string[]>();
  const args: string[] = [];
  const byLong = new Map(defs.map((d) => [d.long, d]));
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short!, d]));
  const set = (d: FlagDef, v: string): void => {
    const cur = flags.get(d.long) ?? [];
    cur.push(v);
    flags.set(d.long, cur);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const d = byLong.get(name);
      if (!d) return { flags, args, error: `unknown flag: --${name}` };
      if (d.value) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) return { flags, args, error: `flag needs an argument: --${name}` };
        set(d, v);
      } else set(d, eq >= 0 ? a.slice(eq + 1) : 'true');
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const d = byShort.get(a[j]);
        if (!d) return { flags, args, error: `unknown shorthand flag: '${a[j]}' in ${a}` };
        if (d.value) {
          const rest = a.slice(j + 1);
          const v = rest ? rest.replace(/^=/, '') : argv[++i];
          if (v === undefined) return { flags, args, error: `flag needs an argument: '${a[j]}' in -${a[j]}` };
          set(d, v);
          break;
        }
        set(d, 'true');
      }
      continue;
    }
    args.push(a);
    if (!interspersed) {
      args.push(...argv.slice(i + 1));
      break;
    }
  }
  return { flags, args };
}

/** Last value of a flag. */
export function flag(p: Parsed, long: string): string | undefined {
  const v = p.flags.get(long);
  return v ? v[v.length - 1] : undefined;
}

/** A boolean flag's value. */
export function bool(p: Parsed, long: string): boolean {
  const v = flag(p, long);
  return v !== undefined && v !== 'false';
}
