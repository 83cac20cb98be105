// kube-proxy's service health check server (pkg/proxy/healthcheck,
// service_health.go): for every LoadBalancer Service with
// externalTrafficPolicy Local, an HTTP listener on its healthCheckNodePort
// that answers how many ready endpoints of the Service run on this node
// (200 when there is at least one, 503 otherwise), so a load balancer sends
// traffic only to nodes that will not drop it. Body and headers as
// hcHandler.ServeHTTP writes them; Go's net/http puts the handler's headers
// (sorted) before Date and Content-Length.

import { KernelError } from '../../kernel/errno.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { utf8Len } from '../../kernel/packet.ts';
import { nsOf } from '../lib/sys.ts';
import { httpDate } from '../net/httpd.ts';
import type { ServicePortInfo } from '../../k8s/proxy/model.ts';

/** What one health check port reports. */
interface HcService {
  namespace: string;
  name: string;
  localEndpoints: number;
}

/** The JSON body of one answer (tab-indented, no trailing newline). */
export function healthCheckBody(s: HcService, healthy = true): string {
  return `{\n\t"service": {\n\t\t"namespace": ${JSON.stringify(s.namespace)},\n\t\t"name": ${JSON.stringify(s.name)}\n\t},\n\t"localEndpoints": ${s.localEndpoints},\n\t"serviceProxyHealthy": ${healthy}\n}`;
}

/** The health check listeners of one kube-proxy. */
export class HealthCheckServer {
  private readonly p: Process;
  private readonly listeners = new Map<number, { sock: TcpSocket; svc: HcService }>();

  constructor(p: Process) {
    this.p = p;
  }

  /** SyncServices + SyncEndpoints: open, update and close listeners for the current Services. */
  sync(ports: ServicePortInfo[], nodeName: string): void {
    const want = new Map<number, HcService>();
    for (const sp of ports) {
      if (!sp.healthCheckNodePort) continue;
      const local = sp.endpoints.filter((e) => e.ready && e.nodeName === nodeName).length;
      const cur = want.get(sp.healthCheckNodePort);
      // Endpoints are counted per Service (the same local pod behind two ports counts once).
      want.set(sp.healthCheckNodePort, { namespace: sp.namespace, name: sp.name, localEndpoints: Math.max(cur?.localEndpoints ?? 0, local) });
    }
    for (const [port, l] of this.listeners) {
      if (want.has(port)) continue;
      l.sock.close();
      this.listeners.delete(port);
    }
    for (const [port, svc] of want) {
      const have = this.listeners.get(port);
      if (have) {
        have.svc = svc;
        continue;
      }
      const sock = new TcpSocket(nsOf(this.p));
      try {
        sock.bind(0, port);
        sock.listen(128);
      } catch (e) {
        if (!(e instanceof KernelError)) throw e;
        continue;
      }
      sock.owner = { pid: this.p.pid, comm: 'kube-proxy', fd: 10 + this.listeners.size };
      const entry = { sock, svc };
      this.listeners.set(port, entry);
      void this.serve(entry);
    }
  }

  private async serve(entry: { sock: TcpSocket; svc: HcService }): Promise<void> {
    for (let i = 0; i < 10_000_000; i++) {
      let c: TcpSocket | 'signal' | 'timeout';
      try {
        c = await entry.sock.accept(this.p);
      } catch (e) {
        // The listener was closed (the Service went away).
        if (e instanceof KernelError) break;
        throw e;
      }
      if (c === 'signal' || c === 'timeout') break;
      void this.answer(c, entry.svc).catch(() => c.abort());
    }
  }

  private async answer(c: TcpSocket, svc: HcService): Promise<void> {
    let buf = '';
    for (let i = 0; i < 100 && !buf.includes('\r\n\r\n') && !buf.includes('\n\n'); i++) {
      const d = await c.recv(this.p, 30_000);
      if (d === null || d === 'timeout' || d === 'signal') break;
      buf += d;
      if (buf.length > 65536) break;
    }
    if (!buf) {
      c.close();
      return;
    }
    const body = healthCheckBody(svc);
    const ok = svc.localEndpoints !== 0;
    const head = `HTTP/1.1 ${ok ? '200 OK' : '503 Service Unavailable'}\r\nContent-Type: application/json\r\nX-Content-Type-Options: nosniff\r\nX-Load-Balancing-Endpoint-Weight: ${svc.localEndpoints}\r\nDate: ${httpDate(this.p)}\r\nContent-Length: ${utf8Len(body)}\r\n\r\n`;
    const method = buf.split(' ')[0];
    try {
      c.send(head + (method === 'HEAD' ? '' : body));
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
    }
    c.close();
  }

  /** Close every listener (kube-proxy exits). */
  close(): void {
    for (const l of this.listeners.values()) l.sock.close();
    this.listeners.clear();
  }
}
