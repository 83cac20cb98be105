// Programs reach the kernel through its interfaces (docs/ARCHITECTURE.md,
// "How programs reach the kernel"): the src/userland block of
// eslint.config.js refuses member accesses into the neighbour table, the
// forwarding databases and the spanning tree, assignments to device and
// port fields, and value imports of the modules holding those tables. This
// lints deliberately wrong programs with the project's real configuration
// (each must fail, naming what it reached) and the same calls made the
// right way (they must pass).
//
// Programs read links and addresses from dumps (NetNs.linkDump / linkGet /
// addrDump, plain RTM_NEWLINK / RTM_NEWADDR records) and hold a device only
// as a handle to pass to NetNs operations. The TypeScript check below finds
// every member access on a NetDevice-typed value besides its identity (name,
// ifindex) in src/userland and the Docker and Kubernetes daemons (src/docker,
// src/k8s), so no program can go back to reading (or
// changing) a device's fields; eslint refuses the obvious spellings early.
import ts from 'typescript';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restrictedMessages } from './lint-kit.ts';

const ROOT = resolve(import.meta.dirname, '..');

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
      '7: Programs read links and addresses with NetNs.linkDump / linkGet / linkMsg / addrDump / addr6Dump; a device is a handle to pass to NetNs operations.',
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

  it('refuses a program reading device fields where it names a device, and passes the same reads of a link message', async () => {
    const bad =
      HEAD +
      "import { NetDevice as Dev, IFF } from '../../kernel/netdev.ts';\n" +
      "import { linkOps } from '../../kernel/dev/ops.ts';\n" +
      'export function f(ns: NetNs, dev: NetDevice): unknown {\n' +
      '  const r = ns.routeDump(254)[0];\n' +
      '  return [dev.mtu, x(dev).inet, r.dev!.carrier, dev.master?.mac, ns.lo.operState, Dev, IFF, linkOps];\n' +
      '}\n' +
      'declare function x(d: NetDevice): NetDevice;\n';
    const read = '7: Programs read links and addresses with NetNs.linkDump / linkGet / linkMsg / addrDump / addr6Dump; a device is a handle to pass to NetNs operations.';
    expect(await lint(bad)).toEqual([
      expect.stringMatching(/^3: 'NetDevice' import from '\.\.\/\.\.\/kernel\/netdev\.ts' is restricted .*read them with NetNs\.linkDump \/ linkGet \/ addrDump; import the type only\.$/),
      expect.stringMatching(/^4: '\.\.\/\.\.\/kernel\/dev\/ops\.ts' import is restricted .*import types only\.$/),
      read, read, read, read, read, read,
    ]);
    const good =
      HEAD +
      "import { IFF, SCOPE } from '../../kernel/netdev.ts';\n" +
      "import type { LinkInfo } from '../../kernel/dev/ops.ts';\n" +
      'export function f(ns: NetNs, dev: NetDevice): unknown {\n' +
      '  const r = ns.routeDump(254)[0];\n' +
      '  const l = ns.linkMsg(dev);\n' +
      '  const i: LinkInfo | undefined = l.linkinfo;\n' +
      '  return [l.mtu & IFF.UP, SCOPE.link, i, ns.addrDump(dev), r.dev && ns.linkMsg(r.dev).carrier, ns.linkGet(l.master)?.address, ns.linkMsg(ns.lo).operstate, dev.name, r.dev?.ifindex];\n' +
      '}\n';
    expect(await lint(good)).toEqual([]);
  });

  it('leaves the kernel itself and tests alone', async () => {
    const kernelCode = "import type { NetNs } from './netns.ts';\nexport const f = (ns: NetNs): number => ns.neigh.entries.length;\n";
    expect(await lint(kernelCode, 'src/kernel/example.ts')).toEqual([]);
    expect(await lint(HEAD + 'export const f = (ns: NetNs): number => ns.neigh.entries.length;\n', 'src/userland/net/example.test.ts')).toEqual([]);
  });
});

/** What a program may read of a device handle: its identity. */
const IDENTITY = new Set(['name', 'ifindex']);

/**
 * Member accesses on NetDevice-typed values in `files` other than its
 * identity, as `path:line: NetDevice.field`, type-checked with the
 * simulator's configuration. `virtual` supplies files that are not on disk.
 */
function deviceFieldAccesses(files: string[], virtual: Record<string, string> = {}): string[] {
  const cfg = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.sim.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host = ts.createCompilerHost(cfg.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => f in virtual || fileExists.call(host, f);
  host.readFile = (f) => virtual[f] ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => (f in virtual ? ts.createSourceFile(f, virtual[f], lang, true) : getSourceFile.call(host, f, lang, ...rest));
  const program = ts.createProgram({ rootNames: files, options: cfg.options, host });
  const tc = program.getTypeChecker();
  const isDevice = (e: ts.Expression): boolean => {
    const sym = tc.getNonNullableType(tc.getTypeAtLocation(e)).getSymbol();
    return sym?.getName() === 'NetDevice' && !!sym.declarations?.some((d) => d.getSourceFile().fileName.endsWith('/src/kernel/netdev.ts'));
  };
  const out: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file)!;
    const report = (n: ts.Node, field: string): void => {
      out.push(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}: NetDevice.${field}`);
    };
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n) && !IDENTITY.has(n.name.text) && isDevice(n.expression)) report(n, n.name.text);
      if (ts.isElementAccessExpression(n) && isDevice(n.expression)) report(n, '[…]');
      if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer && isDevice(n.initializer)) {
        for (const el of n.name.elements) {
          const field = (el.propertyName ?? el.name).getText(sf);
          if (!IDENTITY.has(field)) report(el, field);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** The product files of a folder (no tests), recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test-util.ts') ? [p] : [];
  });
}

describe('programs read links and addresses from dumps, not devices (TypeScript)', { timeout: 180_000 }, () => {
  const probe = join(ROOT, 'src/userland/net/probe-example.ts');
  const check = (code: string): string[] => deviceFieldAccesses([probe], { [probe]: code }).map((x) => x.replace(/^[^:]*:/, ''));

  it('finds a program reading device fields, whatever the variable is called, and destructuring them', () => {
    const bad =
      HEAD +
      'export function f(ns: NetNs, x: NetDevice): unknown {\n' +
      '  const r = ns.routeDump(254)[0];\n' +
      '  const { mtu, name } = x;\n' +
      '  return [x.inet.length, x.master?.mac, r.dev?.adminUp, x.peer!.ifindex, mtu, name, ns.lo.inet6];\n' +
      '}\n';
    expect(check(bad)).toEqual(['5: NetDevice.mtu', '6: NetDevice.inet', '6: NetDevice.mac', '6: NetDevice.master', '6: NetDevice.adminUp', '6: NetDevice.peer', '6: NetDevice.inet6']);
  });

  it('passes the same program reading link and address dumps', () => {
    const good =
      HEAD +
      'export function f(ns: NetNs, x: NetDevice): unknown {\n' +
      '  const r = ns.routeDump(254)[0];\n' +
      '  const l = ns.linkMsg(x);\n' +
      '  const { mtu, ifname } = l;\n' +
      '  const peer = l.link ? ns.linkGet(l.link) : undefined;\n' +
      '  return [ns.addrDump(x).length, ns.linkGet(l.master)?.address, r.dev && ns.linkMsg(r.dev).flags & 1, peer?.ifindex, mtu, ifname, x.name, ns.addr6Dump(ns.lo)];\n' +
      '}\n';
    expect(check(good)).toEqual([]);
  });

  it('finds no program, nor the Docker and Kubernetes daemons, reading a device beyond its name and ifindex', () => {
    const layer = ['src/userland', 'src/docker', 'src/k8s'].flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(layer.length).toBeGreaterThan(150);
    expect(deviceFieldAccesses(layer)).toEqual([]);
  });
});
