// Runs command lines on a simulated bare host the way `transcript` does and
// reports what a learner must never see: an uncaught exception, JavaScript
// text in the output (`undefined`, `NaN`, `[object …]`, `TypeError`, a stack
// line, `internal error`), a status that is not 0–255, a transcript that
// does not serialise, or a shell that no longer runs `echo ok` afterwards.

import { bareWorld, type World } from '../../src/world/world.ts';
import { runScript, type ScriptStep } from '../../src/session/session.ts';
import { signalTrees } from '../../src/shell/exec.ts';
import type { HostView } from '../../src/userland/coreutils/host.ts';

/** A finding: the line, the class of failure and what was seen. */
export interface Finding {
  line: string;
  kind: string;
  detail: string;
}

/** JavaScript internals, each with the class name it reports. */
const LEAKS: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\bNaN\b/, 'NaN'],
  [/\[object \w*\]?/, '[object'],
  [/\b(Type|Reference|Range|Syntax|Eval|URI|Internal)Error\b/, 'JS error'],
  [/\n\s+at (Object\.|async |new |file:|node:|[\w$.<>]+ \()/, 'stack'],
  [/internal error/, 'internal error'],
  [/Converting circular/, 'circular'],
  [/Maximum call stack|Invalid string length|Invalid array length|Invalid code point|is not a function|Cannot read propert|Cannot convert undefined|is not iterable|(?<!\/\d+ |\$\w+ )is not defined|toFixed\(\)|toPrecision\(\)|Invalid count value/, 'JS message'],
];

/** What is wrong with one step, if anything (`line` is what was typed). */
export function leaks(line: string, step: ScriptStep, typedBefore = ''): Finding[] {
  const out: Finding[] = [];
  const text = `${step.stdout}\n${step.stderr}`;
  for (const [re, kind] of LEAKS) {
    const m = re.exec(text);
    // A word the learner typed may be echoed back (`echo undefined`).
    // A word the learner typed (now or in an earlier line, e.g. `mkdir NaN`) may be shown back.
    const typed = line + typedBefore;
    if (m && !typed.includes(m[0].trim()) && !(kind === 'NaN' && /nan/i.test(typed))) {
      const at = m.index;
      out.push({ line, kind, detail: text.slice(Math.max(0, at - 80), at + 80) });
    }
  }
  if (!Number.isInteger(step.exit) || step.exit < 0 || step.exit > 255) out.push({ line, kind: 'exit status', detail: String(step.exit) });
  if (typeof step.stdout !== 'string' || typeof step.stderr !== 'string') out.push({ line, kind: 'output type', detail: typeof step.stdout });
  return out;
}

/** Where to log each line before it runs (`FUZZ_TRACE=1`: find a line that hangs). */
let trace: ((s: string) => void) | undefined;
export function setTrace(f: ((s: string) => void) | undefined): void {
  trace = f;
}

/** Run `lines` on one fresh world (each followed by `echo ok`) and collect findings. */
export async function fuzzBatch(lines: string[], seed = 1): Promise<Finding[]> {
  const findings: Finding[] = [];
  const world: World = bareWorld(seed);
  for (const line of lines) {
    let steps: ScriptStep[];
    const t0 = performance.now();
    if (trace) trace(`${JSON.stringify(line)}\n`);
    try {
      steps = await runScript(world, [line, 'echo ok']);
      const ms = performance.now() - t0;
      if (trace && ms > 500) trace(`slow (${Math.round(ms)} ms): ${JSON.stringify(line)}\n`);
    } catch (e) {
      findings.push({ line, kind: 'uncaught', detail: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
      // The world may be in any state now: start another.
      end(world);
      return [...findings, ...(await fuzzBatch(lines.slice(lines.indexOf(line) + 1), seed + 1))];
    }
    try {
      JSON.stringify({ steps });
    } catch (e) {
      findings.push({ line, kind: 'transcript', detail: e instanceof Error ? e.message : String(e) });
    }
    findings.push(...leaks(line, steps[0], lines.slice(0, lines.indexOf(line)).join('\n')));
    const ok = steps[1];
    if (!ok || ok.stdout !== 'ok\n' || ok.exit !== 0) findings.push({ line, kind: 'unusable', detail: JSON.stringify(ok) });
  }
  end(world);
  return findings;
}

/** Kill what still runs in `world` (background jobs), as closing a terminal does. */
function end(world: World): void {
  for (const name of ['host']) {
    const k = world.host(name) as unknown as HostView;
    try {
      signalTrees(k, k.procs.list().filter((p) => p.pid !== 1), 'SIGKILL');
    } catch {
      // nothing left
    }
  }
}
