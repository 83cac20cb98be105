import { describe, expect, it } from 'vitest';
import { redBlue } from '../../../test/kit.ts';
import type { EthFrame } from '../packet.ts';
import { packetSocket } from './packet.ts';

describe('packet sockets (AF_PACKET)', () => {
  it('see the frames of their own namespace only, send whole frames, and stop on close', async () => {
    const { world, red, blue } = redBlue();
    const seenRed: string[] = [];
    const seenBlue: string[] = [];
    const sr = packetSocket(red, (dev, f, dir) => seenRed.push(`${dev.name} ${dir} ${f.type}`));
    const sb = packetSocket(blue, (dev, f, dir) => seenBlue.push(`${dev.name} ${dir} ${f.type}`));
    const vr = red.devByName('veth-red')!;
    const frame: EthFrame = { src: vr.mac, dst: 'ff:ff:ff:ff:ff:ff', type: 'arp', payload: { op: 'request', sha: vr.mac, spa: 0xc0a80f01, tha: '00:00:00:00:00:00', tpa: 0xc0a80f09 } };
    sr.send(vr, frame);
    await world.run(new Promise<void>((r) => world.clock.setTimer(1, r)));
    expect(seenRed).toEqual(['veth-red out arp']);
    expect(seenBlue).toEqual(['veth-blue in arp']);
    sb.close();
    sr.send(vr, frame);
    await world.run(new Promise<void>((r) => world.clock.setTimer(1, r)));
    expect(seenRed).toEqual(['veth-red out arp', 'veth-red out arp']);
    expect(seenBlue).toEqual(['veth-blue in arp']);
    sr.close();
  });
});
