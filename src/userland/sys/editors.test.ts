import { describe, expect, it } from 'vitest';
import '../index.ts';
import { runScript, Session } from '../../session/session.ts';
import { bareWorld } from '../../world/world.ts';

describe('nano / vi / vim', () => {
  it('in the terminal: ask the page for the editor pane (OSC 7770) with the absolute path', async () => {
    const s = new Session({ makeWorld: () => bareWorld(1), host: 'host' });
    let out = '';
    s.onOutput((d) => (out += d));
    await s.start();
    await s.runLine('cd /etc && vi hosts');
    expect(out).toContain('\x1b]7770;edit;%2Fetc%2Fhosts\x07');
    expect(out).toContain('vi: /etc/hosts is open in the editor pane');
    s.dispose();
  });

  it('refuse what is not simulated: no tty, no file, options', async () => {
    const [pipe, none, opt] = await runScript(bareWorld(1), ['nano /tmp/x', 'vim', 'vi +3 /tmp/x']);
    expect(pipe).toMatchObject({ stdout: '', exit: 1 });
    expect(pipe!.stderr).toContain('standard output is not a terminal');
    expect(none).toMatchObject({ exit: 1 });
    expect(none!.stderr).toContain('vim FILE');
    expect(opt).toMatchObject({ stderr: 'vi: +3: not simulated\n', exit: 1 });
  });
});
