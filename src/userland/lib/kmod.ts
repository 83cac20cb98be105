// modprobe for programs: loading the kernel code a request will need, as the
// kernel autoloads a module for `ip link add … type vxlan` or a bridge's
// `stp_state 1`. Importing this file registers the vxlan link kind and the
// spanning-tree protocol (src/kernel/stp.ts registers itself); programs still
// use them only through NetNs operations. Browser workers load it with the
// commands that can ask for them (ip, brctl, bridge), never before the prompt.
import '../../kernel/dev/vxlan.ts';
import '../../kernel/stp.ts';
