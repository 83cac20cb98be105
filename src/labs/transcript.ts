// A transcript in a lab's start world (`transcript --lab LAB_ID FILE`): each
// line runs as its own `bash -c` step on the lab's terminal host, or on HOST
// for a line `@HOST CMD`; between lines the world's daemons run for a second
// of virtual time, as they would while a learner reads and types.

import '../userland/index.ts';
import { runScript, type ScriptStep } from '../session/session.ts';
import { drive } from '../world/driver.ts';
import type { World } from '../world/world.ts';

/** Virtual time the world runs between two lines of a lab transcript. */
const BETWEEN_LINES_MS = 1000;

/** Run `lines` in a lab's start world; `@HOST CMD` picks the host. */
export async function labTranscript(world: World, lines: string[], defaultHost: string): Promise<ScriptStep[]> {
  const steps: ScriptStep[] = [];
  await world.boot();
  for (const line of lines) {
    const m = /^@(\S+)\s+(.*)$/.exec(line);
    const host = m ? m[1]! : defaultHost;
    const cmd = m ? m[2]! : line;
    if (!world.hosts.has(host)) {
      steps.push({ cmd: line, stdout: '', stderr: `transcript: no host ${host} in this lab (hosts: ${[...world.hosts.keys()].join(', ')})\n`, exit: 255 });
      continue;
    }
    const [step] = await runScript(world, [cmd], host);
    steps.push({ ...step!, cmd: line });
    await drive(world.clock, new Promise<void>(() => {}), { maxVirtualMs: BETWEEN_LINES_MS });
  }
  return steps;
}
