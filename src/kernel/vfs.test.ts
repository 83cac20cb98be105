// The per-process file overlay: a container process sees its own
// /etc/hosts, /etc/resolv.conf and /etc/hostname (what Docker bind-mounts),
// the host keeps its files, and children inherit the view.

import { describe, expect, it } from 'vitest';
import { Vfs, type VNode } from './vfs.ts';
import { Clock } from './clock.ts';
import { ProcessTable, devNullIn, devNullOut } from './proc.ts';

function file(data: string): VNode {
  return { kind: 'file', data, mode: 0o644, mtime: 0 };
}

describe('vfs overlay', () => {
  it('overlaid paths win over stored files; others and the host are untouched', () => {
    const vfs = new Vfs();
    vfs.putFile('/etc/hosts', '127.0.0.1\tlocalhost\n');
    vfs.putFile('/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
    vfs.mkdir('/run/systemd/resolve', {}, true);
    vfs.putFile('/run/systemd/resolve/stub-resolv.conf', 'nameserver 127.0.0.53\n');
    vfs.symlink('/run/systemd/resolve/stub-resolv.conf', '/etc/resolv.conf');
    const overlay = new Map<string, VNode>([
      ['/etc/hosts', file('172.18.0.2\tdb\n')],
      ['/etc/resolv.conf', file('nameserver 127.0.0.11\n')],
    ]);
    const ctx = { overlay, cwd: '/etc' };
    expect(vfs.readFile('/etc/hosts', ctx)).toBe('172.18.0.2\tdb\n');
    expect(vfs.readFile('hosts', ctx)).toBe('172.18.0.2\tdb\n');
    expect(vfs.readFile('/etc/../etc/resolv.conf', ctx)).toBe('nameserver 127.0.0.11\n');
    expect(vfs.readFile('/etc/passwd', ctx)).toContain('root');
    expect(vfs.readFile('/etc/hosts')).toBe('127.0.0.1\tlocalhost\n');
    expect(vfs.readFile('/etc/resolv.conf')).toBe('nameserver 127.0.0.53\n');
    vfs.writeFile('/etc/hosts', '10.0.0.1\tx\n', ctx, true);
    expect(vfs.readFile('/etc/hosts', ctx)).toBe('172.18.0.2\tdb\n10.0.0.1\tx\n');
    expect(vfs.readFile('/etc/hosts')).toBe('127.0.0.1\tlocalhost\n');
  });

  it('a process carries its overlay into its vfs context and its children inherit it', () => {
    const vfs = new Vfs();
    vfs.putFile('/etc/hostname', 'docker\n');
    const procs = new ProcessTable(new Clock());
    const io = { env: {}, cwd: '/', netns: undefined, stdin: devNullIn, stdout: devNullOut, stderr: devNullOut, exec: async () => 0 };
    const host = procs.spawn({ ppid: 0, argv: ['sh'], ...io });
    const cont = procs.spawn({ ppid: host.pid, argv: ['sleep'], ...io });
    cont.overlay = new Map([['/etc/hostname', file('0123456789ab\n')]]);
    const child = procs.spawn({ ppid: cont.pid, argv: ['cat'], ...io });
    expect(vfs.readFile('/etc/hostname', host.vfsCtx())).toBe('docker\n');
    expect(vfs.readFile('/etc/hostname', cont.vfsCtx())).toBe('0123456789ab\n');
    expect(vfs.readFile('/etc/hostname', { proc: child })).toBe('0123456789ab\n');
  });
});
