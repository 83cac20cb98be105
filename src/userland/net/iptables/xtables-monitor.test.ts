// -j TRACE in the raw table and xtables-monitor --trace printing nf_tables
// trace events in the tool's format; the packet-path view notes the mark.
import { describe, expect, it } from 'vitest';
import '../../index.ts';
import { Session } from '../../../session/session.ts';
import { bareWorld } from '../../../world/world.ts';

async function run(lines: string[]): Promise<{ out: string; world: ReturnType<typeof bareWorld> }> {
  const world = bareWorld(1);
  const s = new Session({ makeWorld: () => world });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.start();
  for (const l of lines) await s.runLine(l);
  s.dispose();
  return { out: out.replace(/\r/g, ''), world };
}

describe('iptables -j TRACE and xtables-monitor --trace', () => {
  it('prints PACKET and TRACE lines for each table the marked packet meets', async () => {
    const { out } = await run([
      'iptables -t raw -A OUTPUT -p icmp -j TRACE',
      'iptables -A OUTPUT -p icmp -d 127.0.0.2 -j DROP',
      'xtables-monitor --trace > /tmp/mon &',
      'ping -c 1 -W 1 127.0.0.2',
      'kill %1',
      'cat /tmp/mon',
    ]);
    const lines = out.slice(out.lastIndexOf('cat /tmp/mon\n') + 13).split('\n');
    expect(lines[0]).toMatch(/^PACKET: 0 ([0-9a-f]{8}) OUT=lo SRC=127\.0\.0\.1 DST=127\.0\.0\.2 LEN=84 TOS=0x0 TTL=64 ID=\d+DF $/);
    const id = /^PACKET: 0 ([0-9a-f]{8})/.exec(lines[0]!)![1];
    expect(lines.slice(1, 5)).toEqual([
      ` TRACE: 2 ${id} raw:OUTPUT:rule:0x3:CONTINUE -4 -t raw -A OUTPUT -p icmp -j TRACE`,
      ` TRACE: 2 ${id} raw:OUTPUT:policy:ACCEPT `,
      expect.stringMatching(new RegExp(`^PACKET: 0 ${id} OUT=lo `)),
      ` TRACE: 2 ${id} filter:OUTPUT:rule:0x4:DROP -4 -t filter -A OUTPUT -d 127.0.0.2/32 -p icmp -j DROP`,
    ]);
  });

  it('is only valid in the raw table; without a listener the packet still passes, and its path names the TRACE rule', async () => {
    const { out, world } = await run(['iptables -A INPUT -j TRACE', 'iptables -t raw -A PREROUTING -j TRACE', 'iptables -t raw -S PREROUTING', 'ping -c 1 127.0.0.1']);
    expect(out).toContain('RULE_APPEND failed (Invalid argument)');
    expect(out).toContain('-A PREROUTING -j TRACE\n');
    expect(out).toContain('1 packets transmitted, 1 received');
    const steps = world.paths.lastOf(world.host('host'))!.trace.steps;
    expect(steps.some((s) => s.stage === 'netfilter' && s.what.includes('raw PREROUTING rule 1 (-j TRACE) → TRACE'))).toBe(true);
  });

  it('needs -t or -e, like the tool', async () => {
    const { out } = await run(['xtables-monitor; echo "exit=$?"']);
    expect(out).toContain('Usage: xtables-monitor [ -t | -e ]');
    expect(out).toContain('exit=1');
  });
});
