import { describe, expect, it } from 'vitest';
import { Clock } from '../kernel/clock.ts';
import { drive, holdClock } from './driver.ts';

describe('drive', () => {
  it('holds virtual time while held work outside the simulation (a module load) is pending', async () => {
    const clock = new Clock();
    let fired = false;
    clock.setTimer(1, () => {
      fired = true;
    });
    const outside = new Promise<void>((resolve) => setTimeout(resolve, 20));
    const work = (async () => {
      const before = clock.now;
      await holdClock(outside);
      return { waited: clock.now - before, fired };
    })();
    const r = await drive(clock, work);
    expect(r).toEqual({ done: true, value: { waited: 0, fired: false } });
    expect(clock.nextAt()).toBeDefined();
  });

  it('without a hold, virtual time runs on and the work is reported stalled (what the hold prevents)', async () => {
    const clock = new Clock();
    let fired = false;
    clock.setTimer(1, () => {
      fired = true;
    });
    const outside = new Promise<void>((resolve) => setTimeout(resolve, 20));
    const r = await drive(clock, outside.then(() => fired));
    expect(r).toEqual({ done: false, reason: 'stalled' });
    expect(fired).toBe(true);
  });
});
