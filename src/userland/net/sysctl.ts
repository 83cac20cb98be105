// sysctl (procps-ng 4.0.2): read and write kernel parameters through
// /proc/sys exactly as the real tool does — `a.b.c` becomes /proc/sys/a/b/c,
// reads stat and open the file (directories are listed recursively),
// writes open it for writing, and the kernel's errno decides the message.

import { NOT_SIMULATED_STATUS, declareNotSimulated, notSimulatedMessage, register } from '../registry.ts';
import { NOT_SIMULATED_SYSCTLS, notSimulatedSysctl } from '../../kernel/procfs.ts';
import type { Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { kernelOf } from '../lib/sys.ts';
import { safeRegExp } from '../lib/safe-regex.ts';

const PROC_PATH = '/proc/sys/';
const DEFAULT_PRELOAD = '/etc/sysctl.conf';
/** Where `--system` looks for *.conf files, in procps 4.0.2's order. */
const SYSTEM_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];

const USAGE =
  '\nUsage:\n sysctl [options] [variable[=value] ...]\n\nOptions:\n' +
  '  -a, --all            display all variables\n' +
  '  -A                   alias of -a\n' +
  '  -X                   alias of -a\n' +
  '      --deprecated     include deprecated parameters to listing\n' +
  '      --dry-run        Print the key and values but do not write\n' +
  '  -b, --binary         print value without new line\n' +
  '  -e, --ignore         ignore unknown variables errors\n' +
  '  -N, --names          print variable names without values\n' +
  '  -n, --values         print only values of the given variable(s)\n' +
  '  -p, --load[=<file>]  read values from file\n' +
  '  -f                   alias of -p\n' +
  '      --system         read values from all system directories\n' +
  '  -r, --pattern <expression>\n' +
  '                       select setting that match expression\n' +
  '  -q, --quiet          do not echo variable set\n' +
  '  -w, --write          enable writing a value to variable\n' +
  '  -o                   does nothing\n' +
  '  -x                   does nothing\n' +
  '  -d                   alias of -h\n\n' +
  ' -h, --help     display this help and exit\n' +
  ' -V, --version  output version information and exit\n\n' +
  'For more details see sysctl(8).\n';

const LONGOPTS: [string, string, 'none' | 'required' | 'optional'][] = [
  ['all', 'a', 'none'],
  ['deprecated', 'deprecated', 'none'],
  ['dry-run', 'dry-run', 'none'],
  ['binary', 'b', 'none'],
  ['ignore', 'e', 'none'],
  ['names', 'N', 'none'],
  ['values', 'n', 'none'],
  ['load', 'p', 'optional'],
  ['quiet', 'q', 'none'],
  ['write', 'w', 'none'],
  ['system', 'system', 'none'],
  ['pattern', 'r', 'required'],
  ['help', 'h', 'none'],
  ['version', 'V', 'none'],
];

/** A setting parsed from the command line or a file. */
interface Setting {
  key: string;
  path: string;
  value: string | undefined;
  ignoreFailure: boolean;
  globExclude: boolean;
}

/** One sysctl run's state (the real tool's globals). */
class Sysctl {
  readonly p: Process;
  printName = true;
  printNewline = true;
  ignoreError = false;
  nameOnly = false;
  quiet = false;
  dryRun = false;
  pattern: RegExp | undefined;

  constructor(p: Process) {
    this.p = p;
  }

  warnx(msg: string): void {
    this.p.stderr.write(`sysctl: ${msg}\n`);
  }

  warn(msg: string, e: unknown): void {
    this.warnx(`${msg}: ${errMsg(e)}`);
  }

  /**
   * slashdot(): turn `.` separators into `/` (or back). The first separator
   * decides whether the name is already in the wanted form; the two
   * characters are swapped so a `/` inside a key (VLAN names) survives.
   */
  slashdot(s: string, from: string, to: string): string {
    const i = s.search(/[/.]/);
    if (i < 0 || s[i] === to) return s;
    let warned = false;
    let out = s.slice(0, i);
    for (let j = i; j < s.length; j++) {
      const c = s[j];
      if ((c === '/' || c === '.') && (s[j + 1] === '/' || s[j + 1] === '.') && !warned) {
        this.warnx(`separators should not be repeated: ${s.slice(j)}`);
        warned = true;
      }
      out += c === from ? to : c === to ? from : c;
    }
    return out;
  }

  stat(path: string): 'file' | 'dir' | 'ro' | KernelError {
    const k = kernelOf(this.p);
    try {
      const n = k.vfs.lookup(path, this.p.vfsCtx());
      if (n.kind === 'dir' || n.kind === 'gendir') return 'dir';
      if (n.kind === 'gen' && !n.write) return 'ro';
      if (path.endsWith('/')) return new KernelError('ENOTDIR');
      return 'file';
    } catch (e) {
      if (e instanceof KernelError) return e;
      throw e;
    }
  }

  /** ReadSetting(): print one key, or everything under a directory. */
  read(name: string): number {
    if (!name) {
      this.warnx(`"${name}" is an unknown key`);
      return -1;
    }
    const outname = this.slashdot(name, '/', '.');
    const tmpname = PROC_PATH + this.slashdot(name, '.', '/');
    const st = this.stat(tmpname);
    if (st instanceof KernelError) {
      if (!this.ignoreError) {
        this.warn(`cannot stat ${tmpname}`, st);
        return 1;
      }
      return 0;
    }
    if (st === 'dir') return this.displayAll(tmpname.replace(/\/*$/, '/'));
    if (this.pattern && !this.pattern.test(outname)) return 0;
    if (this.nameOnly) {
      this.p.stdout.write(`${outname}\n`);
      return 0;
    }
    let value: string;
    try {
      value = kernelOf(this.p).vfs.readFile(tmpname, this.p.vfsCtx());
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      if (e.errno === 'ENOENT') {
        if (!this.ignoreError) {
          this.warnx(`"${outname}" is an unknown key`);
          return 1;
        }
        return 0;
      }
      if (e.errno === 'EACCES') this.warnx(`permission denied on key '${outname}'`);
      else this.warnx(`reading key "${outname}"`);
      return 1;
    }
    if (value === '') return 0;
    if (this.printName) this.p.stdout.write(`${outname} = ${value.endsWith('\n') ? value : value + '\n'}`);
    else this.p.stdout.write(this.printNewline ? value : value.replace(/\n$/, ''));
    return 0;
  }

  /** DisplayAll(): every setting below a /proc/sys directory, depth first. */
  displayAll(path: string, depth = 0): number {
    const k = kernelOf(this.p);
    let names: string[];
    try {
      names = k.vfs.readdir(path, this.p.vfsCtx());
    } catch {
      this.warnx(`unable to open directory "${path}"`);
      return 1;
    }
    let rc = 0;
    for (const n of names) {
      const full = path + n;
      const st = depth > 16 ? 'file' : this.stat(full);
      if (st instanceof KernelError) {
        this.warn(`cannot stat ${full}`, st);
        rc |= 1;
      } else if (st === 'dir') rc |= this.displayAll(full + '/', depth + 1);
      else rc |= this.read(full.slice(PROC_PATH.length));
    }
    return rc;
  }

  /** parse_setting_line(). */
  parseLine(where: string, lineno: number, line: string): Setting | undefined {
    let key = line.replace(/^\s+/, '');
    if (key.length < 2) return undefined;
    if (key[0] === '#' || key[0] === ';') return undefined;
    if (this.pattern && !this.pattern.test(key)) return undefined;
    const eq = key.indexOf('=');
    let value: string | undefined;
    let ignoreFailure = false;
    let globExclude = false;
    if (eq < 0) {
      if (key[0] === '-') {
        globExclude = true;
        key = key.slice(1).replace(/\s+$/, '');
      } else {
        this.warnx(`${where}(${lineno}): invalid syntax, continuing...`);
        return undefined;
      }
    } else {
      value = key.slice(eq + 1).replace(/^\s+/, '').replace(/\s+$/, '');
      key = key.slice(0, eq);
      if (key[0] === '-') {
        ignoreFailure = true;
        key = key.slice(1);
      }
      key = key.replace(/\s+$/, '');
    }
    const path = PROC_PATH + this.slashdot(key, '.', '/');
    return { key, path, value, ignoreFailure, globExclude };
  }

  /** WriteSetting(). */
  write(s: Setting): number {
    const { path, value } = s;
    const st = this.stat(path);
    if (st instanceof KernelError) {
      if (!this.ignoreError) {
        this.warn(`cannot stat ${path}`, st);
        return 1;
      }
      return 0;
    }
    if (path.length <= PROC_PATH.length) {
      this.warnx(`Path is not under ${PROC_PATH}: ${path}`);
      return 1;
    }
    const dotted = this.slashdot(path.slice(PROC_PATH.length), '/', '.');
    if (st === 'ro' || st === 'dir') {
      // procps 4.0.2 reports a stale errno here and carries on successfully.
      this.warnx(`setting key "${dotted}": Invalid argument`);
      return 0;
    }
    if (!this.dryRun) {
      try {
        kernelOf(this.p).vfs.writeFile(path, `${value ?? ''}\n`, this.p.vfsCtx());
        // (a sysctl the kernel keeps but does not model refuses a change: EOPNOTSUPP below)
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        if (e.errno === 'ENOENT') {
          if (!this.ignoreError) {
            this.warnx(`"${dotted}" is an unknown key${s.ignoreFailure ? ', ignoring' : ''}`);
            return s.ignoreFailure ? 0 : 1;
          }
          return 0;
        }
        if (e.errno === 'EACCES') {
          // A read-only entry: procps 4.0.2 reports a stale errno and carries on successfully.
          this.warnx(`setting key "${dotted}": Invalid argument`);
          return 0;
        }
        if (e.errno === 'EOPNOTSUPP' && notSimulatedSysctl(dotted)) {
          this.p.stderr.write(notSimulatedMessage('sysctl', dotted));
          return NOT_SIMULATED_STATUS;
        }
        this.warn(`setting key "${dotted}"`, e);
        return 1;
      }
    }
    if (!this.quiet || this.dryRun) {
      if (this.nameOnly) this.p.stdout.write(`${value}\n`);
      else if (this.printName) this.p.stdout.write(`${dotted} = ${value}\n`);
      else this.p.stdout.write(this.printNewline ? `${value}\n` : `${value}`);
    }
    return 0;
  }

  /** Preload(): settings of one file. */
  async preload(list: Setting[], file: string): Promise<number> {
    let text: string;
    if (file === '-') {
      text = '';
      for (;;) {
        const chunk = await this.p.stdin.read();
        if (chunk === null) break;
        text += chunk;
      }
    } else {
      try {
        text = kernelOf(this.p).vfs.readFile(file, this.p.vfsCtx());
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        // Debian ships an /etc/sysctl.conf holding only comments.
        if (file === DEFAULT_PRELOAD && e.errno === 'ENOENT') return 0;
        this.warn(`cannot open "${file}"`, e);
        return 1;
      }
    }
    const lines = text.split(/(?<=\n)/);
    lines.forEach((line, i) => {
      if (line.length < 2) return;
      const s = this.parseLine(file, i + 1, line);
      if (s) list.push(s);
    });
    return 0;
  }

  writeList(list: Setting[]): number {
    let rc = 0;
    for (const s of list) {
      if (s.globExclude) continue;
      rc |= this.write(s);
    }
    return rc;
  }
}

function errMsg(e: unknown): string {
  if (e instanceof KernelError) return e.message;
  throw e;
}

async function sysctl(p: Process): Promise<number> {
  const s = new Sysctl(p);
  const argv = p.argv.slice(1);
  if (!argv.length) {
    p.stderr.write(USAGE);
    return 1;
  }
  let writeMode = false;
  let displayAllOpt = false;
  let preloadOpt = false;
  let preloadFile: string | undefined;
  let system = false;
  const operands: string[] = [];
  const handle = (c: string, arg: string | undefined): number | undefined => {
    switch (c) {
      case 'b':
        s.printNewline = false;
        s.printName = false;
        return undefined;
      case 'n':
        s.printName = false;
        return undefined;
      case 'e':
        s.ignoreError = true;
        return undefined;
      case 'N':
        s.nameOnly = true;
        return undefined;
      case 'w':
        writeMode = true;
        return undefined;
      case 'f':
      case 'p':
        preloadOpt = true;
        if (arg) preloadFile = arg;
        return undefined;
      case 'q':
        s.quiet = true;
        return undefined;
      case 'o':
      case 'x':
      case 'deprecated':
        return undefined;
      case 'a':
      case 'A':
      case 'X':
        displayAllOpt = true;
        return undefined;
      case 'system':
        system = true;
        return undefined;
      case 'dry-run':
        s.dryRun = true;
        return undefined;
      case 'r':
        try {
          s.pattern = safeRegExp(arg ?? '', '', { longest: true });
        } catch {
          s.pattern = /$^/;
        }
        return undefined;
      case 'V':
        p.stdout.write('sysctl from procps-ng 4.0.2\n');
        return 0;
      case 'd':
      case 'h':
        p.stdout.write(USAGE);
        return 0;
      default:
        p.stdout.write(USAGE);
        return 0;
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const cands = LONGOPTS.filter((l) => l[0].startsWith(name));
      const l = cands.find((x) => x[0] === name) ?? (cands.length === 1 ? cands[0] : undefined);
      if (!l) {
        p.stderr.write(cands.length ? `sysctl: option '${a}' is ambiguous\n` : `sysctl: unrecognized option '${a}'\n`);
        p.stdout.write(USAGE);
        return 0;
      }
      let arg: string | undefined = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (l[2] === 'required' && arg === undefined) arg = argv[++i];
      const r = handle(l[1], arg);
      if (r !== undefined) return r;
      continue;
    }
    if (a.length > 1 && a.startsWith('-')) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!'bneNwfpqoxaAXrVdh'.includes(c)) {
          p.stderr.write(`sysctl: invalid option -- '${c}'\n`);
          p.stdout.write(USAGE);
          return 0;
        }
        let arg: string | undefined;
        if (c === 'p' || c === 'f') {
          if (c === 'p' && j + 1 < a.length) arg = a.slice(j + 1);
          const r = handle(c, arg);
          if (r !== undefined) return r;
          if (arg !== undefined) break;
          continue;
        }
        if (c === 'r') {
          arg = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (arg === undefined) {
            p.stderr.write(`sysctl: option requires an argument -- 'r'\n`);
            p.stdout.write(USAGE);
            return 0;
          }
          handle(c, arg);
          break;
        }
        const r = handle(c, undefined);
        if (r !== undefined) return r;
      }
      continue;
    }
    operands.push(a);
  }
  if (system) {
    s.ignoreError = true;
    const list: Setting[] = [];
    const k = kernelOf(p);
    let rc = 0;
    // PreloadSystem(): every *.conf of the system directories, a name seen in an earlier
    // directory hiding the same name in a later one, applied in file-name order.
    const files = new Map<string, string>();
    for (const dir of SYSTEM_DIRS) {
      let names: string[];
      try {
        names = k.vfs.readdir(dir, p.vfsCtx());
      } catch {
        continue;
      }
      for (const n of names) if (n.length >= 5 && n.endsWith('.conf') && !files.has(n)) files.set(n, `${dir}/${n}`);
    }
    for (const n of [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const f = files.get(n)!;
      if (!s.quiet) p.stdout.write(`* Applying ${f} ...\n`);
      rc |= await s.preload(list, f);
    }
    const st = k.vfs.tryLookup(DEFAULT_PRELOAD, p.vfsCtx());
    if (st && st.kind === 'file') {
      if (!s.quiet) p.stdout.write(`* Applying ${DEFAULT_PRELOAD} ...\n`);
      rc |= await s.preload(list, DEFAULT_PRELOAD);
    }
    return rc | s.writeList(list);
  }
  if (displayAllOpt) return s.displayAll(PROC_PATH);
  if (preloadOpt) {
    const list: Setting[] = [];
    let rc = 0;
    if (preloadFile === undefined) {
      if (!operands.length) rc |= await s.preload(list, DEFAULT_PRELOAD);
    } else rc |= await s.preload(list, preloadFile);
    for (const f of operands) rc |= await s.preload(list, f);
    return rc | s.writeList(list);
  }
  if (!operands.length) {
    p.stderr.write("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  if (s.nameOnly && s.quiet) {
    p.stderr.write("sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n");
    return 1;
  }
  let rc = 0;
  for (const a of operands) {
    if (writeMode || a.includes('=')) {
      const st = s.parseLine('command line', 0, a);
      if (st) rc |= s.write(st);
      else rc |= 1;
    } else rc += s.read(a);
  }
  return rc & 0xff;
}

register({
  name: 'sysctl',
  summary: 'configure kernel parameters at runtime',
  usage: 'sysctl [options] [variable[=value] ...]',
  options: [
    { flag: '-a, --all', desc: 'display all variables' },
    { flag: '-n, --values', desc: 'print only values of the given variable(s)' },
    { flag: '-N, --names', desc: 'print variable names without values' },
    { flag: '-e, --ignore', desc: 'ignore unknown variables errors' },
    { flag: '-w, --write', desc: 'enable writing a value to variable' },
    { flag: '-p, --load', arg: 'file', desc: 'read values from file (default /etc/sysctl.conf)' },
    { flag: '-q, --quiet', desc: 'do not echo variable set' },
    { flag: '-r, --pattern', arg: 'expression', desc: 'select setting that match expression' },
    { flag: '--system', desc: 'read values from all system directories' },
  ],
  run: sysctl,
});

declareNotSimulated(
  ...Object.entries(NOT_SIMULATED_SYSCTLS).map(([k, why]) => ({
    tool: 'sysctl',
    kind: 'sysctl' as const,
    item: k.startsWith('conf.') ? `net.ipv4.conf.*.${k.slice(5)}` : k,
    why: `${why} (reading works; changing the value is refused)`,
  })),
);
