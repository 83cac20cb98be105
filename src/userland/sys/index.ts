// System tools: hostname, nsenter/unshare, mount/umount, ps/kill, ssh/sshd.
// Importing this registers them.
import './hostname.ts';
import './nsenter.ts';
import './mount.ts';
import './ps.ts';
import './script.ts';
import './ssh.ts';
import './man.ts';
import './editors.ts';
