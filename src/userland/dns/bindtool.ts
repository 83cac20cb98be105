// What dig, nslookup and host share (BIND 9.18's dighost.c): the server
// list from /etc/resolv.conf (::1 and 127.0.0.1 when it names none), the
// retry rule over servers, and the failure lines they print.

import type { Process } from '../../kernel/proc.ts';
import { ISC_ERRTEXT, exchange, resolvConfOf, type Exchange } from './client.ts';
import { isIp6, type Message } from './wire.ts';
import type { ResolvConf } from './resolvconf.ts';

/** Servers a BIND tool asks by default. */
export function defaultServers(rc: ResolvConf): string[] {
  return rc.defaultServer ? ['::1', '127.0.0.1'] : rc.nameservers;
}

/** The tools' view of the resolver configuration. */
export function toolConf(p: Process): ResolvConf {
  return resolvConfOf(p);
}

/** How a lookup ended. */
export type ToolResult =
  | { kind: 'answer'; ex: Extract<Exchange, { kind: 'answer' }>; server: string }
  /** Every try failed; `setup` when sockets could not even be set up (network unreachable). */
  | { kind: 'failed'; setup: boolean }
  | { kind: 'signal' };

/**
 * Send `makeQuery()` to the servers with BIND's retry rule: a failed try is
 * retried on the same server while tries remain, then the next server gets
 * one try. `log` receives each failure line as it happens.
 */
export async function toolExchange(
  p: Process,
  servers: string[],
  port: number,
  makeQuery: () => Message,
  o: { tries: number; timeoutMs: number; textname: string },
  log: (line: string) => void,
): Promise<ToolResult> {
  let si = 0;
  let retries = Math.max(1, o.tries);
  for (let round = 0; round < 64; round++) {
    const srv = servers[si];
    let ex: Exchange;
    // The simulation carries no IPv6 UDP: ::1 has no listener, other IPv6 servers are unreachable.
    if (isIp6(srv)) ex = srv === '::1' ? { kind: 'refused' } : { kind: 'neterror', errno: 'ENETUNREACH' };
    else ex = await exchange(p, srv, port, makeQuery(), o.timeoutMs);
    if (ex.kind === 'answer') return { kind: 'answer', ex, server: srv };
    if (ex.kind === 'signal') return { kind: 'signal' };
    const setup = ex.kind === 'neterror';
    if (setup) log(`;; UDP setup with ${srv}#${port}(${srv}) for ${o.textname} failed: ${ISC_ERRTEXT[(ex as { errno: string }).errno] ?? (ex as { errno: string }).errno}.`);
    else log(`;; communications error to ${srv}#${port}: ${ex.kind === 'refused' ? 'connection refused' : 'timed out'}`);
    if (retries > 1) {
      retries--;
      if (setup) log(';; no servers could be reached');
      continue;
    }
    if (si + 1 < servers.length) {
      si++;
      continue;
    }
    return { kind: 'failed', setup };
  }
  return { kind: 'failed', setup: false };
}
