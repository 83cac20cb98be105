import { describe, expect, it } from 'vitest';
import { World } from '../../world/world.ts';
import '../index.ts';
import { klogStamp } from './klog.ts';
import { bootSpawn } from '../registry.ts';
import { StringOut, devNullIn } from '../../kernel/proc.ts';

describe('klog time', () => {
  it('formats mmdd hh:mm:ss.uuuuuu in UTC with microseconds', () => {
    expect(klogStamp(Date.UTC(2026, 0, 6, 9, 5, 7), 12.3456)).toBe('0106 09:05:07.012345');
    expect(klogStamp(Date.UTC(2026, 11, 31, 23, 59, 59), 999.9999)).toBe('1231 23:59:59.999999');
  });

  it('a log line carries the host virtual time at which it was written', async () => {
    const world = new World();
    const h = world.addHost('n1');
    await world.run(new Promise<void>((r) => world.clock.setTimer(90_500.25, r)));
    const err = new StringOut();
    const r = bootSpawn(h, ['kube-proxy'], { netns: h.initNs, stdin: devNullIn, stderr: err });
    await world.run(r.done);
    const at = klogStamp(world.clock.epochMs, world.clock.now);
    expect(err.text.startsWith(`E${at}       1 run.go:74] "command failed"`)).toBe(true);
    expect(at).toBe('0101 12:01:30.500250');
  });
});
