// stty: only `stty size` (the window's rows and columns, what full-screen
// programs use) is simulated; other settings are refused. Recorded on
// Debian 12 (coreutils 9.1): without a terminal on stdin, "stty: 'standard
// input': Inappropriate ioctl for device", exit 1.

import { register, refuseNotSimulated } from '../registry.ts';
import type { Process } from '../../kernel/proc.ts';

function sttyMain(p: Process): number {
  const args = p.argv.slice(1);
  const dev = p.stdin.isTTY ? p.stdin.device : undefined;
  if (args.length !== 1 || args[0] !== 'size') return refuseNotSimulated(p, 'stty', args.length ? args.join(' ') : '(printing the settings)');
  if (!dev) {
    p.stderr.write("stty: 'standard input': Inappropriate ioctl for device\n");
    return 1;
  }
  p.stdout.write(`${dev.rows} ${dev.cols}\n`);
  return 0;
}

register({
  name: 'stty',
  summary: 'print the terminal size (stty size); other terminal settings are not simulated',
  usage: 'stty size',
  options: [{ flag: '-a, -g, SETTING…', desc: 'stty’s settings', notSimulated: 'only stty size is simulated' }],
  run: sttyMain,
});
