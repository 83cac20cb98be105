// Routing as ingress-nginx configures nginx from Ingress rules
// (internal/ingress/controller/controller.go createServers/getBackendServers;
// Kubernetes' path-type semantics in the Ingress API reference: Exact,
// Prefix by path elements, ImplementationSpecific left to the controller,
// which ingress-nginx writes as a plain nginx prefix location).

import { describe, expect, it } from 'vitest';
import type { KObject } from './api.ts';
import { ApiServer } from './api.ts';
import { Clock } from '../kernel/clock.ts';
import { Rng } from '../kernel/rng.ts';
import { buildServers, ingressesForController, routeRequest, upstreamName } from './ingress.ts';

let n = 0;
function ing(spec: KObject['spec'], name = `i${n++}`, ts = '2025-01-06T09:00:00Z'): KObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: ts }, spec };
}
const be = (name: string, port: number | string = 80) => ({ service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } });
const path = (p: string, pathType: string, svc: string) => ({ path: p, pathType, backend: be(svc) });

function to(servers: ReturnType<typeof buildServers>, host: string, uri: string): string {
  const r = routeRequest(servers, host, uri);
  return r.location?.backend ? upstreamName(r.location.backend) : 'default-backend';
}

describe('ingress routing', () => {
  it('picks the server by Host: exact name, then a one-label wildcard, else the catch-all', () => {
    const s = buildServers([
      ing({ ingressClassName: 'nginx', rules: [
        { host: 'a.example.com', http: { paths: [path('/', 'Prefix', 'a')] } },
        { host: '*.example.com', http: { paths: [path('/', 'Prefix', 'wild')] } },
      ] }),
    ]);
    expect(to(s, 'a.example.com', '/')).toBe('default-a-80');
    expect(to(s, 'A.Example.COM:8080', '/x')).toBe('default-a-80');
    expect(to(s, 'b.example.com', '/')).toBe('default-wild-80');
    expect(to(s, 'x.b.example.com', '/')).toBe('default-backend');
    expect(to(s, 'example.com', '/')).toBe('default-backend');
    expect(to(s, '10.0.0.1', '/')).toBe('default-backend');
  });

  it('matches Exact, Prefix (whole elements) and ImplementationSpecific (nginx prefix); exact wins, then the longest prefix', () => {
    const s = buildServers([
      ing({ rules: [{ host: 'h', http: { paths: [path('/foo', 'Prefix', 'prefix'), path('/foo/bar', 'Prefix', 'longer'), path('/foo', 'Exact', 'exact'), path('/img', 'ImplementationSpecific', 'impl')] } }] }),
    ]);
    expect(to(s, 'h', '/foo')).toBe('default-exact-80');
    expect(to(s, 'h', '/foo/')).toBe('default-prefix-80');
    expect(to(s, 'h', '/foo/x')).toBe('default-prefix-80');
    expect(to(s, 'h', '/foo/bar/baz')).toBe('default-longer-80');
    expect(to(s, 'h', '/foobar')).toBe('default-backend');
    expect(to(s, 'h', '/imgs/1.png')).toBe('default-impl-80');
    expect(to(s, 'h', '/foo?x=1')).toBe('default-exact-80');
    // The server's own `/` location sends everything else to the default backend.
    expect(to(s, 'h', '/')).toBe('default-backend');
  });

  it('a Prefix path with a trailing slash covers the path without it (the API reference table)', () => {
    const s = buildServers([ing({ rules: [{ host: 'h', http: { paths: [path('/aaa/bbb/', 'Prefix', 'p')] } }] })]);
    expect(to(s, 'h', '/aaa/bbb')).toBe('default-p-80');
    expect(to(s, 'h', '/aaa/bbb/ccc')).toBe('default-p-80');
    expect(to(s, 'h', '/aaa/bbbxyz')).toBe('default-backend');
  });

  it("uses an Ingress's defaultBackend for its hosts' unmatched paths, and for the catch-all only when it has no rules", () => {
    const withRules = ing({ defaultBackend: be('fallback'), rules: [{ host: 'h', http: { paths: [path('/api', 'Prefix', 'api')] } }] }, 'a', '2025-01-06T09:00:00Z');
    let s = buildServers([withRules]);
    expect(to(s, 'h', '/api/v1')).toBe('default-api-80');
    expect(to(s, 'h', '/other')).toBe('default-fallback-80');
    expect(to(s, 'unknown', '/')).toBe('default-backend');
    const noRules = ing({ defaultBackend: be('catchall', 'http') }, 'b', '2025-01-06T09:01:00Z');
    s = buildServers([withRules, noRules]);
    expect(to(s, 'unknown', '/')).toBe('default-catchall-http');
  });

  it('joins rules without a host to the catch-all server; the oldest Ingress keeps a host/path', () => {
    const s = buildServers([
      ing({ rules: [{ http: { paths: [path('/shop', 'Prefix', 'shop')] } }, { host: 'h', http: { paths: [path('/', 'Prefix', 'first')] } }] }, 'old', '2025-01-06T09:00:00Z'),
      ing({ rules: [{ host: 'h', http: { paths: [path('/', 'Prefix', 'second'), path('/x', 'Prefix', 'x')] } }] }, 'new', '2025-01-06T09:05:00Z'),
    ]);
    expect(to(s, 'anything', '/shop/1')).toBe('default-shop-80');
    expect(to(s, 'anything', '/')).toBe('default-backend');
    expect(to(s, 'h', '/')).toBe('default-first-80');
    expect(to(s, 'h', '/x')).toBe('default-x-80');
    // A host server does not fall through to the catch-all's paths.
    expect(to(s, 'h', '/shop')).toBe('default-first-80');
  });

  it('serves only Ingresses of its class (class name, legacy annotation, or a default class)', () => {
    const api = new ApiServer(new Clock(), new Rng(1));
    api.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
    api.create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'other' }, spec: { controller: 'example.com/other' } });
    api.create(ing({ ingressClassName: 'nginx' }, 'mine'));
    api.create(ing({ ingressClassName: 'other' }, 'theirs'));
    api.create(ing({ ingressClassName: 'missing' }, 'ghost'));
    api.create(ing({}, 'classless'));
    const legacy = ing({}, 'legacy');
    legacy.metadata.annotations = { 'kubernetes.io/ingress.class': 'nginx' };
    api.create(legacy);
    expect(ingressesForController(api).map((i) => i.metadata.name).sort()).toEqual(['legacy', 'mine']);
    api.patch('IngressClass', undefined, 'nginx', (c) => (c.metadata.annotations = { 'ingressclass.kubernetes.io/is-default-class': 'true' }));
    expect(ingressesForController(api).map((i) => i.metadata.name).sort()).toEqual(['classless', 'legacy', 'mine']);
  });

  it('is validated by the API server as validateHTTPIngressPath does (pathType required, known, absolute paths)', () => {
    const api = new ApiServer(new Clock(), new Rng(1));
    const bad = ing({ rules: [{ host: 'h', http: { paths: [{ path: '/', backend: be('a') }, { path: 'rel', pathType: 'Prefix', backend: be('a') }, { path: '/', pathType: 'Regex', backend: be('a') }] } }] }, 'bad');
    expect(() => api.create(bad)).toThrow(
      'The Ingress "bad" is invalid: \n* spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n* spec.rules[0].http.paths[1].path: Invalid value: "rel": must be an absolute path\n* spec.rules[0].http.paths[2].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    );
    api.create(ing({ rules: [{ host: 'h', http: { paths: [path('/', 'Prefix', 'a')] } }] }, 'good'));
    // An update that breaks it is refused and leaves the object as it was.
    expect(() => api.patch('Ingress', 'default', 'good', (o) => delete o.spec.rules[0].http.paths[0].pathType)).toThrow('The Ingress "good" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
    expect(api.get('Ingress', 'default', 'good')!.spec.rules[0].http.paths[0].pathType).toBe('Prefix');
  });

  it('applies rewrite-target as the ingress-nginx rewrite example does (regex paths, $2 from /something(/|$)(.*))', () => {
    const withAnn = (ann: Record<string, string>, spec: KObject['spec'], name: string): KObject => {
      const o = ing(spec, name);
      o.metadata.annotations = ann;
      return o;
    };
    const s = buildServers([
      withAnn({ 'nginx.ingress.kubernetes.io/use-regex': 'true', 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' }, { rules: [{ host: 'rewrite.bar.com', http: { paths: [path('/something(/|$)(.*)', 'ImplementationSpecific', 'http-svc')] } }] }, 'rewrite'),
      withAnn({ 'nginx.ingress.kubernetes.io/rewrite-target': '/' }, { rules: [{ host: 'w', http: { paths: [path('/wear', 'Prefix', 'wear')] } }] }, 'wear'),
    ]);
    const up = (host: string, uri: string): string => routeRequest(s, host, uri).upstreamUri;
    // docs/examples/rewrite: rewrite.bar.com/something -> /, /something/ -> /, /something/new -> /new
    expect(up('rewrite.bar.com', '/something')).toBe('/');
    expect(up('rewrite.bar.com', '/something/')).toBe('/');
    expect(up('rewrite.bar.com', '/something/new')).toBe('/new');
    expect(up('rewrite.bar.com', '/SOMETHING/new?x=1')).toBe('/new?x=1');
    expect(to(s, 'rewrite.bar.com', '/other')).toBe('default-backend');
    expect(up('w', '/wear/a/b')).toBe('/');
    expect(to(s, 'w', '/wear/a')).toBe('default-wear-80');
  });
});
