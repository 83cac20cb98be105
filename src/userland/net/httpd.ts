// Small web servers on the simulated TCP: `python3 -m http.server` (Python
// 3.11.2's SimpleHTTPRequestHandler: directory listings, files, 404 page,
// HTTP/1.0, one request per connection, log lines on stderr) and an
// nginx-like daemon serving Debian's welcome page. Both run until a signal.

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError, errnoNumber, strerror } from '../../kernel/errno.ts';
import { type Process, devNullIn, devNullOut } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { utf8Len } from '../../kernel/packet.ts';
import { register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 7231 date (`Mon, 23 Nov 2026 12:44:25 GMT`) of the virtual clock. */
export function httpDate(p: Process): string {
  const k = kernelOf(p);
  const d = new Date(k.clock.epochMs + k.clock.now);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/** Python's log_date_time_string: `23/Nov/2026 12:44:25`. */
function logDate(p: Process): string {
  const k = kernelOf(p);
  const d = new Date(k.clock.epochMs + k.clock.now);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** A parsed HTTP request head. */
interface Request {
  method: string;
  path: string;
  version: string;
  line: string;
  headers: Map<string, string>;
}

/** Read one request head (up to the blank line) from a connection. */
async function readRequest(p: Process, c: TcpSocket): Promise<Request | undefined> {
  let buf = '';
  for (let i = 0; i < 1000 && !buf.includes('\r\n\r\n') && !buf.includes('\n\n'); i++) {
    const d = await c.recv(p, 30_000);
    if (d === null || d === 'timeout' || d === 'signal') break;
    buf += d;
    if (buf.length > 65536) break;
  }
  const head = buf.split(/\r?\n\r?\n/)[0];
  if (!head) return undefined;
  const lines = head.split(/\r?\n/);
  const [method = '', path = '', version = 'HTTP/0.9'] = lines[0].split(' ');
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
  }
  return { method, path, version, line: lines[0], headers };
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json', png: 'image/png', jpg: 'image/jpeg', svg: 'image/svg+xml', sh: 'application/x-sh', py: 'text/x-python' };

const PY_SERVER = 'SimpleHTTP/0.6 Python/3.11.2';

/** Python 3.11's error page (BaseHTTPRequestHandler.error_message_format). */
function pyErrorPage(code: number, message: string, explain: string): string {
  return `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${message}.</p>\n        <p>Error code explanation: ${code} - ${explain}.</p>\n    </body>\n</html>\n`;
}

/** Serve one request the way SimpleHTTPRequestHandler does. */
async function pyHandle(p: Process, c: TcpSocket, root: string): Promise<void> {
  const req = await readRequest(p, c);
  const client = fmtIp4(c.raddr);
  const log = (msg: string): void => p.stderr.write(`${client} - - [${logDate(p)}] ${msg}\n`);
  if (!req) {
    c.close();
    return;
  }
  const head = (code: number, reason: string, hdrs: [string, string][]): string => `HTTP/1.0 ${code} ${reason}\r\nServer: ${PY_SERVER}\r\nDate: ${httpDate(p)}\r\n${hdrs.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const sendError = (code: number, reason: string, explain: string): void => {
    log(`code ${code}, message ${reason}`);
    log(`"${req.line}" ${code} -`);
    const body = pyErrorPage(code, reason, explain);
    c.send(head(code, reason, [['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(utf8Len(body))]]) + (req.method === 'HEAD' ? '' : body));
  };
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(501, `Unsupported method ('${req.method}')`, 'Server does not support this operation');
      c.close();
      return;
    }
    const vfs = kernelOf(p).vfs;
    const urlPath = decodeURIComponent(req.path.split('?')[0].split('#')[0]);
    const parts = urlPath.split('/').filter((x) => x && x !== '.' && x !== '..');
    const fsPath = [root.replace(/\/$/, ''), ...parts].join('/') || '/';
    const node = vfs.tryLookup(fsPath, p.vfsCtx());
    if (node && node.kind === 'dir') {
      if (!urlPath.endsWith('/')) {
        log(`"${req.line}" 301 -`);
        c.send(head(301, 'Moved Permanently', [['Location', urlPath + '/'], ['Content-Length', '0']]));
        c.close();
        return;
      }
      const idx = ['index.html', 'index.htm'].find((n) => node.children.get(n)?.kind === 'file');
      if (!idx) {
        const names = [...node.children.keys()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
        const title = `Directory listing for ${htmlEscape(urlPath)}`;
        const r = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>'];
        for (const n of names) {
          const ch = node.children.get(n)!;
          const link = ch.kind === 'dir' ? n + '/' : n;
          const disp = ch.kind === 'symlink' ? n + '@' : link;
          r.push(`<li><a href="${encodeURI(link)}">${htmlEscape(disp)}</a></li>`);
        }
        r.push('</ul>\n<hr>\n</body>\n</html>\n');
        const body = r.join('\n');
        log(`"${req.line}" 200 -`);
        c.send(head(200, 'OK', [['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(utf8Len(body))]]) + (req.method === 'HEAD' ? '' : body));
        c.close();
        return;
      }
    }
    const file = node?.kind === 'dir' ? vfs.tryLookup(`${fsPath}/index.html`, p.vfsCtx()) : node;
    if (!file || (file.kind !== 'file' && file.kind !== 'gen')) {
      sendError(404, 'File not found', 'Nothing matches the given URI');
      c.close();
      return;
    }
    const body = file.kind === 'file' ? file.data : vfs.readFile(fsPath, p.vfsCtx());
    const ext = (parts[parts.length - 1] ?? 'index.html').split('.').pop()!.toLowerCase();
    const d = new Date(kernelOf(p).clock.epochMs + ('mtime' in file ? file.mtime : 0));
    const lm = `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
    log(`"${req.line}" 200 -`);
    c.send(head(200, 'OK', [['Content-type', MIME[ext] ?? 'application/octet-stream'], ['Content-Length', String(utf8Len(body))], ['Last-Modified', lm]]) + (req.method === 'HEAD' ? '' : body));
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
  }
  c.close();
}

/** Accept connections until a signal; each is served by `handle`. */
async function serve(p: Process, s: TcpSocket, handle: (c: TcpSocket) => Promise<void>): Promise<void> {
  for (let i = 0; i < 10_000_000; i++) {
    const c = await s.accept(p);
    if (c === 'signal' || c === 'timeout') break;
    void handle(c).catch(() => c.abort());
  }
  s.close();
}

/**
 * `python3 FILE`: the script is read from the file system. A missing or
 * unreadable file, a directory, and a script with nothing to run (blank and
 * comment lines) behave as Python 3.11 does; running Python code is not
 * simulated.
 */
function pythonFile(p: Process, f: string): number {
  let text: string;
  try {
    text = kernelOf(p).vfs.readFile(f, p.vfsCtx());
  } catch (e) {
    const errno = e instanceof KernelError ? e.errno : 'ENOENT';
    if (errno === 'EISDIR') {
      p.stderr.write(`/usr/bin/python3: can't find '__main__' module in '${f}'\n`);
      return 1;
    }
    const abs = f.startsWith('/') ? f : `${p.cwd.replace(/\/$/, '')}/${f}`;
    p.stderr.write(`python3: can't open file '${abs}': [Errno ${errnoNumber(errno)}] ${strerror(errno)}\n`);
    return 2;
  }
  if (text.split('\n').every((l) => /^\s*(#.*)?$/.test(l))) return 0;
  p.stderr.write('python3: only `python3 -m http.server` is available on this simulated host\n');
  return 2;
}

async function python3(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  if (!args.length) return 0;
  if (args[0] === '-V' || args[0] === '--version') {
    p.stdout.write('Python 3.11.2\n');
    return 0;
  }
  if (args[0] === '-c') {
    p.stderr.write('python3: only `python3 -m http.server` is available on this simulated host\n');
    return 2;
  }
  if (args[0] !== '-m') return pythonFile(p, args[0]);
  const mod = args[1];
  if (mod === undefined) {
    p.stderr.write('Argument expected for the -m option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h\' for more information.\n');
    return 2;
  }
  if (mod !== 'http.server') {
    p.stderr.write(`/usr/bin/python3: No module named ${mod}\n`);
    return 1;
  }
  let port = 8000;
  let bind: string | undefined;
  let dir = p.cwd;
  const rest = args.slice(2);
  const usage = 'usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-b' || a === '--bind') bind = rest[++i];
    else if (a.startsWith('--bind=')) bind = a.slice(7);
    else if (a === '-d' || a === '--directory') dir = rest[++i] ?? dir;
    else if (a === '--cgi' || a === '-p' || a === '--protocol') {
      if (a !== '--cgi') i++;
    } else if (/^\d+$/.test(a)) port = Number(a);
    else {
      p.stderr.write(`${usage}server.py: error: argument port: invalid int value: '${a}'\n`);
      return 2;
    }
    if ((a === '-b' || a === '--bind' || a === '-d' || a === '--directory') && rest[i] === undefined) {
      p.stderr.write(`${usage}server.py: error: argument ${a === '-b' || a === '--bind' ? '-b/--bind' : '-d/--directory'}: expected one argument\n`);
      return 2;
    }
  }
  const addr = bind !== undefined ? parseIp4(bind) : 0;
  const s = new TcpSocket(nsOf(p));
  try {
    if (addr === undefined) throw new KernelError('EADDRNOTAVAIL');
    s.bind(addr, port);
    s.listen(5);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    const n = { EADDRINUSE: 98, EADDRNOTAVAIL: 99, EACCES: 13 }[e.errno as string] ?? 22;
    p.stderr.write(`Traceback (most recent call last):\n  File "<frozen runpy>", line 198, in _run_module_as_main\n  File "<frozen runpy>", line 88, in _run_code\nOSError: [Errno ${n}] ${e.message}\n`);
    return 1;
  }
  s.owner = { pid: p.pid, comm: 'python3', fd: 3 };
  const shown = bind ?? '0.0.0.0';
  p.stdout.write(`Serving HTTP on ${shown} port ${port} (http://${shown}:${port}/) ...\n`);
  await serve(p, s, (c) => pyHandle(p, c, dir));
  p.stdout.write('\nKeyboard interrupt received, exiting.\n');
  return 0;
}

/** Debian's /var/www/html/index.nginx-debian.html. */
export const NGINX_WELCOME =
  '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\nCommercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';

/** One access log line in nginx's `main` format (nginxinc/docker-nginx nginx.conf). */
function accessLogLine(k: { clock: { epochMs: number; now: number } }, client: string, req: Request, status: number, bytes: number): string {
  const d = new Date(k.clock.epochMs + k.clock.now);
  const local = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
  const h = (n: string): string => req.headers.get(n) ?? '-';
  return `${client} - - [${local}] "${req.line}" ${status} ${bytes} "${h('referer')}" "${h('user-agent')}" "${h('x-forwarded-for')}"\n`;
}

/** nginx: serve the welcome page on port 80 (HTTP/1.1, one request per connection). */
async function nginx(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  if (args[0] === '-v' || args[0] === '-V') {
    p.stderr.write('nginx version: nginx/1.22.1\n');
    return 0;
  }
  if (args[0] === '-t') {
    p.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const k = kernelOf(p);
  const stamp = (): string => {
    const d = new Date(k.clock.epochMs + k.clock.now);
    const two = (n: number): string => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  };
  const si = args.indexOf('-s');
  if (si >= 0) {
    // `nginx -s stop|quit`: signal the master named in the pid file.
    const sig = args[si + 1];
    p.stderr.write(`${stamp()} [notice] ${p.pid}#${p.pid}: signal process started\n`);
    let pid = NaN;
    try {
      pid = Number(k.vfs.readFile('/run/nginx.pid', p.vfsCtx()).trim());
    } catch {
      pid = NaN;
    }
    const target = Number.isNaN(pid) ? undefined : k.procs.get(pid);
    if (target && (sig === 'stop' || sig === 'quit')) {
      target.signal('SIGTERM');
      try {
        k.vfs.unlink('/run/nginx.pid', p.vfsCtx());
      } catch {
        // already gone
      }
    }
    return 0;
  }
  // The Debian config listens on 0.0.0.0:80 and [::]:80; a busy port is retried 5 times, 500 ms apart.
  const s = new TcpSocket(nsOf(p));
  for (let attempt = 0; ; attempt++) {
    try {
      s.bind(0, 80);
      s.listen(511);
      break;
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      p.stderr.write('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to [::]:80 failed (98: Address already in use)\n');
      if (attempt >= 4) {
        p.stderr.write('nginx: [emerg] still could not bind()\n');
        return 1;
      }
      if (!(await p.sleep(500))) return 1;
    }
  }
  // nginx daemonizes unless told `-g 'daemon off;'`: the server keeps running in a new process.
  const foreground = args.includes('-g') && /daemon\s+off/.test(args[args.indexOf('-g') + 1] ?? '');
  const d = foreground ? p : k.procs.spawn({ ppid: 1, argv: ['nginx'], env: {}, cwd: '/', netns: p.netns, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: p.exec });
  s.owner = { pid: d.pid, comm: 'nginx', fd: 6 };
  if (!foreground) {
    try {
      k.vfs.putFile('/run/nginx.pid', `${d.pid}\n`);
    } catch {
      // no /run: nothing to record
    }
  }
  const done = serve(d, s, async (c) => {
    // HTTP/1.1 keep-alive (keepalive_timeout 65): answer requests until the client closes.
    for (let n = 0; n < 1000; n++) {
      const req = await readRequest(d, c);
      if (!req) break;
      const keep = req.version === 'HTTP/1.1' && (req.headers.get('connection') ?? '').toLowerCase() !== 'close';
      const conn = keep ? 'keep-alive' : 'close';
      const ok = req.path === '/' || req.path === '/index.nginx-debian.html';
      const body = ok ? NGINX_WELCOME : '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
      const h = ok
        ? `HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: ${httpDate(p)}\r\nContent-Type: text/html\r\nContent-Length: ${utf8Len(body)}\r\nLast-Modified: ${httpDate(p)}\r\nConnection: ${conn}\r\nETag: "6925f0a0-267"\r\nAccept-Ranges: bytes\r\n\r\n`
        : `HTTP/1.1 404 Not Found\r\nServer: nginx/1.22.1\r\nDate: ${httpDate(p)}\r\nContent-Type: text/html\r\nContent-Length: ${utf8Len(body)}\r\nConnection: ${conn}\r\n\r\n`;
      // The nginx image logs to stdout (docker-nginx: access.log -> /dev/stdout, `log_format main`):
      // what `kubectl logs` and `docker logs` show, with the client address the server saw.
      if (foreground) d.stdout.write(accessLogLine(k, fmtIp4(c.raddr), req, ok ? 200 : 404, req.method === 'HEAD' ? 0 : utf8Len(body)));
      try {
        c.send(h + (req.method === 'HEAD' ? '' : body));
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        break;
      }
      if (!keep) break;
    }
    c.close();
  });
  if (foreground) await done;
  else void done.then(() => d.exit(0));
  return 0;
}

register({ name: 'python3', summary: 'Python 3.11 (only `python3 -m http.server` is simulated)', usage: 'python3 -m http.server [PORT] [--bind ADDR] [--directory DIR]', options: [{ flag: '-b, --bind', arg: 'ADDRESS', desc: 'address to listen on' }, { flag: '-d, --directory', arg: 'DIR', desc: 'directory to serve' }], run: python3 });
register({ name: 'python', summary: 'alias of python3', hidden: true, run: python3 });
register({ name: 'nginx', summary: 'web server serving the nginx welcome page on port 80', usage: 'nginx', run: nginx });
