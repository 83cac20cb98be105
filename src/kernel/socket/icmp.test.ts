import { describe, expect, it } from 'vitest';
import { bareWorld } from '../../world/world.ts';
import { KernelError } from '../errno.ts';
import { icmpSocket } from './icmp.ts';
import type { Ipv4Packet } from '../packet.ts';

const echo = (id: number, dst: number): Ipv4Packet => ({ src: 0, dst, ttl: 64, tos: 0, id: 1, df: true, payload: { proto: 'icmp', type: 8, code: 0, id, seq: 1, dataLen: 56 } });

describe('ping sockets', () => {
  it('deliver echo replies to the socket bound to their identifier only, and nothing after close', async () => {
    const world = bareWorld(1);
    const ns = world.host('host').initNs;
    const got: string[] = [];
    const a = icmpSocket(ns, 7, { onReply: (_p, icmp) => got.push(`a${icmp.id}`) });
    const b = icmpSocket(ns, 8, { onReply: (_p, icmp) => got.push(`b${icmp.id}`) });
    expect(a.sendmsg(echo(7, 0x7f000001))).toBeUndefined();
    await world.run(new Promise<void>((r) => ns.kernel.clock.setTimer(10, r)));
    expect(got).toEqual(['a7']);
    b.close();
    b.sendmsg(echo(8, 0x7f000001));
    await world.run(new Promise<void>((r) => ns.kernel.clock.setTimer(10, r)));
    expect(got).toEqual(['a7']);
    a.close();
  });

  it('report a missing route as sendto does (ENETUNREACH)', () => {
    const world = bareWorld(1);
    const ns = world.host('host').initNs;
    const s = icmpSocket(ns, 9, { onReply: () => undefined });
    let err: unknown;
    try {
      s.sendmsg(echo(9, 0xc0000201));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KernelError);
    expect((err as KernelError).errno).toBe('ENETUNREACH');
    s.close();
  });
});
