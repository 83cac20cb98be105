import { expect, it } from 'vitest';
import { Session } from './session.ts';
import { bareWorld } from '../world/world.ts';

// Ctrl-C while `read` (or any program) reads the terminal is SIGINT to the
// foreground job: the whole command line stops, as in bash, instead of `read`
// seeing end of file and the loop going on to swallow the next typed lines.
it('Ctrl-C during read in a loop interrupts the command line', async () => {
  const s = new Session({ makeWorld: () => bareWorld(3) });
  let screen = '';
  s.onOutput((d) => (screen += d));
  await s.start();
  await s.runLine('for x in a b; do n=0; while [ $n -lt 3 ]; do n=$((n+1)); read -r x; done; done; echo after-loop');
  s.input('\x03');
  await s.idle();
  await s.runLine('echo status=$?');
  const text = screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  expect(text).not.toContain('\nafter-loop\n');
  expect(text).toContain('^C\nroot@host:~# echo status=$?\nstatus=130\n');
  s.dispose();
});
