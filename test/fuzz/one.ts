// `node test/fuzz/one.ts FILE`: run each line of FILE (JSON strings, one a line) through the fuzz harness, with CPU time.
import '../../src/userland/index.ts';
import '../../src/shell/bash.ts';
import { readFileSync } from 'node:fs';
import { bareWorld } from '../../src/world/world.ts';
import { runScript } from '../../src/session/session.ts';
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => (l.startsWith('"') ? JSON.parse(l) : l));
for (const line of lines) {
  const c0 = process.cpuUsage();
  const w = bareWorld(1);
  const steps = await runScript(w, [line, 'echo ok']);
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ line, cpu_ms: Math.round((c.user + c.system) / 1000), rss: Math.round(process.memoryUsage().rss / 1e6), vt: w.clock.now, steps }).slice(0, 1500));
}
