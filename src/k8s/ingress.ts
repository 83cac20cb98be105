// Ingress as ingress-nginx reads it: which Ingresses belong to the
// controller (its IngressClass), the virtual servers and locations it builds
// from their rules, and the request routing nginx then does (server by Host,
// location by path). The controller (src/userland/k8s/ingress-nginx.ts)
// uses this through its API client; the install and the API server's checks
// of an Ingress are in ingress-install.ts.
//
// Routing follows ingress-nginx's controller (internal/ingress/controller/
// controller.go, createServers and getBackendServers) and nginx's location
// rules:
//   - one server per rule host; rules without a host join the catch-all
//     server `_`, which also answers every Host no server names;
//   - Exact paths are `location = /p`; Prefix paths match whole path
//     elements (`/p`, `/p/…`); ImplementationSpecific paths are plain nginx
//     prefixes (`/p…`); an exact match wins, then the longest prefix;
//   - a server without a `/` location gets one sending to its default
//     upstream: the Ingress's spec.defaultBackend when it has one, else the
//     controller's default backend (a 404); an Ingress with a defaultBackend
//     and no rules configures the catch-all server instead.

import type { KObject } from './api.ts';
import type { ApiReader } from './client.ts';
import { safeRegExp } from '../userland/lib/safe-regex.ts';

/** The controller class ingress-nginx claims (--controller-class). */
export const NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** The IngressClass the install creates (--ingress-class). */
export const NGINX_CLASS = 'nginx';
/** Namespace, Deployment and Service of the install. */
export const INGRESS_NS = 'ingress-nginx';
export const CONTROLLER_NAME = 'ingress-nginx-controller';
export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.1';

/** Upstream name of the controller's own default backend. */
export const DEFAULT_UPSTREAM = 'upstream-default-backend';

/** A backend of a rule: a Service port in the Ingress's namespace. */
export interface BackendRef {
  namespace: string;
  service: string;
  port: number | string;
}

/** One nginx location. */
export interface Location {
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  /** undefined: the controller's default backend. */
  backend?: BackendRef;
  ingress?: KObject;
  /** The `/` location every server starts with (sent to its default upstream). */
  isDefRoot?: boolean;
}

/** One nginx server (virtual host). */
export interface Server {
  hostname: string;
  locations: Location[];
}

/** The upstream name ingress-nginx gives a Service port (`default-web-80`). */
export function upstreamName(b: BackendRef): string {
  return `${b.namespace}-${b.service}-${b.port}`;
}

function backendOf(ns: string, be: { service?: { name?: string; port?: { number?: number; name?: string } } } | undefined): BackendRef | undefined {
  const s = be?.service;
  if (!s?.name) return undefined;
  const port = s.port?.number ? Number(s.port.number) : s.port?.name;
  if (port === undefined || port === '') return undefined;
  return { namespace: ns, service: String(s.name), port };
}

/**
 * The Ingresses a controller of class `controller` serves: spec.ingressClassName
 * names an IngressClass of that controller, or (no class name) the legacy
 * `kubernetes.io/ingress.class` annotation names the class, or the class is
 * marked default. Oldest first, as the controller sorts them.
 */
export function ingressesForController(api: ApiReader, controller = NGINX_CONTROLLER_CLASS, ingressClass = NGINX_CLASS): KObject[] {
  const classes = api.list('IngressClass');
  const ours = new Set(classes.filter((c) => c.spec?.controller === controller).map((c) => c.metadata.name));
  const defaults = classes.filter((c) => ours.has(c.metadata.name) && c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true');
  const mine = api.list('Ingress').filter((ing) => {
    if (ing.metadata.deletionTimestamp) return false;
    const cn = ing.spec?.ingressClassName;
    if (typeof cn === 'string' && cn) return ours.has(cn);
    const ann = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
    if (ann) return ann === ingressClass;
    return defaults.length > 0;
  });
  return mine.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ka = `${a.metadata.namespace}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** The pathTypes an Ingress path may have. */
export const PATH_TYPES = new Set(['Exact', 'Prefix', 'ImplementationSpecific']);

/** The servers nginx would be configured with for these Ingresses (catch-all `_` first). */
export function buildServers(ingresses: KObject[]): Map<string, Server> {
  const servers = new Map<string, Server>();
  const catchAll: Server = { hostname: '_', locations: [{ path: '/', pathType: 'Prefix', isDefRoot: true }] };
  servers.set('_', catchAll);
  for (const ing of ingresses) {
    const ns = ing.metadata.namespace ?? 'default';
    const rules = (ing.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string; pathType?: string; backend?: unknown }[] } }[];
    const def = backendOf(ns, ing.spec?.defaultBackend);
    // The special catch-all case: an Ingress with a default backend and no rules.
    const root = catchAll.locations[0];
    if (def && !rules.length && root.isDefRoot && !root.backend) catchAll.locations[0] = { ...root, backend: def, ingress: ing };
    for (const rule of rules) {
      const host = (rule.host ?? '').toLowerCase() || '_';
      let srv = servers.get(host);
      if (!srv) {
        srv = { hostname: host, locations: [{ path: '/', pathType: 'Prefix', backend: def, ingress: ing, isDefRoot: true }] };
        servers.set(host, srv);
      }
      for (const hp of rule.http?.paths ?? []) {
        const b = backendOf(ns, hp.backend as never);
        if (!b) continue;
        const pathType = (PATH_TYPES.has(hp.pathType ?? '') ? hp.pathType : 'ImplementationSpecific') as Location['pathType'];
        const path = hp.path || '/';
        const i = srv.locations.findIndex((l) => l.path === path && (l.pathType === pathType || (l.isDefRoot && pathType !== 'Exact')));
        if (i >= 0) {
          // The root location a server starts with gives way to a rule for `/`;
          // otherwise the oldest Ingress keeps a host/path it defined first.
          if (srv.locations[i].isDefRoot) srv.locations[i] = { path, pathType, backend: b, ingress: ing };
          continue;
        }
        srv.locations.push({ path, pathType, backend: b, ingress: ing });
      }
    }
  }
  return servers;
}

/** Host header → the server name nginx picks: exact, then the longest `*.` wildcard, else `_`. */
export function pickServer(servers: Map<string, Server>, hostHeader: string): Server {
  const host = hostHeader.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const exact = servers.get(host);
  if (exact && host !== '_') return exact;
  let best: Server | undefined;
  for (const [name, s] of servers) {
    if (!name.startsWith('*.')) continue;
    const suffix = name.slice(1);
    // A Kubernetes wildcard host covers exactly one DNS label.
    if (host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length) {
      if (!best || name.length > best.hostname.length) best = s;
    }
  }
  return best ?? servers.get('_')!;
}

/** Whether a location's path matches a request path (no query string). */
export function pathMatches(l: Location, uri: string): boolean {
  switch (l.pathType) {
    case 'Exact':
      return uri === l.path;
    case 'Prefix': {
      const p = l.path.replace(/\/+$/, '');
      if (p === '') return true;
      return uri === p || uri.startsWith(p + '/');
    }
    default:
      return uri.startsWith(l.path);
  }
}

const REWRITE = 'nginx.ingress.kubernetes.io/rewrite-target';
const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';

/** Annotations of ingress-nginx this simulation honours (others are reported as not simulated). */
export const SIMULATED_ANNOTATIONS = new Set([REWRITE, USE_REGEX]);

/** Whether a server's locations are regular expressions (ingress-nginx's enforceRegexModifier: use-regex or rewrite-target on any of them). */
function regexServer(srv: Server): boolean {
  return srv.locations.some((l) => l.ingress?.metadata.annotations?.[USE_REGEX] === 'true' || !!l.ingress?.metadata.annotations?.[REWRITE]);
}

function pathRegex(path: string): RegExp | undefined {
  try {
    return safeRegExp(`^${path}`, 'i');
  } catch {
    return undefined;
  }
}

/**
 * The location nginx picks in a server: an exact match, else the longest
 * matching prefix. In a regex server (use-regex, rewrite-target) the other
 * paths are case-insensitive regular expressions `~* "^path"`, tried longest
 * first (ingress-nginx sorts them so); the match's groups feed rewrite-target.
 */
export function pickLocation(srv: Server, uri: string): { location: Location | undefined; groups: string[] } {
  const exact = srv.locations.find((l) => l.pathType === 'Exact' && l.path === uri);
  if (exact) return { location: exact, groups: [] };
  if (regexServer(srv)) {
    const byLen = srv.locations.filter((l) => l.pathType !== 'Exact').sort((a, b) => b.path.length - a.path.length);
    for (const l of byLen) {
      const m = pathRegex(l.path)?.exec(uri);
      if (m) return { location: l, groups: [...m].map((g) => g ?? '') };
    }
    return { location: undefined, groups: [] };
  }
  let best: Location | undefined;
  for (const l of srv.locations) {
    if (l.pathType === 'Exact' || !pathMatches(l, uri)) continue;
    const len = l.pathType === 'Prefix' ? l.path.replace(/\/+$/, '').length : l.path.length;
    const bestLen = best ? (best.pathType === 'Prefix' ? best.path.replace(/\/+$/, '').length : best.path.length) : -1;
    if (len > bestLen) best = l;
  }
  return { location: best, groups: [] };
}

/** Route one request: the server and location it lands in, and the URI sent upstream (rewrite-target applied). */
export function routeRequest(servers: Map<string, Server>, host: string, uri: string): { server: Server; location: Location | undefined; upstreamUri: string } {
  const server = pickServer(servers, host);
  const q = uri.indexOf('?');
  const path = (q >= 0 ? uri.slice(0, q) : uri).split('#')[0] || '/';
  const { location, groups } = pickLocation(server, path);
  const target = location?.ingress?.metadata.annotations?.[REWRITE];
  if (!target || location?.isDefRoot) return { server, location, upstreamUri: uri };
  // nginx `rewrite "(?i)PATH" TARGET break;`: the whole URI becomes TARGET with $N replaced; the query string follows.
  const rewritten = target.replace(/\$(\d)/g, (_, n: string) => groups[Number(n)] ?? '');
  return { server, location, upstreamUri: rewritten + (q >= 0 && !rewritten.includes('?') ? uri.slice(q) : '') };
}

/** The endpoints (ip:port) of a backend, as the controller reads them from Endpoints; undefined when the Service is missing. */
export function backendEndpoints(api: ApiReader, b: BackendRef): { addr: string; port: number }[] | undefined {
  const svc = api.get('Service', b.namespace, b.service);
  if (!svc) return undefined;
  const sp = ((svc.spec?.ports ?? []) as { name?: string; port: number; targetPort?: number | string }[]).find((p) => (typeof b.port === 'number' ? p.port === b.port : p.name === b.port));
  if (!sp) return [];
  const ep = api.get('Endpoints', b.namespace, b.service);
  const out: { addr: string; port: number }[] = [];
  for (const ss of (ep?.subsets ?? []) as { addresses?: { ip: string }[]; ports?: { name?: string; port: number }[] }[]) {
    const port = (ss.ports ?? []).find((p) => (p.name ?? '') === (sp.name ?? '')) ?? (ss.ports?.length === 1 ? ss.ports[0] : undefined);
    if (!port) continue;
    for (const a of ss.addresses ?? []) out.push({ addr: a.ip, port: port.port });
  }
  return out;
}
