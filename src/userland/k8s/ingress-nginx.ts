// The ingress-nginx controller (/nginx-ingress-controller in the
// registry.k8s.io/ingress-nginx/controller image), run by the kubelet in its
// pod. It watches Ingresses of its IngressClass and the Services and
// Endpoints they name, and does what the nginx it configures does: listen on
// port 80 in the pod, pick the server by Host and the location by path
// (src/k8s/ingress.ts), and proxy the request to one endpoint of the
// Service — a new TCP connection from this pod to the chosen pod, through
// the simulated network — or answer from its default backend (404).
//
// What it sends follows the controller's nginx.tmpl: `server_tokens off`
// with `more_clear_headers Server` (no Server header; error pages end in
// `<center>nginx</center>`), the upstream's Server and Date hidden
// (proxy_hide_header's defaults), the X-Request-ID / X-Real-IP /
// X-Forwarded-* headers set towards the upstream, and one access-log line per
// proxied request on stdout in the default `log-format-upstream`
// (internal/ingress/controller/config/config.go). Requests the default
// backend answers are not logged (`enable-access-log-for-default-backend`
// is false by default). With no --publish-service (the bare-metal manifest)
// the status of each Ingress lists the addresses of the nodes running the
// controller's pods (internal/ingress/status: InternalIP when the node has no
// ExternalIP).
//
// Annotations: rewrite-target and use-regex are honoured (src/k8s/ingress.ts);
// any other nginx.ingress.kubernetes.io/ annotation is reported in the log as
// not simulated. Not simulated either: TLS (port 443 is not served), the
// admission webhook, leader election, metrics and health ports, canaries.

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { utf8Len } from '../../kernel/packet.ts';
import { inClusterConfig, modify, podReady, type KObject } from '../../k8s/client.ts';
import { backendEndpoints, buildServers, ingressesForController, SIMULATED_ANNOTATIONS, NGINX_CLASS, NGINX_CONTROLLER_CLASS, routeRequest, upstreamName, type BackendRef } from '../../k8s/ingress.ts';
import { declareNotSimulated, register } from '../registry.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';
import { httpDate } from '../net/httpd.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** nginx's $time_local: `06/Jan/2025:09:00:12 +0000`. */
function timeLocal(p: Process): string {
  const k = kernelOf(p);
  const d = new Date(k.clock.epochMs + k.clock.now);
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** nginx's special response page (ngx_http_special_response.c) with server_tokens off. */
export function nginxErrorPage(code: number): string {
  const t = `${code} ${REASONS[code]}`;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A parsed request. */
interface Req {
  line: string;
  method: string;
  uri: string;
  version: string;
  headers: [string, string][];
  body: string;
  length: number;
}

function header(hs: [string, string][], name: string): string | undefined {
  const n = name.toLowerCase();
  return hs.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** Read one HTTP message head (and a body of Content-Length) from a connection; leftover bytes stay in `buf`. */
async function readMessage(p: Process, c: TcpSocket, st: { buf: string }, timeoutMs: number, untilClose = false): Promise<{ head: string; body: string } | 'timeout' | undefined> {
  for (let i = 0; i < 10_000 && !st.buf.includes('\r\n\r\n'); i++) {
    const d = await c.recv(p, timeoutMs);
    if (d === 'timeout') return 'timeout';
    if (d === null || d === 'signal') return undefined;
    st.buf += d;
    if (st.buf.length > 1 << 20) return undefined;
  }
  const end = st.buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = st.buf.slice(0, end);
  st.buf = st.buf.slice(end + 4);
  const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const want = cl ? Number(cl[1]) : untilClose ? Infinity : 0;
  for (let i = 0; i < 100_000 && utf8Len(st.buf) < want; i++) {
    const d = await c.recv(p, timeoutMs);
    if (d === 'timeout') return 'timeout';
    if (d === null || d === 'signal') break;
    st.buf += d;
  }
  const body = want === Infinity ? st.buf : st.buf.slice(0, want);
  st.buf = st.buf.slice(body.length);
  return { head, body };
}

function parseHeaders(lines: string[]): [string, string][] {
  const hs: [string, string][] = [];
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) hs.push([l.slice(0, i).trim(), l.slice(i + 1).trim()]);
  }
  return hs;
}

/** Headers of the upstream's response nginx does not pass on (proxy_hide_header defaults, hop-by-hop ones, those it writes itself). */
const HIDDEN = new Set(['server', 'date', 'x-pad', 'x-accel-expires', 'x-accel-redirect', 'x-accel-limit-rate', 'x-accel-buffering', 'x-accel-charset', 'connection', 'keep-alive', 'transfer-encoding', 'content-type', 'content-length', 'last-modified', 'location']);

/** The head nginx writes (ngx_http_header_filter order; Server cleared). */
function responseHead(p: Process, statusLine: string, hs: [string, string][], keep: boolean): string {
  let h = `${statusLine}\r\nDate: ${httpDate(p)}\r\n`;
  for (const n of ['Content-Type', 'Content-Length', 'Last-Modified', 'Location']) {
    const v = header(hs, n);
    if (v !== undefined) h += `${n}: ${v}\r\n`;
  }
  h += `Connection: ${keep ? 'keep-alive' : 'close'}\r\n`;
  for (const [k, v] of hs) if (!HIDDEN.has(k.toLowerCase())) h += `${k}: ${v}\r\n`;
  return h + '\r\n';
}

register({
  name: 'nginx-ingress-controller',
  summary: 'ingress-nginx: route HTTP by Ingress host and path to Service endpoints (run in its pod by the kubelet)',
  usage: 'nginx-ingress-controller [--ingress-class=nginx] [--controller-class=k8s.io/ingress-nginx]',
  hidden: true,
  async run(p) {
    const k = kernelOf(p);
    const b = inClusterConfig(k);
    const args = p.argv.slice(1);
    const flag = (n: string): string | undefined => args.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3);
    if (!b) {
      p.stderr.write('nginx-ingress-controller: no cluster: this program runs in the ingress-nginx controller pod\n');
      return 1;
    }
    const api = b.api;
    const controllerClass = flag('controller-class') ?? NGINX_CONTROLLER_CLASS;
    const ingressClass = flag('ingress-class') ?? NGINX_CLASS;
    const podName = p.env.HOSTNAME ?? '';
    const myPod = (): KObject | undefined => api.list('Pod').find((x) => x.metadata.name === podName);
    const rng = k.rng;

    // ── status and events ────────────────────────────────────────────────
    const synced = new Map<string, number>();
    /** Addresses of the nodes running this controller's pods (no --publish-service). */
    const runningAddresses = (): string[] => {
      const me = myPod();
      const sel = me?.metadata.labels ?? {};
      const pods = api.list('Pod', me?.metadata.namespace).filter((x) => podReady(x) && Object.entries(sel).every(([kk, v]) => kk === 'pod-template-hash' || x.metadata.labels?.[kk] === v));
      const ips = new Set<string>();
      for (const pod of pods) {
        const node = api.get('Node', undefined, pod.spec?.nodeName ?? '');
        const addrs = (node?.status?.addresses ?? []) as { type: string; address: string }[];
        const ip = addrs.find((a) => a.type === 'ExternalIP')?.address ?? addrs.find((a) => a.type === 'InternalIP')?.address;
        if (ip) ips.add(ip);
      }
      return [...ips].sort();
    };
    const reported = new Set<string>();
    const sync = (): void => {
      const ings = ingressesForController(api, controllerClass, ingressClass);
      for (const ing of ings) {
        for (const a of Object.keys(ing.metadata.annotations ?? {})) {
          const key = `${ing.metadata.namespace}/${ing.metadata.name}/${a}`;
          if (!a.startsWith('nginx.ingress.kubernetes.io/') || SIMULATED_ANNOTATIONS.has(a) || reported.has(key)) continue;
          reported.add(key);
          p.stderr.write(`nginx-ingress-controller: annotation ${a} (Ingress ${ing.metadata.namespace}/${ing.metadata.name}): not simulated\n`);
        }
      }
      const want = runningAddresses().map((ip) => ({ ip }));
      for (const ing of ings) {
        const key = `${ing.metadata.namespace}/${ing.metadata.name}`;
        const gen = ing.metadata.generation ?? 1;
        if (synced.get(key) !== gen) {
          synced.set(key, gen);
          syncEvent(ing);
        }
        const cur = JSON.stringify(ing.status?.loadBalancer?.ingress ?? []);
        if (want.length && cur !== JSON.stringify(want)) {
          modify(api, 'Ingress', ing.metadata.namespace, ing.metadata.name, (o) => {
            o.status = { ...(o.status ?? {}), loadBalancer: { ingress: want } };
          });
          // The status update comes back as an update of the Ingress, which the controller syncs again.
          syncEvent(ing);
        }
      }
    };
    /** The `Sync` event the controller records for each Ingress it (re)configures. */
    const syncEvent = (ing: KObject): void => {
      const ev = api.list('Event', ing.metadata.namespace).find((e) => e.involvedObject?.kind === 'Ingress' && e.involvedObject?.name === ing.metadata.name && e.reason === 'Sync' && e.source?.component === 'nginx-ingress-controller');
      const now = api.now();
      try {
        if (ev) {
          modify(api, 'Event', ev.metadata.namespace, ev.metadata.name, (e) => {
            e.count = (e.count ?? 1) + 1;
            e.lastTimestamp = now;
          });
        } else {
          api.create({ apiVersion: 'v1', kind: 'Event', metadata: { name: '', generateName: `${ing.metadata.name}.`, namespace: ing.metadata.namespace }, type: 'Normal', reason: 'Sync', message: 'Scheduled for sync', source: { component: 'nginx-ingress-controller' }, count: 1, firstTimestamp: now, lastTimestamp: now, involvedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: ing.metadata.name, namespace: ing.metadata.namespace, uid: ing.metadata.uid } });
        }
      } catch {
        // events are best effort
      }
    };
    let pending = false;
    let stopped = false;
    const schedule = (): void => {
      if (pending || stopped) return;
      pending = true;
      // The controller's sync queue coalesces a burst of changes (about a second).
      void b.track(
        new Promise<void>((res) => {
          k.clock.setTimer(1000, () => {
            pending = false;
            if (!stopped) sync();
            res();
          });
        }),
      );
    };
    const off = api.watch(['Ingress', 'IngressClass', 'Pod'], (e) => {
      if (e.object.kind !== 'Pod' || e.object.metadata.name === podName) schedule();
    });
    schedule();

    // ── the HTTP server (nginx's port 80) ─────────────────────────────────
    const s = new TcpSocket(nsOf(p));
    try {
      s.bind(0, 80);
      s.listen(4096);
    } catch (e) {
      off();
      if (!(e instanceof KernelError)) throw e;
      p.stderr.write('nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n');
      return 1;
    }
    s.owner = { pid: p.pid, comm: 'nginx', fd: 6 };
    const rr = new Map<string, number>();

    /** Proxy to one of a backend's endpoints (proxy_next_upstream error timeout, 3 tries). */
    const proxy = async (be: BackendRef, req: Req, client: string, reqId: string): Promise<{ head: string; body: string; status: number; upAddr: string; upStatus: string; upLen: string; upTime: string }> => {
      const eps = backendEndpoints(api, be) ?? [];
      const fail = (code: number, addrs: string[], statuses: string[]) => {
        const body = nginxErrorPage(code);
        return { head: responseHead(p, `HTTP/1.1 ${code} ${REASONS[code]}`, [['Content-Type', 'text/html'], ['Content-Length', String(utf8Len(body))]], true), body, status: code, upAddr: addrs.join(', ') || '-', upStatus: statuses.join(', ') || '-', upLen: addrs.map(() => '0').join(', ') || '-', upTime: addrs.map(() => '0.000').join(', ') || '-' };
      };
      if (!eps.length) return fail(503, [], []);
      const name = upstreamName(be);
      let i = rr.get(name) ?? rng.int(0, eps.length - 1);
      const addrs: string[] = [];
      const statuses: string[] = [];
      const times: string[] = [];
      for (let t = 0; t < Math.min(3, eps.length); t++) {
        const ep = eps[i % eps.length];
        i++;
        rr.set(name, i % eps.length);
        const addr = `${ep.addr}:${ep.port}`;
        addrs.push(addr);
        const t0 = k.clock.now;
        const up = new TcpSocket(nsOf(p));
        let r: 'ok' | 'timeout' | 'signal';
        try {
          r = await up.connect(p, parseIp4(ep.addr)!, ep.port, 5000);
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          statuses.push('502');
          times.push(((k.clock.now - t0) / 1000).toFixed(3));
          continue;
        }
        if (r === 'signal') return fail(502, addrs, [...statuses, '502']);
        if (r === 'timeout') {
          statuses.push('504');
          times.push(((k.clock.now - t0) / 1000).toFixed(3));
          continue;
        }
        const host = header(req.headers, 'host') ?? '';
        const set: [string, string][] = [['Host', host], ['X-Request-ID', reqId], ['X-Real-IP', client], ['X-Forwarded-For', client], ['X-Forwarded-Host', host], ['X-Forwarded-Port', '80'], ['X-Forwarded-Proto', 'http'], ['X-Forwarded-Scheme', 'http'], ['X-Scheme', 'http']];
        const skip = new Set(['host', 'connection', 'keep-alive', 'proxy', 'upgrade', 'x-request-id', 'x-real-ip', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-scheme', 'x-scheme']);
        const pass = req.headers.filter(([kk]) => !skip.has(kk.toLowerCase()));
        try {
          up.send(`${req.method} ${req.uri} HTTP/1.1\r\n${[...set, ...pass].map(([kk, v]) => `${kk}: ${v}\r\n`).join('')}\r\n${req.body}`);
        } catch (e) {
          if (!(e instanceof KernelError)) throw e;
          up.abort();
          statuses.push('502');
          times.push(((k.clock.now - t0) / 1000).toFixed(3));
          continue;
        }
        const msg = await readMessage(p, up, { buf: '' }, 60_000, true).catch(() => undefined);
        up.close();
        times.push(((k.clock.now - t0) / 1000).toFixed(3));
        if (msg === 'timeout') return { ...fail(504, addrs, [...statuses, '504']), upTime: times.join(', ') };
        if (!msg) {
          statuses.push('502');
          continue;
        }
        const lines = msg.head.split('\r\n');
        const st = /^HTTP\/\d\.\d (\d{3})(?: (.*))?$/.exec(lines[0]);
        if (!st) {
          statuses.push('502');
          continue;
        }
        const hs = parseHeaders(lines.slice(1));
        const body = req.method === 'HEAD' ? '' : msg.body;
        const withLen: [string, string][] = header(hs, 'content-length') === undefined ? [...hs, ['Content-Length', String(utf8Len(msg.body))]] : hs;
        statuses.push(st[1]);
        return { head: responseHead(p, `HTTP/1.1 ${st[1]} ${st[2] ?? ''}`.trimEnd(), withLen, true), body, status: Number(st[1]), upAddr: addrs.join(', '), upStatus: statuses.join(', '), upLen: [...addrs.slice(1).map(() => '0'), String(utf8Len(msg.body))].join(', '), upTime: times.join(', ') };
      }
      const code = statuses[statuses.length - 1] === '504' ? 504 : 502;
      return { ...fail(code, addrs, statuses), upTime: times.join(', ') };
    };

    const handle = async (c: TcpSocket): Promise<void> => {
      const st = { buf: '' };
      const client = fmtIp4(c.raddr);
      for (let n = 0; n < 1000; n++) {
        // keepalive_timeout 75s; client_header_timeout 60s.
        const msg = await readMessage(p, c, st, 75_000);
        if (!msg || msg === 'timeout') break;
        const t0 = k.clock.now;
        const lines = msg.head.split('\r\n');
        const [method = '', uri = '', version = ''] = lines[0].split(' ');
        const headers = parseHeaders(lines.slice(1));
        const req: Req = { line: lines[0], method, uri, version, headers, body: msg.body, length: utf8Len(msg.head) + 4 + utf8Len(msg.body) };
        const keep = version === 'HTTP/1.1' && (header(headers, 'connection') ?? '').toLowerCase() !== 'close';
        const reqId = header(headers, 'x-request-id') ?? rng.hex(16);
        const write = (data: string): boolean => {
          try {
            c.send(data);
            return true;
          } catch (e) {
            if (!(e instanceof KernelError)) throw e;
            return false;
          }
        };
        if (!/^[A-Z]+$/.test(method) || !uri.startsWith('/') || !/^HTTP\/1\.[01]$/.test(version) || (version === 'HTTP/1.1' && header(headers, 'host') === undefined)) {
          const body = nginxErrorPage(400);
          write(responseHead(p, 'HTTP/1.1 400 Bad Request', [['Content-Type', 'text/html'], ['Content-Length', String(utf8Len(body))]], false) + body);
          break;
        }
        const servers = buildServers(ingressesForController(api, controllerClass, ingressClass));
        const { location, upstreamUri } = routeRequest(servers, header(headers, 'host') ?? '', uri);
        if (!location?.backend) {
          // The default backend: a 404, not logged.
          const body = nginxErrorPage(404);
          if (!write(responseHead(p, 'HTTP/1.1 404 Not Found', [['Content-Type', 'text/html'], ['Content-Length', String(utf8Len(body))]], keep) + (method === 'HEAD' ? '' : body))) break;
          if (!keep) break;
          continue;
        }
        const r = await proxy(location.backend, { ...req, uri: upstreamUri }, client, reqId);
        const ok = write(r.head.replace(/\r\nConnection: keep-alive\r\n/, keep ? '\r\nConnection: keep-alive\r\n' : '\r\nConnection: close\r\n') + r.body);
        const secs = ((k.clock.now - t0) / 1000).toFixed(3);
        const ref = header(headers, 'referer') ?? '-';
        const ua = header(headers, 'user-agent') ?? '-';
        p.stdout.write(`${client} - - [${timeLocal(p)}] "${req.line}" ${r.status} ${utf8Len(r.body)} "${ref}" "${ua}" ${req.length} ${secs} [${upstreamName(location.backend)}] [] ${r.upAddr} ${r.upLen} ${r.upTime} ${r.upStatus} ${reqId}\n`);
        if (!ok || !keep) break;
      }
      c.close();
    };

    for (let i = 0; i < 10_000_000; i++) {
      const c = await s.accept(p);
      if (c === 'signal' || c === 'timeout') break;
      void handle(c).catch(() => c.abort());
    }
    stopped = true;
    off();
    s.close();
    return 0;
  },
});

declareNotSimulated(
  { tool: 'nginx-ingress-controller', kind: 'attribute', item: 'nginx.ingress.kubernetes.io/* annotations other than rewrite-target and use-regex', why: 'reported in the controller log (kubectl logs -n ingress-nginx deploy/ingress-nginx-controller) and otherwise ignored' },
  { tool: 'nginx-ingress-controller', kind: 'attribute', item: 'spec.tls (HTTPS on port 443)', why: 'the controller serves HTTP on port 80 only; port 443 of its Service refuses connections' },
);
