// The networking tools other than `ip`: bridge, brctl, net-tools (arp,
// route, ifconfig, netstat) and sysctl. Importing this registers them.
import './bridge.ts';
import './brctl.ts';
import './sysctl.ts';
import './nettools.ts';
import './ethtool.ts';
import './ipset.ts';
