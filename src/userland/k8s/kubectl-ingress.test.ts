// kubectl for Ingress and IngressClass: `get` columns as printers.go prints
// them (printIngress, printIngressClass), `describe` as describe.go lays it
// out through text/tabwriter (describeIngressV1: the Rules table, default
// backend, annotations, the controller's Sync events), and `create ingress`
// with create_ingress.go's rule syntax, messages and validation errors.

import { describe, expect, it } from 'vitest';
import { goTabwriter, createIngressObject, dryRunIngress, lbStatus } from './kubectl-ingress.ts';
import { ingressWorld, run } from './ingress.test-util.ts';
import type { KObject } from '../../k8s/api.ts';

describe('Go tabwriter (minwidth 0, padding 2)', () => {
  it('aligns a column over the run of lines that have it, breaking on lines that do not', () => {
    // describeIngressV1's rules table: the host line has no Path cell, so the Path column restarts below it.
    const t = 'Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n  foo.bar.com\t\n    \t/foo \tsvc:80\nAnnotations:\t<none>\nEvents:\t<none>\n';
    expect(goTabwriter(t)).toBe('Rules:\n  Host         Path  Backends\n  ----         ----  --------\n  foo.bar.com  \n               /foo   svc:80\nAnnotations:   <none>\nEvents:        <none>\n');
  });
});

describe('kubectl create ingress (create_ingress.go)', () => {
  it('builds rules, path types, TLS and the default backend from flags', () => {
    const o = createIngressObject(['web', '--class=nginx', '--rule=foo.com/*=svc:8080,tls=secret1', '--rule', 'foo.com/admin=admin:http', '--rule=/path=other:80', '--default-backend=def:http'], 'default') as KObject;
    expect(o.spec).toEqual({
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'def', port: { name: 'http' } } },
      tls: [{ hosts: ['foo.com'], secretName: 'secret1' }],
      rules: [
        { host: 'foo.com', http: { paths: [{ backend: { service: { name: 'svc', port: { number: 8080 } } }, path: '/', pathType: 'Prefix' }, { backend: { service: { name: 'admin', port: { name: 'http' } } }, path: '/admin', pathType: 'Exact' }] } },
        { http: { paths: [{ backend: { service: { name: 'other', port: { number: 80 } } }, path: '/path', pathType: 'Exact' }] } },
      ],
    });
  });
  it('--dry-run=client prints the object instead of creating it (-o yaml: creationTimestamp null, empty status)', () => {
    const o = createIngressObject(['hello', '--class=nginx', "--rule=hello.test/*=hello:80", '--dry-run=client', '-o', 'yaml'], 'default') as KObject;
    expect(dryRunIngress(o, 'client', 'yaml').text).toBe(
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  creationTimestamp: null\n  name: hello\nspec:\n  ingressClassName: nginx\n  rules:\n  - host: hello.test\n    http:\n      paths:\n      - backend:\n          service:\n            name: hello\n            port:\n              number: 80\n        path: /\n        pathType: Prefix\nstatus:\n  loadBalancer: {}\n',
    );
    expect(dryRunIngress(o, 'client', undefined).text).toBe('ingress.networking.k8s.io/hello created (dry run)\n');
    expect(dryRunIngress(o, 'server', undefined).text).toBe('ingress.networking.k8s.io/hello created (server dry run)\n');
    expect(dryRunIngress(o, undefined, undefined)).toEqual({});
    expect(dryRunIngress(o, 'maybe', undefined).error).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".');
  });
  it('refuses what kubectl refuses, with its messages', () => {
    expect(createIngressObject(['web'], 'default')).toBe('error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n');
    expect(createIngressObject(['web', '--rule=foo.com=svc:80'], 'default')).toBe('error: rule foo.com=svc:80 is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n');
    expect(createIngressObject(['--rule=foo.com/=svc:80'], 'default')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create ingress -h' for help and examples\n");
    expect(createIngressObject(['web', '--default-backend=svc'], 'default')).toBe('error: default-backend should be in format servicename:serviceport\n');
  });
});

describe('kubectl get/describe ingress on a cluster', () => {
  it('prints the Ingress and IngressClass tables and the describer text', async () => {
    const c = await ingressWorld(7);
    const cr = await run(c, 'controlplane', "kubectl create ingress sites --class=nginx --rule=shop.example.com/*=shop:80 --rule=blog.example.com/*=blog:80");
    expect(cr).toEqual({ out: 'ingress.networking.k8s.io/sites created\n', err: '', code: 0 });
    // The controller publishes the node address after its sync (the command's settling runs it).
    const ctlNode = c.api.list('Pod', 'ingress-nginx')[0].spec.nodeName as string;
    const ip = c.api.get('Node', undefined, ctlNode)!.status.addresses[0].address as string;
    const after = await run(c, 'controlplane', 'kubectl get ing sites');
    expect(after.out).toMatch(new RegExp(`^NAME +CLASS +HOSTS +ADDRESS +PORTS +AGE\\nsites +nginx +shop\\.example\\.com,blog\\.example\\.com +${ip.replace(/\./g, '\\.')} +80 +\\d+s\\n$`));
    const cls = await run(c, 'controlplane', 'kubectl get ingressclass');
    expect(cls.out).toMatch(/^NAME {4}CONTROLLER {13}PARAMETERS {3}AGE\nnginx {3}k8s\.io\/ingress-nginx {3}<none> {7}\d+s\n$/);
    const d = await run(c, 'controlplane', 'kubectl describe ingress sites');
    const ep = (app: string): string => c.api.list('Pod', 'default').filter((p) => p.metadata.labels?.app === app).map((p) => `${p.status.podIP}:80`).sort().join(',');
    const text = d.out.replace(/\(([\d.:,]+)\)/g, (_, l: string) => `(${l.split(',').sort().join(',')})`);
    expect(text).toBe(
      'Name:             sites\n' +
        'Labels:           <none>\n' +
        'Namespace:        default\n' +
        `Address:          ${ip}\n` +
        'Ingress Class:    nginx\n' +
        'Default backend:  <default>\n' +
        'Rules:\n' +
        '  Host              Path  Backends\n' +
        '  ----              ----  --------\n' +
        '  shop.example.com  \n' +
        `                    /   shop:80 (${ep('shop')})\n` +
        '  blog.example.com  \n' +
        `                    /   blog:80 (${ep('blog')})\n` +
        'Annotations:        <none>\n' +
        'Events:\n' +
        '  Type    Reason  Age              From                      Message\n' +
        '  ----    ------  ----             ----                      -------\n' +
        '  Normal  Sync    1s (x2 over 1s)  nginx-ingress-controller  Scheduled for sync\n',
    );
    const missing = await run(c, 'controlplane', 'kubectl describe ingress nope');
    expect(missing.err).toBe('Error from server (NotFound): ingresses.networking.k8s.io "nope" not found\n');
    const del = await run(c, 'controlplane', 'kubectl delete ingress sites');
    expect(del.out).toBe('ingress.networking.k8s.io "sites" deleted\n');
  }, 60_000);

  it('clips ADDRESS to 16 characters unless -o wide', () => {
    const o = { status: { loadBalancer: { ingress: [{ ip: '192.168.56.12' }, { ip: '192.168.56.11' }] } } } as KObject;
    expect(lbStatus(o, false)).toBe('192.168.56.11...');
    expect(lbStatus(o, true)).toBe('192.168.56.11,192.168.56.12');
  });
});
