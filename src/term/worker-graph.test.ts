// What the browser worker loads before its first prompt: the modules its
// entry imports statically (with userland/index.ts resolved to lazy.ts, as
// the worker's build does). Docker, Kubernetes, the labs with the lab engine
// and the check texts, the command implementations, the regex engine and the
// kernel's netfilter must stay behind dynamic imports.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Static imports (not `import type`, not `import()`) of a TypeScript module. */
function staticImports(file: string): string[] {
  // Whole-line // comments first: one that mentions a path like `bridge/*` must not open a block comment.
  const src = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[2]!);
  return out;
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of staticImports(f)) {
      if (!spec.startsWith('.')) {
        seen.add(`node_modules/${spec}`);
        continue;
      }
      let p = resolve(dirname(f), spec);
      if (p === join(ROOT, 'src/userland/index.ts')) p = join(ROOT, 'src/userland/lazy.ts');
      if (existsSync(p)) stack.push(p);
    }
  }
  return new Set([...seen].map((f) => (f.startsWith('node_modules/') ? f : relative(ROOT, f))));
}

describe('the worker before its first prompt', () => {
  const mods = [...closure(join(ROOT, 'src/term/worker.ts'))];

  it('imports the kernel, the line editor, the login shell and the session', () => {
    for (const m of ['src/kernel/kernel.ts', 'src/kernel/brport.ts', 'src/shell/login.ts', 'src/shell/readline.ts', 'src/session/session.ts', 'src/userland/lazy.ts']) expect(mods).toContain(m);
  });

  it("leaves the shell's interpreter to its chunk (src/shell/login.ts reads the first line)", () => {
    // The parser, expansions, builtins and Tab completion load as the login shell starts; its first line waits for them.
    const shell = ['bash', 'interp', 'parser', 'builtins', 'arith', 'glob', 'brace', 'complete', 'complete-specs', 'print-bash'].map((n) => `src/shell/${n}.ts`);
    expect(mods.filter((m) => shell.includes(m) || m.startsWith('src/userland/coreutils/'))).toEqual(['src/userland/coreutils/host.ts']);
  });

  it('leaves Docker, Kubernetes, the labs, the command groups and RE2JS to dynamic imports', () => {
    const heavy = mods.filter((m) =>
      /^(src\/docker\/|src\/k8s\/|labs\/|src\/userland\/(net|dns|docker|k8s|text|sys)\/|src\/userland\/commands-detail|src\/i18n\/labs|node_modules\/re2js|node_modules\/yaml)/.test(m),
    );
    // Tab completion of `kubectl get po⇥` needs the API's resource table (src/shell/complete-specs.ts), not the API server or its client.
    const allowed = ['src/k8s/resources.ts'];
    expect(heavy.filter((m) => !allowed.includes(m))).toEqual([]);
  });

  it('leaves the lab engine and the check texts to the first lab', () => {
    // A bare host's terminal builds messages (src/labs/msg.ts) but never renders them.
    expect(mods.filter((m) => m.startsWith('src/labs/') || m.startsWith('src/i18n/'))).toEqual(['src/labs/msg.ts']);
  });

  it("leaves the kernel's netfilter and TCP to the first program that uses them", () => {
    // Before netfilter loads no namespace has netfilter state, so every hook accepts (src/kernel/stack.ts registerNetfilter);
    // before TCP loads no TCP segment exists (src/kernel/socket/socket.ts registerTcp).
    expect(mods.filter((m) => m.startsWith('src/kernel/netfilter/') || m.startsWith('src/kernel/ipvs/') || m === 'src/kernel/socket/tcp.ts')).toEqual([]);
  });

  it('leaves the spanning tree and vxlan to the programs that turn them on', () => {
    // STP runs only once `stp_state 1` (ip, brctl) and a vxlan device exists only once `ip link add … type vxlan` made one.
    expect(mods).toContain('src/kernel/stp-state.ts');
    expect(mods.filter((m) => m === 'src/kernel/stp.ts' || m === 'src/kernel/dev/vxlan.ts')).toEqual([]);
  });
});
