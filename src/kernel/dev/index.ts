// The link kinds the kernel is built with. Each file registers its
// DeviceOps (ops.ts) when loaded; kernel.ts loads this list. vxlan is a
// module loaded by what creates one (`ip link add … type vxlan`, a lab's
// start world): a vxlan device, and the UDP tunnel socket it opens, exist
// only once it is loaded, so the browser worker leaves it out of its boot.

import './loopback.ts';
import './veth.ts';
import './bridge.ts';
import './dummy.ts';
import './ether.ts';

export { type DeviceOps, type LinkInfo, linkKinds, linkOps, registerLinkKind } from './ops.ts';
