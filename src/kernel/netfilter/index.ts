// Netfilter for the simulated kernel: tables, chains, matches, targets,
// conntrack and NAT. `install` plugs it into a Kernel's packet path.

import type { Kernel } from '../kernel.ts';
import { Netfilter } from './netfilter.ts';

export * from './types.ts';
export * from './conntrack.ts';
export * from './ipset.ts';
export { Netfilter, NfNs, nfOf, nfCommit, nfForgetEmptyBuiltins, nfDropTable, nfTable, nfZero, nfTableNames, REJECT_ICMP, MAX_JUMP_DEPTH, type CommitError, type SkbCt } from './netfilter.ts';

/** Plug netfilter into a kernel's stack (every Kernel does this at boot). */
export function installNetfilter(k: Kernel): void {
  k.stack.netfilter = new Netfilter();
}
export * from './nft.ts';
