// What the browser worker loads before its first prompt: the modules its
// entry imports statically (with userland/index.ts resolved to lazy.ts, as
// the worker's build does). Docker, Kubernetes, the labs, the command
// implementations and the regex engine must stay behind dynamic imports.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Static imports (not `import type`, not `import()`) of a TypeScript module. */
function staticImports(file: string): string[] {
  const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
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

  it('imports the kernel, the shell and the session', () => {
    for (const m of ['src/kernel/kernel.ts', 'src/shell/bash.ts', 'src/session/session.ts', 'src/userland/lazy.ts']) expect(mods).toContain(m);
  });

  it('leaves Docker, Kubernetes, the labs, the command groups and RE2JS to dynamic imports', () => {
    const heavy = mods.filter((m) =>
      /^(src\/docker\/|src\/k8s\/|labs\/|src\/userland\/(net|dns|docker|k8s|text|sys)\/|src\/userland\/commands-detail|src\/i18n\/labs|node_modules\/re2js|node_modules\/yaml)/.test(m),
    );
    // ssh is part of every lab world (labs/build.ts starts sshd); Tab completion
    // of `kubectl get po⇥` needs the client's resource table (src/shell/complete-specs.ts).
    const allowed = ['src/userland/sys/ssh.ts', 'src/k8s/client.ts'];
    expect(heavy.filter((m) => !allowed.includes(m))).toEqual([]);
  });
});
