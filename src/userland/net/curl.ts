// curl 7.88.1: HTTP/1.1 GET and HEAD over the simulated TCP, with its
// progress meter, -v trace, -w variables, error messages and exit codes
// (6 resolve, 7 connect, 28 timeout, 22 with -f).

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { utf8Len } from '../../kernel/packet.ts';
import { refuseMarkedOptions, register } from '../registry.ts';
import { getopt } from '../lib/getopt.ts';
import { resolveHost } from '../lib/resolve.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import { traceConnect } from '../lib/trace.ts';

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** curl's size columns: up to 5 chars with k/M/G suffixes. */
function size5(n: number): string {
  if (n < 100000) return String(n);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`;
  return `${Math.floor(n / 1048576)}M`;
}

/** One progress-meter row. */
function meterRow(total: number, got: number, speed: number): string {
  const pct = total > 0 ? Math.floor((got * 100) / total) : 0;
  return `${String(pct).padStart(3)} ${size5(total).padStart(5)}  ${String(pct).padStart(3)} ${size5(got).padStart(5)}    0     0  ${size5(speed).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${size5(speed).padStart(5)}`;
}

interface CurlOpts {
  /** -L: follow 3xx Location (at most 50, as curl's default --max-redirs). */
  location?: boolean;
  redirects?: number;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  output?: string;
  maxTime?: number;
  connectTimeout?: number;
  writeOut?: string;
  fail: boolean;
  method?: string;
  headers: string[];
  data?: string;
  localPort?: [number, number];
}

function parseSecs(v: string): number | undefined {
  const n = Number(v);
  return Number.isNaN(n) || n < 0 ? undefined : n;
}

const CURL_OPTSTRING = 'sSvIio:m:w:fX:H:d:L4k';

async function curl(p: Process): Promise<number> {
  const g = getopt(p.argv.slice(1), CURL_OPTSTRING, [
    { name: 'silent', arg: 'none', key: '-s' },
    { name: 'show-error', arg: 'none', key: '-S' },
    { name: 'verbose', arg: 'none', key: '-v' },
    { name: 'head', arg: 'none', key: '-I' },
    { name: 'include', arg: 'none', key: '-i' },
    { name: 'output', arg: 'required', key: '-o' },
    { name: 'max-time', arg: 'required', key: '-m' },
    { name: 'connect-timeout', arg: 'required' },
    { name: 'write-out', arg: 'required', key: '-w' },
    { name: 'fail', arg: 'none', key: '-f' },
    { name: 'request', arg: 'required', key: '-X' },
    { name: 'header', arg: 'required', key: '-H' },
    { name: 'data', arg: 'required', key: '-d' },
    { name: 'location', arg: 'none', key: '-L' },
    { name: 'insecure', arg: 'none', key: '-k' },
    { name: 'local-port', arg: 'required' },
  ]);
  const o: CurlOpts = { silent: false, showError: false, verbose: false, head: false, include: false, fail: false, headers: [] };
  if (g.error) {
    const opt = g.errorOpt ?? '';
    p.stderr.write(`curl: option ${opt.length > 1 ? '--' + opt : '-' + opt}: ${g.error.includes('requires') ? 'requires parameter' : 'is unknown'}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  const refused = refuseMarkedOptions(p, 'curl', g.opts.map(([k]) => k));
  if (refused !== undefined) return refused;
  for (const [k, v] of g.opts) {
    switch (k) {
      case '-s':
        o.silent = true;
        break;
      case '-S':
        o.showError = true;
        break;
      case '-v':
        o.verbose = true;
        break;
      case '-I':
        o.head = true;
        break;
      case '-i':
        o.include = true;
        break;
      case '-o':
        o.output = v;
        break;
      case '-m':
        o.maxTime = parseSecs(v!);
        if (o.maxTime === undefined) {
          p.stderr.write('curl: option -m: expected a proper numerical parameter\ncurl: try \'curl --help\' or \'curl --manual\' for more information\n');
          return 2;
        }
        break;
      case '--connect-timeout':
        o.connectTimeout = parseSecs(v!);
        if (o.connectTimeout === undefined) {
          p.stderr.write('curl: option --connect-timeout: expected a proper numerical parameter\ncurl: try \'curl --help\' or \'curl --manual\' for more information\n');
          return 2;
        }
        break;
      case '-w':
        o.writeOut = v;
        break;
      case '-f':
        o.fail = true;
        break;
      case '-L':
        o.location = true;
        break;
      case '-X':
        o.method = v;
        break;
      case '-H':
        o.headers.push(v!);
        break;
      case '-d':
        o.data = v;
        break;
      case '--local-port': {
        const lm = /^(\d+)(?:-(\d+))?$/.exec(v ?? '');
        if (!lm) {
          p.stderr.write("curl: option --local-port: expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
          return 2;
        }
        o.localPort = [Number(lm[1]), Number(lm[2] ?? lm[1])];
        break;
      }
    }
  }
  const url = g.args[0];
  if (!url) {
    p.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  return fetchUrl(p, url, o);
}

async function fetchUrl(p: Process, url: string, o: CurlOpts): Promise<number> {
  const k = kernelOf(p);
  const start = k.clock.now;
  const elapsed = (): number => Math.floor(k.clock.now - start);
  const meter = !o.silent && !o.verbose ? true : o.verbose && !o.silent;
  const err = (s: string): void => {
    p.stderr.write(s);
  };
  const vlog = (s: string): void => {
    if (o.verbose) err(s);
  };
  let meterStarted = false;
  const meterStart = (): void => {
    if (meter && !meterStarted) {
      meterStarted = true;
      err(METER_HEAD + '\r' + meterRow(0, 0, 0));
    }
  };
  const vars: Record<string, string> = { http_code: '000', response_code: '000', remote_ip: '', remote_port: '', local_ip: '', local_port: '', size_download: '0', size_header: '0', num_connects: '0', url_effective: url, content_type: '', exitcode: '0', errormsg: '', time_total: '0.000000', time_connect: '0.000000', method: 'GET' };
  // After "Trying", curl logs the failure, ends the meter, then closes the connection (as recorded).
  let attempted = false;
  // stdout is a pipe or file unless a terminal: the body is flushed at exit, after the verbose log.
  let deferred = '';
  const finish = (code: number, msg?: string): number => {
    vars.exitcode = String(code);
    if (msg) vars.errormsg = msg;
    if (attempted && msg) vlog(`* ${msg}\n`);
    if (code !== 0 && meter && meterStarted) err('\r' + meterRow(0, 0, 0) + '\n');
    if (!attempted && msg) vlog(`* ${msg}\n`);
    if (code !== 0 && (attempted || vars.num_connects !== '0')) vlog('* Closing connection 0\n');
    if (deferred) p.stdout.write(deferred);
    if (msg && (!o.silent || o.showError)) err(`curl: (${code}) ${msg}\n`);
    if (o.writeOut !== undefined) {
      vars.time_total = ((k.clock.now - start) / 1000).toFixed(6);
      p.stdout.write(writeOut(o.writeOut, vars));
    }
    return code;
  };
  const sch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  if (sch && !/^https?$/i.test(sch[1])) return finish(1, `Protocol "${sch[1]}" not supported or disabled in libcurl`);
  const m = /^(?:(https?):\/\/)?([^/:?#]*)(?::(\d*))?([^?#]*)?(\?[^#]*)?/i.exec(url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  if (!m || !m[2]) return finish(3, 'URL using bad/illegal format or missing URL');
  if (scheme === 'https') {
    meterStart();
    return finish(35, 'OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number');
  }
  const host = m[2];
  const port = m[3] ? Number(m[3]) : 80;
  if (port > 65535) return finish(3, 'URL using bad/illegal format or missing URL');
  const path = (m[4] || '/') + (m[5] ?? '');
  meterStart();
  let addr = parseIp4(host);
  if (addr === undefined) {
    const r = await resolveHost(p, host, 4);
    if (typeof r === 'string' || !r.length) return finish(6, `Could not resolve host: ${host}`);
    addr = parseIp4(r[0].addr)!;
  }
  const ipText = fmtIp4(addr);
  vlog(`*   Trying ${ipText}:${port}...\n`);
  attempted = true;
  const deadline = o.maxTime !== undefined ? o.maxTime * 1000 : Infinity;
  const ctLimit = Math.min(deadline, o.connectTimeout !== undefined ? o.connectTimeout * 1000 : 300_000);
  const s = new TcpSocket(nsOf(p));
  const traceFail = traceConnect(p, s);
  try {
    if (o.localPort) {
      try {
        s.bind(0, o.localPort[0]);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        return finish(45, `bind failed with errno ${e.errno === 'EADDRINUSE' ? 98 : 22}: ${e.message}`);
      }
    }
    const r = await s.connect(p, addr, port, ctLimit);
    if (r === 'signal') return 130;
    if (r === 'timeout') {
      if (ctLimit === deadline && o.maxTime !== undefined) return finish(28, `Connection timed out after ${elapsed() + 1} milliseconds`);
      return finish(28, `Failed to connect to ${host} port ${port} after ${elapsed()} ms: Timeout was reached`);
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    vlog(`* connect to ${ipText} port ${port} failed: ${e.message}\n`);
    traceFail(ipText, port, e.message);
    return finish(7, `Failed to connect to ${host} port ${port} after ${elapsed()} ms: Couldn't connect to server`);
  }
  vars.num_connects = '1';
  vars.remote_ip = ipText;
  vars.remote_port = String(port);
  vars.local_ip = fmtIp4(s.laddr);
  vars.local_port = String(s.lport);
  vars.time_connect = ((k.clock.now - start) / 1000).toFixed(6);
  vlog(`* Connected to ${host} (${ipText}) port ${port} (#0)\n`);
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  vars.method = method;
  const hostHdr = port === 80 ? host : `${host}:${port}`;
  // -H as curl 7.88 applies it (recorded: fidelity/goldens/126): a custom Host keeps Host's place
  // (curl writes `Host:` and the given value); a custom User-Agent or Accept drops curl's own and
  // follows with the other custom headers; `Name:` with no value removes curl's header and sends
  // nothing, `Name;` sends it empty; a line without a colon is ignored.
  const custom = o.headers.flatMap((h) => {
    const semi = /^([^:;\s]+);\s*$/.exec(h);
    if (semi) return [{ name: semi[1], value: '', line: `${semi[1]}:` }];
    const i = h.indexOf(':');
    if (i <= 0) return [];
    const value = h.slice(i + 1);
    return [{ name: h.slice(0, i).trim(), value, line: value.trim() ? `${h.slice(0, i).trim()}:${value}` : '' }];
  });
  const named = (name: string) => custom.find((x) => x.name.toLowerCase() === name);
  const customHost = named('host');
  const reqLines = [
    `${method} ${path} HTTP/1.1`,
    ...(customHost ? (customHost.line ? [`Host:${customHost.value}`] : []) : [`Host: ${hostHdr}`]),
    ...(named('user-agent') ? [] : ['User-Agent: curl/7.88.1']),
    ...(named('accept') ? [] : ['Accept: */*']),
    ...custom.filter((x) => x.line && x.name.toLowerCase() !== 'host').map((x) => x.line),
  ];
  if (o.data !== undefined) reqLines.push(`Content-Length: ${utf8Len(o.data)}`, 'Content-Type: application/x-www-form-urlencoded');
  for (const l of reqLines) vlog(`> ${l}\r\n`);
  vlog('> \r\n');
  try {
    s.send(reqLines.join('\r\n') + '\r\n\r\n' + (o.data ?? ''));
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    return finish(55, `Failed sending data to the peer`);
  }
  // Read the whole response (HTTP/1.0 closes; HTTP/1.1 has Content-Length).
  let buf = '';
  let headEnd = -1;
  let bodyLen: number | undefined;
  for (let i = 0; i < 100_000; i++) {
    if (headEnd < 0) {
      headEnd = buf.indexOf('\r\n\r\n');
      if (headEnd >= 0) {
        const cl = /\r\ncontent-length:\s*(\d+)/i.exec(buf.slice(0, headEnd));
        bodyLen = method === 'HEAD' ? 0 : cl ? Number(cl[1]) : undefined;
      }
    }
    if (headEnd >= 0 && bodyLen !== undefined && utf8Len(buf.slice(headEnd + 4)) >= bodyLen) break;
    const left = deadline - (k.clock.now - start);
    let d: string | null | 'timeout' | 'signal';
    try {
      d = await s.recv(p, left);
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      s.destroy();
      return finish(56, `Recv failure: ${e.message}`);
    }
    if (d === 'signal') {
      s.abort();
      return 130;
    }
    if (d === 'timeout') {
      s.abort();
      return finish(28, `Operation timed out after ${elapsed()} milliseconds with ${headEnd >= 0 ? utf8Len(buf.slice(headEnd + 4)) : 0} bytes received`);
    }
    if (d === null) break;
    buf += d;
  }
  s.close();
  if (headEnd < 0) return finish(52, 'Empty reply from server');
  const head = buf.slice(0, headEnd);
  const body = buf.slice(headEnd + 4);
  const lines = head.split('\r\n');
  const status = /^HTTP\/(\d(?:\.\d)?) (\d{3})/.exec(lines[0]);
  const code = status ? status[2] : '000';
  vars.http_code = code;
  vars.response_code = code;
  vars.size_download = String(utf8Len(body));
  vars.size_header = String(utf8Len(head) + 4);
  vars.http_version = status ? (status[1] === '1.0' ? '1' : status[1]) : '0';
  const loc = lines.find((l) => /^location:/i.test(l));
  if (loc && /^3/.test(code)) {
    const where = loc.slice(loc.indexOf(':') + 1).trim();
    vars.redirect_url = /^[a-z]+:\/\//i.test(where) ? where : `http://${port === 80 ? host : `${host}:${port}`}${where.startsWith('/') ? '' : '/'}${where}`;
  }
  if (o.location && vars.redirect_url) {
    // -L: the redirect's body is not output; the next request goes to Location.
    if ((o.redirects ?? 0) >= 50) return finish(47, 'Maximum (50) redirects followed');
    return fetchUrl(p, vars.redirect_url, { ...o, redirects: (o.redirects ?? 0) + 1 });
  }
  const ct = lines.find((l) => /^content-type:/i.test(l));
  vars.content_type = ct ? ct.slice(ct.indexOf(':') + 1).trim() : '';
  if (status?.[1] === '1.0') vlog('* HTTP 1.0, assume close after body\n');
  for (const l of lines) vlog(`< ${l}\r\n`);
  vlog('< \r\n');
  if (o.fail && Number(code) >= 400) {
    return finish(22, `The requested URL returned error: ${code}`);
  }
  let out = '';
  if (o.head || o.include) out += head + '\r\n\r\n';
  if (!o.head) out += body;
  if (o.verbose && body && (o.output !== undefined || !p.stdout.isTTY)) err(`{ [${utf8Len(body)} bytes data]\n`);
  if (o.output !== undefined && o.output !== '-') {
    if (o.output !== '/dev/null') {
      try {
        k.vfs.writeFile(o.output, out, p.vfsCtx());
      } catch {
        return finish(23, `Failure writing output to destination`);
      }
    }
  } else if (p.stdout.isTTY) p.stdout.write(out);
  else deferred = out;
  if (meter) {
    const n = utf8Len(body);
    err('\r' + meterRow(n, n, n) + '\n');
  }
  vlog(status?.[1] === '1.0' || /\r\nconnection:\s*close/i.test(head) ? '* Closing connection 0\n' : `* Connection #0 to host ${host} left intact\n`);
  return finish(0);
}

/** Expand a -w format: %{var}, \n, \t, \r. */
function writeOut(fmt: string, vars: Record<string, string>): string {
  return fmt.replace(/%\{([a-z_]+)\}|\\([ntr\\])|%%/g, (all, v, e) => {
    if (v) return Object.hasOwn(vars, v) ? vars[v] : '';
    if (e) return e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : '\\';
    return '%';
  });
}

register({
  name: 'curl',
  summary: 'transfer a URL (HTTP/1.1 GET and HEAD)',
  usage: 'curl [options] URL',
  options: [
    { flag: '-s, --silent', desc: 'no progress meter or error messages' },
    { flag: '-S, --show-error', desc: 'show errors even with -s' },
    { flag: '-v, --verbose', desc: 'show the request and response headers' },
    { flag: '-I, --head', desc: 'HEAD request, print the headers' },
    { flag: '-i, --include', desc: 'print response headers too' },
    { flag: '-o, --output', arg: 'FILE', desc: 'write the body to FILE' },
    { flag: '-m, --max-time', arg: 'SECS', desc: 'give up after SECS (exit 28)' },
    { flag: '--connect-timeout', arg: 'SECS', desc: 'give up connecting after SECS' },
    { flag: '-w, --write-out', arg: 'FMT', desc: "print variables such as %{http_code} after the transfer" },
    { flag: '-f, --fail', desc: 'exit 22 on HTTP errors' },
    { flag: '-X, --request', arg: 'METHOD', desc: 'request method' },
    { flag: '-H, --header', arg: 'LINE', desc: 'extra request header' },
    { flag: '-d, --data', arg: 'DATA', desc: 'send DATA in a POST body' },
    { flag: '--local-port', arg: 'N[-M]', desc: 'local port (range) to connect from' },
    { flag: '-4', desc: 'resolve to IPv4 only (the simulated hosts are IPv4)' },
    { flag: '-L, --location', desc: 'follow redirects (up to 50)' },
    { flag: '-k, --insecure', desc: 'skip TLS verification', notSimulated: 'TLS is not modelled (plain HTTP only)', probe: 'http://127.0.0.1/' },
  ],
  optstring: CURL_OPTSTRING,
  run: curl,
});
