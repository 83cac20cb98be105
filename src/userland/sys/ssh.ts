// ssh and sshd as a lab environment presents them: key-free root logins
// between the hosts of a lab world. The client resolves the name with the
// system resolver and opens a real TCP connection to port 22 through the
// simulated network (so a broken network breaks ssh as it would), and the
// two sides exchange identification lines over it. Once sshd has accepted,
// the login shell runs on the server's host, reading and writing the
// client's terminal (the pty the real sshd would allocate and relay).
// Client messages and exit status 255 recorded with OpenSSH 9.2p1 (Debian 12).

import { fmtIp4, parseIp4 } from '../../kernel/addr.ts';
import { KernelError } from '../../kernel/errno.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Process } from '../../kernel/proc.ts';
import { TcpSocket } from '../../kernel/socket/tcp.ts';
import { bootSpawn, register } from '../registry.ts';
import { GAI_TEXT, resolveHost } from '../lib/resolve.ts';
import { kernelOf, nsOf } from '../lib/sys.ts';

const BANNER = 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3';
const USAGE =
  'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]\n' +
  '           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]\n' +
  '           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]\n' +
  '           [-i identity_file] [-J [user@]host[:port]] [-L address]\n' +
  '           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]\n' +
  '           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]\n' +
  '           [-w local_tun[:remote_tun]] destination [command [argument ...]]\n';

/** Sessions sshd has accepted, by the client's identification token. */
const accepted = new Map<string, Kernel>();

const LOGIN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

async function sshd(p: Process): Promise<number> {
  const s = new TcpSocket(nsOf(p));
  try {
    s.bind(0, 22);
    s.listen(128);
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`Bind to port 22 on 0.0.0.0 failed: ${e.message}.\nCannot bind any address.\n`);
    return 255;
  }
  const k = kernelOf(p);
  for (let i = 0; i < 10_000_000; i++) {
    const c = await s.accept(p);
    if (c === 'signal' || c === 'timeout') break;
    void (async () => {
      // The client's identification line names its session; the answer
      // comes once the login is ready on this host.
      const hello = await c.recv(p, 30_000);
      const m = typeof hello === 'string' ? /^SSH-2\.0-.* (\S+)\r\n/.exec(hello) : null;
      if (!m) return c.close();
      accepted.set(m[1]!, k);
      c.send(`${BANNER}\r\n`);
    })().catch(() => c.abort());
  }
  s.close();
  return 0;
}

async function ssh(p: Process): Promise<number> {
  const args = p.argv.slice(1);
  let dest: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '-p' || a === '-l' || a === '-i') {
      // Options that take a value: only those a lab needs are honoured.
      if (a === '-o' && /^(StrictHostKeyChecking|UserKnownHostsFile|BatchMode|LogLevel)=/i.test(args[i + 1] ?? '')) {
        i++;
        continue;
      }
      p.stderr.write(`ssh: ${a} ${args[i + 1] ?? ''}: not simulated (this lab environment logs in as root on port 22 without keys)\n`);
      return 255;
    }
    if (a === '-t' || a === '-T' || a === '-q') continue;
    if (a.startsWith('-')) {
      p.stderr.write(`ssh: ${a}: not simulated\n`);
      return 255;
    }
    dest = a;
    break;
  }
  if (!dest) {
    p.stderr.write(USAGE);
    return 255;
  }
  const command = args.slice(i + 1);
  const host = dest.includes('@') ? dest.slice(dest.indexOf('@') + 1) : dest;
  const user = dest.includes('@') ? dest.slice(0, dest.indexOf('@')) : 'root';
  if (user !== 'root') {
    p.stderr.write(`ssh: ${user}@: not simulated (this lab environment logs in as root)\n`);
    return 255;
  }
  const r = await resolveHost(p, host, 4);
  if (typeof r === 'string') {
    p.stderr.write(`ssh: Could not resolve hostname ${host}: ${GAI_TEXT[r]}\n`);
    return 255;
  }
  const addr = parseIp4(r[0]!.addr)!;
  const k = kernelOf(p);
  const s = new TcpSocket(nsOf(p));
  try {
    const st = await s.connect(p, addr, 22, 130_000);
    if (st === 'signal') return 255;
    if (st === 'timeout') {
      p.stderr.write(`ssh: connect to host ${fmtIp4(addr)} port 22: Connection timed out\n`);
      return 255;
    }
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    p.stderr.write(`ssh: connect to host ${fmtIp4(addr)} port 22: ${e.message}\n`);
    return 255;
  }
  const token = k.rng.u32().toString(16).padStart(8, '0');
  s.send(`${BANNER} ${token}\r\n`);
  const banner = await s.recv(p, 30_000);
  const target = accepted.get(token);
  accepted.delete(token);
  if (typeof banner !== 'string' || !target) {
    s.abort();
    p.stderr.write(`kex_exchange_identification: Connection closed by remote host\nConnection closed by ${fmtIp4(addr)} port 22\n`);
    return 255;
  }
  const interactive = command.length === 0;
  const env = { HOME: '/root', PATH: LOGIN_PATH, SHELL: '/bin/bash', USER: 'root', LOGNAME: 'root', TERM: p.env.TERM ?? 'xterm-256color' };
  const argv = interactive ? ['bash', '-l'] : ['bash', '-c', command.join(' ')];
  const run = bootSpawn(target, argv, { netns: target.initNs, stdin: p.stdin, stdout: p.stdout, stderr: p.stderr, env, cwd: '/root' });
  const code = await run.done;
  s.close();
  if (interactive) p.stderr.write(`Connection to ${host} closed.\n`);
  return code;
}

register({
  name: 'ssh',
  summary: 'log in to another host of the lab (as root, no keys: a lab environment)',
  usage: 'ssh [root@]HOST [COMMAND [ARG...]]',
  options: [
    { flag: '-t', desc: 'accepted (a terminal is always allocated for a login)' },
    { flag: '-o StrictHostKeyChecking=…', desc: 'accepted (host keys are not simulated)' },
  ],
  run: ssh,
});

register({
  name: 'sshd',
  summary: 'the OpenSSH daemon of every lab host (listens on port 22)',
  usage: 'sshd -D',
  options: [{ flag: '-D', desc: 'do not detach (as systemd runs it)' }],
  run: sshd,
});
