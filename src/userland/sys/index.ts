// System tools: hostname, nsenter/unshare, mount/umount, ps/kill, ssh/sshd, man, less/more, nano, vi.
// Importing this registers them.
import './hostname.ts';
import './nsenter.ts';
import './mount.ts';
import './ps.ts';
import './script.ts';
import './ssh.ts';
import './man.ts';
import './pager.ts';
import './nano.ts';
import './vi.ts';
import './stty.ts';
