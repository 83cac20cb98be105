// The API server's side of an Ingress: the checks it makes of one on
// create and update (api.ts VALIDATORS), whoever implements Ingresses.

import type { KObject } from './client.ts';
import { PATH_TYPES } from './ingress.ts';

/**
 * The API server's checks of an Ingress's paths (pkg/apis/networking/
 * validation: validateHTTPIngressPath): a pathType is required and must be
 * one of the three; Exact and Prefix paths must be absolute.
 */
export function validateIngress(o: KObject): string[] {
  const errs: string[] = [];
  ((o.spec?.rules ?? []) as { http?: { paths?: { path?: string; pathType?: string }[] } }[]).forEach((r, i) => {
    (r.http?.paths ?? []).forEach((hp, j) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      if (hp.pathType === undefined || hp.pathType === null) errs.push(`${at}.pathType: Required value: pathType must be specified`);
      else if (!PATH_TYPES.has(hp.pathType)) errs.push(`${at}.pathType: Unsupported value: "${hp.pathType}": supported values: "Exact", "ImplementationSpecific", "Prefix"`);
      else if (hp.pathType !== 'ImplementationSpecific' && !String(hp.path ?? '').startsWith('/')) errs.push(`${at}.path: Invalid value: "${hp.path ?? ''}": must be an absolute path`);
    });
  });
  return errs;
}
