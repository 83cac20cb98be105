// script (util-linux 2.38.1), the part that matters for learning about
// terminals: `script -q -c COMMAND FILE` runs COMMAND under `bash -c` on a new
// pseudo-terminal. The child gets that terminal as its controlling terminal
// (so `ps` inside lists the processes of that terminal only), and the
// terminal's line discipline turns every "\n" the child writes into "\r\n",
// which script copies to its standard output and to FILE. An interactive
// session (no -c) and the other options are refused as not simulated.

import type { OutStream, Process } from '../../kernel/proc.ts';
import { KernelError } from '../../kernel/errno.ts';
import { NOT_SIMULATED_STATUS, notSimulatedMessage, refuseMarkedOptions, register } from '../registry.ts';
import { kernelOf } from '../lib/sys.ts';
import { parseOpts } from '../coreutils/util.ts';

/** The pty's output side: "\n" becomes "\r\n" (ONLCR), copied to script's stdout and the log. */
class PtyOut implements OutStream {
  readonly isTTY = true;
  log = '';
  private readonly out: OutStream;
  constructor(out: OutStream) {
    this.out = out;
  }
  write(data: string): void {
    const s = data.replace(/\r?\n/g, '\r\n');
    this.log += s;
    this.out.write(s);
  }
}

/** The next free pts number on this host: one more than any terminal a process holds. */
function nextPts(p: Process): string {
  let max = -1;
  for (const q of kernelOf(p).procs.list()) {
    const m = /^pts\/(\d+)$/.exec(q.tty ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `pts/${max + 1}`;
}

register({
  name: 'script',
  summary: 'run a command on a new pseudo-terminal and log what it prints',
  usage: 'script -q -c COMMAND [FILE]',
  optstring: 'ac:eEfqT:t::BIOm:',
  options: [
    { flag: '-q, --quiet', desc: 'no "Script started/done" messages' },
    { flag: '-c, --command', arg: 'COMMAND', desc: 'run COMMAND with bash -c instead of an interactive shell' },
    { flag: '-e, --return', desc: "return the child's exit status (without it script returns 0)" },
    { flag: '-a, --append', desc: 'append to FILE', notSimulated: 'the log file is always replaced' },
    { flag: '-E, --echo', desc: 'echo input', notSimulated: 'the child reads no terminal input here' },
    { flag: '-f, --flush', desc: 'flush after each write', notSimulated: 'output is written at once anyway' },
    { flag: '-T, --log-timing', arg: 'FILE', desc: 'timing log', notSimulated: 'no timing logs' },
    { flag: '-t, --timing', arg: 'FILE', desc: 'timing log', notSimulated: 'no timing logs' },
    { flag: '-B, --log-io', desc: 'log input and output', notSimulated: 'only the output log' },
    { flag: '-I, --log-in', desc: 'log input', notSimulated: 'only the output log' },
    { flag: '-O, --log-out', desc: 'log output', notSimulated: 'FILE is the output log' },
    { flag: '-m, --logging-format', arg: 'FORMAT', desc: 'log format', notSimulated: 'classic format only' },
  ],
  async run(p) {
    const o = parseOpts(p, '+ac:eEfqT:t::BIOm:', [
      { name: 'quiet', arg: 'none', key: '-q' },
      { name: 'command', arg: 'required', key: '-c' },
      { name: 'return', arg: 'none', key: '-e' },
      { name: 'append', arg: 'none', key: '-a' },
      { name: 'echo', arg: 'none', key: '-E' },
      { name: 'flush', arg: 'none', key: '-f' },
      { name: 'log-timing', arg: 'required', key: '-T' },
      { name: 'timing', arg: 'optional', key: '-t' },
      { name: 'log-io', arg: 'none', key: '-B' },
      { name: 'log-in', arg: 'none', key: '-I' },
      { name: 'log-out', arg: 'none', key: '-O' },
      { name: 'logging-format', arg: 'required', key: '-m' },
    ]);
    if (!o) return 1;
    const refused = refuseMarkedOptions(p, 'script', o.list.map(([k]) => k));
    if (refused !== undefined) return refused;
    const cmd = o.get('-c');
    if (cmd === undefined) {
      p.stderr.write(notSimulatedMessage('script', 'an interactive session (use -c COMMAND)'));
      return NOT_SIMULATED_STATUS;
    }
    if (!o.has('-q')) {
      p.stderr.write(notSimulatedMessage('script', 'the "Script started/done" messages (use -q)'));
      return NOT_SIMULATED_STATUS;
    }
    const file = o.args[0] ?? 'typescript';
    const pty = new PtyOut(p.stdout);
    const code = await p.exec(p, ['bash', '-c', cmd], { stdout: pty, stderr: pty, tty: nextPts(p) });
    try {
      kernelOf(p).vfs.writeFile(file, pty.log, p.vfsCtx());
    } catch (e) {
      if (!(e instanceof KernelError)) throw e;
      p.stderr.write(`script: cannot open ${file}: ${e.message}\n`);
      return 1;
    }
    return o.has('-e') ? code : 0;
  },
});
