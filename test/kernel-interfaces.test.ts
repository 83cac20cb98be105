// Programs reach the kernel through its interfaces (docs/ARCHITECTURE.md,
// "How programs reach the kernel"): the src/userland block of
// eslint.config.js refuses member accesses into the neighbour table, the
// forwarding databases and the spanning tree, assignments to device and
// port fields, and value imports of the modules holding those tables. This
// lints deliberately wrong programs with the project's real configuration
// (each must fail, naming what it reached) and the same calls made the
// right way (they must pass).
import { describe, expect, it } from 'vitest';
import { restrictedMessages } from './lint-kit.ts';

const lint = (code: string, file = 'src/userland/net/example.ts'): Promise<string[]> => restrictedMessages(code, file);

const HEAD = "import type { NetNs } from '../../kernel/netns.ts';\nimport type { NetDevice } from '../../kernel/netdev.ts';\n";

describe('programs use kernel interfaces, not kernel tables (eslint)', { timeout: 120_000 }, () => {
  it('refuses a program reading and changing the neighbour table, an FDB, STP state and device fields directly', async () => {
    const bad =
      HEAD +
      "import { fdbEntries } from '../../kernel/fdb.ts';\n" +
      'export function f(ns: NetNs, d: NetDevice): unknown {\n' +
      '  const n = ns.neigh.entries.length;\n' +
      "  d.vxlan!.fdb!.delete('00:00:00:00:00:00');\n" +
      '  const s = d.master!.bridge!.stpState;\n' +
      '  d.port!.cost = 5;\n' +
      '  d.noarp = true;\n' +
      '  d.promisc++;\n' +
      '  const r = ns.kernel.stack.routeOutput(ns, 1);\n' +
      '  return [n, s, r, fdbEntries(d)];\n' +
      '}\n';
    const msgs = await lint(bad);
    expect(msgs).toEqual([
      expect.stringMatching(/^3: '\.\.\/\.\.\/kernel\/fdb\.ts' import is restricted .*Programs use NetNs operations \(neighDump, fdbDump, bridgeInfo, linkChange…\); import types only\.$/),
      '5: Programs read neighbours with NetNs.neighDump and change them with neighAdd / neighDel / arpSet / arpDelete.',
      '6: Programs read forwarding databases with NetNs.fdbDump / brForward and change them with fdbAdd / fdbDel.',
      '7: Programs read the spanning tree with NetNs.bridgeInfo / brportInfo.',
      '8: Programs change bridge ports with NetNs.linkChange(dev, { brport }).',
      '9: Programs change devices with NetNs.linkChange.',
      '10: Programs change devices with NetNs.linkChange.',
      '11: Programs reach the packet path through sockets (kernel/socket/*) and NetNs operations, not the Stack.',
    ]);
  });

  it('passes the same program written against the NetNs operations', async () => {
    const good =
      HEAD +
      "import type { FdbInfo } from '../../kernel/fdb.ts';\n" +
      'export function f(ns: NetNs, d: NetDevice): unknown {\n' +
      '  const n = ns.neighDump().length;\n' +
      "  ns.fdbDel(d, '00:00:00:00:00:00', { master: false, self: true });\n" +
      '  const s = ns.bridgeInfo(d.master!)?.stpInfo;\n' +
      '  ns.linkChange(d, { brport: { cost: 5 }, noarp: true, promisc: true });\n' +
      '  const req = { noarp: false };\n' +
      '  req.noarp = true;\n' +
      '  const dump: FdbInfo[] = ns.fdbDump(d);\n' +
      '  return [n, s, req, dump];\n' +
      '}\n';
    expect(await lint(good)).toEqual([]);
  });

  it('leaves the kernel itself and tests alone', async () => {
    const kernelCode = "import type { NetNs } from './netns.ts';\nexport const f = (ns: NetNs): number => ns.neigh.entries.length;\n";
    expect(await lint(kernelCode, 'src/kernel/example.ts')).toEqual([]);
    expect(await lint(HEAD + 'export const f = (ns: NetNs): number => ns.neigh.entries.length;\n', 'src/userland/net/example.test.ts')).toEqual([]);
  });
});
