// The link kinds the kernel is built with. Each file registers its
// DeviceOps (ops.ts) when loaded; kernel.ts loads this list.

import './loopback.ts';
import './veth.ts';
import './bridge.ts';
import './dummy.ts';
import './ether.ts';
import './vxlan.ts';

export { type DeviceOps, type LinkInfo, linkKinds, linkOps, registerLinkKind } from './ops.ts';
