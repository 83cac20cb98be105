// The shell's patterns (globs, `case`, `${v#pat}`, `${v//pat/s}`) compile
// through safeRegExp (linear-time RE2JS), which is large: it loads before
// the shell runs its first text (Shell.runText), not before the prompt. The
// virtual clock is held while it loads, so no run can tell the difference.

import { holdClock } from '../world/driver.ts';

type SafeRegex = typeof import('../userland/lib/safe-regex.ts');
type PosixRegex = typeof import('../userland/lib/posix-regex.ts');

let mod: SafeRegex | undefined;
let posix: PosixRegex | undefined;
let loading: Promise<void> | undefined;

/** Load the regex engine once; undefined when it is loaded already. */
export function shellRegexReady(): Promise<void> | undefined {
  if (mod) return undefined;
  return (loading ??= holdClock(Promise.all([import('../userland/lib/safe-regex.ts'), import('../userland/lib/posix-regex.ts')])).then(([m, p]) => {
    mod = m;
    posix = p;
  }));
}

/** A POSIX extended regular expression (`[[ s =~ re ]]`) as a JavaScript source, once loaded. */
export function shellEre(pattern: string): string {
  if (!posix) throw new Error('the shell ran a pattern before its regex engine loaded');
  return posix.translateRegex(pattern, true).src;
}

/** safeRegExp, once shellRegexReady() has resolved (every path into the shell's execution awaits it). */
export function safeRegExp(source: string, flags = ''): RegExp {
  if (!mod) throw new Error('the shell ran a pattern before its regex engine loaded');
  return mod.safeRegExp(source, flags);
}
