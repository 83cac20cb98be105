// Tab completion from the command specs, as bash-completion does: typed
// into a real session, the line shows the completed word (or the list).

import { describe, expect, it } from 'vitest';
import '../userland/index.ts';
import { Session } from '../session/session.ts';
import { bareWorld } from '../world/world.ts';
import { listedValues, optionNames } from './complete-specs.ts';

/** The screen text after typing `setup` lines then the keys `typed` (no Enter). */
async function afterTab(typed: string, setup: string[] = []): Promise<string> {
  const s = new Session({ makeWorld: () => bareWorld(1), host: 'host' });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.start();
  for (const l of setup) await s.runLine(l);
  out = '';
  s.input(typed);
  await s.idle();
  await new Promise((r) => setTimeout(r, 20));
  s.dispose();
  // Keep what the line editor drew last (after its last carriage return), escapes removed.
  return out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\x07/g, '');
}

describe('completion from the specs', () => {
  it.each([
    ['ip netns ad\t', 'ip netns add '],
    ['ip li\t', 'ip link '],
    ['ip ro\t', 'ip route '],
    ['iptables -t n\t', 'iptables -t nat '],
    ['iptables -A FOR\t', 'iptables -A FORWARD '],
    ['iptables -j MASQ\t', 'iptables -j MASQUERADE '],
    ['kubectl get po\t', 'kubectl get pods '],
    ['kubectl get deploy\t', 'kubectl get deployments '],
    ['kubectl rollout res\t', 'kubectl rollout restart '],
    ['docker network cr\t', 'docker network create '],
    ['iptables --ta\t', 'iptables --table '],
  ])('%j completes to %j', async (typed, want) => {
    expect((await afterTab(typed)).split('\r').pop()).toBe(want);
  });

  it('lists the choices on a second Tab (ip link s⇥⇥ → set, show)', async () => {
    expect(await afterTab('ip link s\t\t')).toMatch(/set\s+show/);
  });

  it('still completes names where the line wants a name', async () => {
    expect((await afterTab('ip netns exec bl\t', ['ip netns add blue'])).split('\r').pop()).toBe('ip netns exec blue ');
    expect((await afterTab('ip link set dumm\t', ['ip link add dummy0 type dummy'])).split('\r').pop()).toBe('ip link set dummy0 ');
    expect((await afterTab('ip link set d0 netns bl\t', ['ip netns add blue'])).split('\r').pop()).toBe('ip link set d0 netns blue ');
  });

  it('reads option spellings and listed values from a spec', () => {
    expect(optionNames({ flag: '-t, --table', arg: 'TABLE', desc: '' })).toEqual(['-t', '--table']);
    expect(optionNames({ flag: '-c, -color', arg: '[=always|auto|never]', desc: '' })).toEqual(['-c', '-color']);
    expect(listedValues('table to manipulate (filter, nat, mangle, raw)')).toEqual(['filter', 'nat', 'mangle', 'raw']);
    expect(listedValues('record type (A, AAAA, CNAME)')).toEqual(['A', 'AAAA', 'CNAME']);
    expect(listedValues('count (a number)')).toEqual([]);
  });
});
