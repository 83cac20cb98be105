// ping against recordings of iputils 20221126 on Linux 6.18:
// - fidelity/goldens/182-ping-size-limits.json (loopback): past 65535 bytes of datagram
//   the send fails with an error-queue entry ("local error", the MTU capped
//   at IP_MAX_MTU); past 65535 bytes of ICMP message it fails before that,
//   with nothing queued, so nothing is printed and no error counted. This
//   ping refuses `-M probe`.
// - fidelity/goldens/183-ping-small-payloads.json: an echo with less than 16
//   bytes of data carries no send time, so its reply has no time= and the
//   summary no rtt line (IPv4 and IPv6).
// - fidelity/goldens/184-ping-icmp-errors.json: the ICMP errors a router
//   sends back (TTL exceeded, no route, each iptables --reject-with, the
//   unreachable, prohibit and blackhole routes) as ping prints them, and the
//   same routes refusing a local connect().
import { describe, expect, it } from 'vitest';
import { golden, replay } from '../../../test/golden.ts';

describe('ping, recorded', () => {
  it('182-ping-size-limits: every step as recorded', async () => {
    const pairs = await replay(golden('182-ping-size-limits'));
    expect(pairs.length).toBe(13);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);

  it('183-ping-small-payloads: every step as recorded', async () => {
    const pairs = await replay(golden('183-ping-small-payloads'));
    expect(pairs.length).toBe(9);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);

  it('184-ping-icmp-errors: every step as recorded', async () => {
    const pairs = await replay(golden('184-ping-icmp-errors'));
    expect(pairs.length).toBe(60);
    for (const [g, c] of pairs) expect(c).toEqual(g);
  }, 60_000);
});
