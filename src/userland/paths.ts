// Where Debian installs each registered program (/usr/sbin or /usr/bin) and
// the default PATH. Plain data, below the shell: `installPrograms` writes the
// program files here, and the shell's PATH search (shell/exec.ts) finds them.

/** Programs Debian installs in /usr/sbin (everything else registered is in /usr/bin). */
const SBIN = new Set([
  'ip', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'ip6tables-save', 'ip6tables-restore', 'iptables-legacy',
  'iptables-nft', 'xtables-nft-multi', 'ebtables', 'ipset', 'nft', 'sysctl', 'bridge', 'brctl', 'ifconfig', 'route', 'arp',
  'conntrack', 'tc', 'dnsmasq', 'chroot', 'ethtool', 'modprobe', 'lsmod', 'ipvsadm', 'arping', 'iw', 'dhclient', 'ipmaddr',
  'iptunnel', 'nameif', 'plipconfig', 'rarp', 'slattach', 'mii-tool', 'devlink', 'rtacct', 'genl', 'dcb', 'tipc', 'vdpa', 'sshd',
]);

/** Directories of the default PATH in search order. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The path where a registered program is installed. */
export function programPath(name: string): string {
  return (SBIN.has(name) ? '/usr/sbin/' : '/usr/bin/') + name;
}

/** Does Debian install `name` in /usr/sbin? */
export function isSbin(name: string): boolean {
  return SBIN.has(name);
}
