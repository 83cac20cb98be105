// Chunk `core`: coreutils, ip, the system tools, the link and socket tools
// and the text tools (jq, awk and sed load their interpreters on first use).
import '../coreutils/index.ts';
import '../net/ip/index.ts';
import '../sys/hostname.ts';
import '../sys/nsenter.ts';
import '../sys/mount.ts';
import '../sys/ps.ts';
import '../sys/script.ts';
import '../sys/ssh.ts';
import '../sys/man.ts';
import '../sys/pager.ts';
import '../sys/stty.ts';
import '../net/bridge.ts';
import '../net/brctl.ts';
import '../net/sysctl.ts';
import '../net/nettools.ts';
import '../net/ethtool.ts';
import '../net/ss.ts';
import '../net/nc.ts';
import '../net/curl.ts';
import '../net/httpd.ts';
import '../net/ping.ts';
import '../text/index.ts';
