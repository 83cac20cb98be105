// The layer rule (.dependency-cruiser.cjs) is enforced by `npm run lint`:
// this runs the same checker on a fixture with a deliberately wrong import
// (it must fail, naming the rule and the import) and on the real tree (it
// must pass).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function depcruise(cwd: string, ...paths: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...paths, '--config', CONFIG, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

// Each run starts a dependency-cruiser process: allow for a loaded machine.
describe('layer boundaries (dependency-cruiser)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'packetlab-layers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true, noEmit: true } }));
  put('src/shell/exec.ts', 'export const run = 1;\n');
  put('src/i18n/ui.ts', 'export const t = 1;\n');
  put('src/kernel/netns.ts', "export const ns = 1;\n");
  put('src/userland/ip.ts', "import { ns } from '../kernel/netns.ts';\nexport const ip = ns;\n");
  put('src/term/learner.ts', 'export const seed = 1;\n');
  put('src/handin/handin.ts', "import { seed } from '../term/learner.ts';\nexport const h = seed;\n");

  it('passes a fixture whose imports point down', () => {
    const r = depcruise(dir, 'src');
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it('fails a kernel file importing the shell, and a daemon importing the i18n dictionary', () => {
    put('src/kernel/wrong.ts', "import { run } from '../shell/exec.ts';\nexport const w = run;\n");
    put('src/k8s/wrong.ts', "import type { t } from '../i18n/ui.ts';\nexport type W = typeof t;\n");
    const r = depcruise(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('error layer-kernel: src/kernel/wrong.ts → src/shell/exec.ts');
    expect(r.out).toContain('error layer-userland: src/k8s/wrong.ts → src/i18n/ui.ts');
    rmSync(join(dir, 'src/kernel/wrong.ts'));
    rmSync(join(dir, 'src/k8s/wrong.ts'));
  });

  it('fails the terminal importing the hand-in page, and a folder placed in no layer', () => {
    put('src/term/wrong.ts', "import { h } from '../handin/handin.ts';\nexport const w = h;\n");
    put('src/newthing/x.ts', "import { ns } from '../kernel/netns.ts';\nexport const x = ns;\n");
    const r = depcruise(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('error layer-terminal: src/term/wrong.ts → src/handin/handin.ts');
    expect(r.out).toContain('error layer-unplaced: src/newthing/x.ts → src/kernel/netns.ts');
    rmSync(join(dir, 'src/term/wrong.ts'));
    rmSync(join(dir, 'src/newthing'), { recursive: true });
  });

  it('fails the docker CLI importing the engine instead of the Engine API; passes it through the API', () => {
    put('src/docker/api.ts', 'export const client = 1;\n');
    put('src/docker/engine.ts', "import { client } from './api.ts';\nexport const engine = client;\n");
    put('src/userland/docker/docker.ts', "import { client } from '../../docker/api.ts';\nexport const cli = client;\n");
    expect(depcruise(dir, 'src').code).toBe(0);
    put('src/userland/docker/docker.ts', "import { engine } from '../../docker/engine.ts';\nexport const cli = engine;\n");
    const r = depcruise(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('error docker-cli-through-api: src/userland/docker/docker.ts → src/docker/engine.ts');
    rmSync(join(dir, 'src/userland/docker'), { recursive: true });
    rmSync(join(dir, 'src/docker'), { recursive: true });
  });

  it('fails kubectl importing the API server or a controller instead of the client; passes it through the client', () => {
    put('src/k8s/client.ts', 'export const client = 1;\n');
    put('src/k8s/yaml.ts', 'export const yaml = 1;\n');
    put('src/k8s/api.ts', "import { client } from './client.ts';\nexport const server = client;\n");
    put('src/k8s/controllers.ts', "import { server } from './api.ts';\nexport const podReady = server;\n");
    put('src/userland/k8s/kubectl.ts', "import { client } from '../../k8s/client.ts';\nimport { yaml } from '../../k8s/yaml.ts';\nexport const k = client + yaml;\n");
    put('src/userland/k8s/jsonpath.ts', 'export const jp = 1;\n');
    put('src/userland/k8s/kubectl.test.ts', "import { server } from '../../k8s/api.ts';\nexport const t = server;\n");
    expect(depcruise(dir, 'src').code).toBe(0);
    put('src/userland/k8s/kubectl.ts', "import { server } from '../../k8s/api.ts';\nexport const k = server;\n");
    put('src/userland/k8s/jsonpath.ts', "import { podReady } from '../../k8s/controllers.ts';\nexport const jp = podReady;\n");
    const r = depcruise(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('error kubectl-through-api: src/userland/k8s/kubectl.ts → src/k8s/api.ts');
    expect(r.out).toContain('error kubectl-through-api: src/userland/k8s/jsonpath.ts → src/k8s/controllers.ts');
    // A test harness may still boot a whole cluster.
    expect(r.out).not.toContain('kubectl.test.ts');
    rmSync(join(dir, 'src/userland/k8s'), { recursive: true });
    rmSync(join(dir, 'src/k8s'), { recursive: true });
  });

  it('fails a daemon importing the API server or the node binding instead of the in-cluster client; passes it through the client', () => {
    put('src/k8s/client.ts', 'export const inClusterConfig = 1;\n');
    put('src/k8s/api.ts', "import { inClusterConfig } from './client.ts';\nexport const server = inClusterConfig;\n");
    put('src/k8s/registry.ts', "import { server } from './api.ts';\nexport const nodeOf = server;\n");
    put('src/k8s/proxy/model.ts', 'export const servicePorts = 1;\n');
    put('src/userland/k8s/kube-proxy.ts', "import { inClusterConfig } from '../../k8s/client.ts';\nimport { servicePorts } from '../../k8s/proxy/model.ts';\nexport const kp = inClusterConfig + servicePorts;\n");
    put('src/userland/dns/kubernetes.ts', "import type { inClusterConfig } from '../../k8s/client.ts';\nexport type Z = typeof inClusterConfig;\n");
    put('src/userland/dns/kubernetes.test.ts', "import { server } from '../../k8s/api.ts';\nexport const t = server;\n");
    expect(depcruise(dir, 'src').code).toBe(0);
    put('src/userland/k8s/kube-proxy.ts', "import { nodeOf } from '../../k8s/registry.ts';\nexport const kp = nodeOf;\n");
    // A type-only import of the server counts too: object types come from client.ts.
    put('src/userland/dns/kubernetes.ts', "import type { server } from '../../k8s/api.ts';\nexport type Z = typeof server;\n");
    const r = depcruise(dir, 'src');
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('error daemons-through-api: src/userland/k8s/kube-proxy.ts → src/k8s/registry.ts');
    expect(r.out).toContain('error daemons-through-api: src/userland/dns/kubernetes.ts → src/k8s/api.ts');
    // A test harness may still boot a whole cluster.
    expect(r.out).not.toContain('kubernetes.test.ts');
    rmSync(join(dir, 'src/userland/k8s'), { recursive: true });
    rmSync(join(dir, 'src/userland/dns'), { recursive: true });
    rmSync(join(dir, 'src/k8s'), { recursive: true });
  });

  it('passes the real tree', () => {
    const r = depcruise(ROOT, 'src', 'labs');
    expect(r.out).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });
});
