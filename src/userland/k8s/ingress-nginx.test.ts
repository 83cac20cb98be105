// The ingress-nginx controller end to end: installed as its bare-metal
// manifest deploys it (Deployment behind a NodePort Service, IngressClass
// nginx), it routes requests from a host outside the cluster by Host header
// and path to the pods of two Services — each request a real connection
// from the controller's pod to a backend pod — answers unknown hosts from
// its default backend, logs proxied requests in its upstream log format and
// publishes the node's address in the Ingress status.

import { describe, expect, it } from 'vitest';
import { ingressWorld, run } from './ingress.test-util.ts';
import type { KObject } from '../../k8s/api.ts';
import { fmtIp4 } from '../../kernel/addr.ts';
import type { Ipv4Packet } from '../../kernel/packet.ts';
import type { Tap } from '../../kernel/stack.ts';
import { nginxErrorPage } from './ingress-nginx.ts';
import { readFileSync } from 'node:fs';

const INGRESS: KObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'sites', namespace: 'default' },
  spec: {
    ingressClassName: 'nginx',
    rules: [
      { host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop', port: { number: 80 } } } }] } },
      { host: 'blog.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'blog', port: { number: 80 } } } }] } },
    ],
  },
};

describe('ingress-nginx controller', () => {
  it('routes by Host from outside the cluster through the NodePort to the right pods', async () => {
    const c = await ingressWorld();
    const ctl = c.api.list('Pod', 'ingress-nginx');
    expect(ctl).toHaveLength(1);
    expect(ctl[0].status.phase).toBe('Running');
    c.api.create(JSON.parse(JSON.stringify(INGRESS)));
    await c.settle();
    const svc = c.api.get('Service', 'ingress-nginx', 'ingress-nginx-controller')!;
    expect(svc.spec.type).toBe('NodePort');
    const np = svc.spec.ports.find((p: { name: string }) => p.name === 'http').nodePort as number;
    // Which pods the SYNs reach, and from where.
    const syns: { src: string; dst: string }[] = [];
    const taps: [import('../../kernel/kernel.ts').Kernel, Tap][] = [];
    for (const k of c.world.hosts.values()) {
      const tap: Tap = (dev, frame, dir) => {
        if (dir !== 'in' || frame.type !== 'ipv4' || dev.kind !== 'veth' || dev.ns === k.initNs) return;
        const pkt = frame.payload as Ipv4Packet;
        if (pkt.payload.proto !== 'tcp' || !pkt.payload.flags.syn || pkt.payload.flags.ack) return;
        syns.push({ src: fmtIp4(pkt.src), dst: fmtIp4(pkt.dst) });
      };
      k.stack.taps.add(tap);
      taps.push([k, tap]);
    }
    const shop = await run(c, 'outside', `curl -s -H 'Host: shop.example.com' http://192.168.56.11:${np}/`);
    const blog = await run(c, 'outside', `curl -si -H 'Host: blog.example.com' http://192.168.56.12:${np}/`);
    for (const [k, t] of taps) k.stack.taps.delete(t);
    expect(shop.code).toBe(0);
    expect(shop.out).toContain('Welcome to nginx!');
    expect(blog.out).toMatch(/^HTTP\/1\.1 200 OK\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nContent-Length: 615\r\nLast-Modified: .*\r\nConnection: keep-alive\r\nETag: "6925f0a0-267"\r\nAccept-Ranges: bytes\r\n\r\n/);
    expect(blog.out).not.toMatch(/^Server:/m);
    const ip = (app: string): Set<string> => new Set(c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === app).map((p) => p.status.podIP));
    const ctlIp = c.api.list('Pod', 'ingress-nginx')[0].status.podIP;
    // Each request: one SYN into the controller pod, then one from the controller pod to a backend pod of the right app.
    expect(syns).toHaveLength(4);
    expect(syns[0].dst).toBe(ctlIp);
    expect(syns[1].src).toBe(ctlIp);
    expect(ip('shop').has(syns[1].dst)).toBe(true);
    expect(syns[2].dst).toBe(ctlIp);
    expect(ip('blog').has(syns[3].dst)).toBe(true);

    // An unknown host gets the default backend's 404 (not logged).
    const other = await run(c, 'outside', `curl -si -H 'Host: nope.example.com' http://192.168.56.11:${np}/`);
    expect(other.out).toMatch(/^HTTP\/1\.1 404 Not Found\r\nDate: [^\r]+\r\nContent-Type: text\/html\r\nContent-Length: 146\r\nConnection: keep-alive\r\n\r\n/);
    expect(other.out.endsWith(nginxErrorPage(404))).toBe(true);

    // Access log: two proxied requests in log-format-upstream.
    const logs = await run(c, 'controlplane', 'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller');
    const lines = logs.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+\.\d+\.\d+\.\d+ - - \[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" \d+ \d\.\d{3} \[default-shop-80\] \[\] 10\.244\.\d+\.\d+:80 615 \d\.\d{3} 200 [0-9a-f]{32}$/);
    expect(lines[1]).toContain('[default-blog-80] []');

    // Status: the address of the node running the controller (no --publish-service).
    const ing = c.api.get('Ingress', 'default', 'sites')!;
    const node = c.api.get('Node', undefined, c.api.list('Pod', 'ingress-nginx')[0].spec.nodeName)!;
    expect(ing.status.loadBalancer.ingress).toEqual([{ ip: node.status.addresses[0].address }]);
  }, 60_000);

  it('ignores an Ingress of no class, and answers 503 for a Service without endpoints', async () => {
    const c = await ingressWorld(9);
    const noClass = JSON.parse(JSON.stringify(INGRESS)) as KObject;
    delete noClass.spec.ingressClassName;
    c.api.create(noClass);
    await c.settle();
    const np = c.api.get('Service', 'ingress-nginx', 'ingress-nginx-controller')!.spec.ports[0].nodePort;
    const r = await run(c, 'outside', `curl -s -o /dev/null -w %{http_code} -H 'Host: shop.example.com' http://192.168.56.11:${np}/`);
    expect(r.out).toBe('404');
    expect(c.api.get('Ingress', 'default', 'sites')!.status?.loadBalancer?.ingress).toBeUndefined();
    c.api.patch('Ingress', 'default', 'sites', (o) => {
      o.spec.ingressClassName = 'nginx';
      o.metadata.annotations = { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' };
    });
    c.api.patch('Service', 'default', 'shop', (o) => (o.spec.selector = { app: 'nothing' }));
    await c.settle();
    const r2 = await run(c, 'outside', `curl -s -w %{http_code} -H 'Host: shop.example.com' http://192.168.56.11:${np}/`);
    expect(r2.out).toBe(nginxErrorPage(503) + '503');
    const logs = await run(c, 'controlplane', 'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller');
    expect(logs.out).toContain('nginx-ingress-controller: annotation nginx.ingress.kubernetes.io/ssl-redirect (Ingress default/sites): not simulated\n');
    expect(logs.out).toMatch(/"GET \/ HTTP\/1\.1" 503 190 .* \[default-shop-80\] \[\] - - - - [0-9a-f]{32}\n/);
  }, 60_000);

  it("sends nginx's error pages and header order as recorded from nginx with server_tokens off (goldens/125), without the Server header ingress-nginx clears", () => {
    // Recorded with ../shared/fidelity/record.sh on Debian 12's nginx-light (1.22.1); ingress-nginx's
    // nginx.tmpl adds `more_clear_headers Server;` to `server_tokens off;`, so its responses lack that line.
    const golden = JSON.parse(readFileSync(new URL('./goldens/125-nginx-error-pages.json', import.meta.url), 'utf8')) as { steps: { stdout: string }[] };
    const parts = golden.steps[0].stdout.split('\n---\n');
    for (const [i, code] of [404, 503, 502, 504].entries()) {
      const [head, body] = parts[i].split('\r\n\r\n');
      expect(body).toBe(nginxErrorPage(code));
      expect(head.replace('Server: nginx\r\n', '').replace('Date: X\n', 'Date: X\r\n')).toBe(`HTTP/1.1 ${code} ${/^HTTP\/1\.1 \d+ (.*)\r/.exec(head)![1]}\r\nDate: X\r\nContent-Type: text/html\r\nContent-Length: ${nginxErrorPage(code).length}\r\nConnection: keep-alive`);
    }
  });
});
