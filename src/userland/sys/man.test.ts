import { describe, expect, it } from 'vitest';
import '../index.ts';
import { runScript } from '../../session/session.ts';
import { bareWorld } from '../../world/world.ts';
import { lookupCommand } from '../registry.ts';

describe('man', () => {
  it('prints the page generated from the spec: name, synopsis, every option', async () => {
    const [s] = await runScript(bareWorld(1), ['man ip']);
    expect(s!.exit).toBe(0);
    expect(s!.stdout).toMatch(/^IP\(packetlab\)/);
    expect(s!.stdout).toContain(`NAME\n       ip - ${lookupCommand('ip')!.summary}`);
    for (const o of lookupCommand('ip')!.options!) expect(s!.stdout).toContain(`       ${o.flag}`);
    expect(s!.stdout).toContain('COMMANDS');
  });

  it("says what man-db says for a missing page and no argument (man-db 2.11.2, Debian 12)", async () => {
    const [missing, none, opt] = await runScript(bareWorld(1), ['man nosuchcmd', 'man', 'man -k ip']);
    expect(missing).toMatchObject({ stdout: '', stderr: 'No manual entry for nosuchcmd\n', exit: 16 });
    expect(none).toMatchObject({ stdout: '', stderr: "What manual page do you want?\nFor example, try 'man man'.\n", exit: 1 });
    expect(opt).toMatchObject({ stderr: 'man: -k: not simulated\n', exit: 1 });
  });

  it('pipes into other tools (man iptables | grep table)', async () => {
    const [s] = await runScript(bareWorld(1), ['man iptables | grep -c -- --table']);
    expect(s!.stdout.trim()).not.toBe('0');
  });
});
