// Who the learner is, per browser: the seed that picks their values in
// parametric labs (chosen once, at random, then kept — or, in class mode,
// derived from the class code and the learner's name) and the name they put
// on the checkpoints they hand in. All live in localStorage, under keys
// outside the terminal store's `packetlab:` prefix (which it migrates away).

import { classSeed } from '../labs/checkpoint-format.ts';

/** localStorage key of the learner's seed. */
export const SEED_KEY = 'packetlab-seed';
/** localStorage key of the learner's name. */
export const NAME_KEY = 'packetlab-learner';
/** localStorage key of the class code the learner entered ('' or absent: no class). */
export const CLASS_KEY = 'packetlab-class';

let cached: number | null = null;

function valid(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 0xffffffff;
}

/** The learner's seed: in a class, classSeed(code, name); else stored, or picked now (1..999999) and stored. */
export function learnerSeed(): number {
  if (cached !== null) return cached;
  const code = learnerClass();
  const name = learnerName().trim();
  if (code && name) return (cached = classSeed(code, name));
  let seed = NaN;
  try {
    seed = Number(localStorage.getItem(SEED_KEY));
  } catch {
    /* storage disabled */
  }
  if (!valid(seed)) {
    const r = new Uint32Array(1);
    crypto.getRandomValues(r);
    seed = (r[0]! % 999_999) + 1;
    try {
      localStorage.setItem(SEED_KEY, String(seed));
    } catch {
      /* this page keeps it in memory */
    }
  }
  return (cached = seed);
}

/** The name the learner typed last ('' when none). */
export function learnerName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remember the learner's name (in a class, the seed follows it). */
export function setLearnerName(name: string): void {
  cached = null;
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    /* best effort */
  }
}

/** The class code the learner entered ('' when none). */
export function learnerClass(): string {
  try {
    return (localStorage.getItem(CLASS_KEY) ?? '').trim();
  } catch {
    return '';
  }
}

/** Join a class ('' leaves it): from now on the seed comes from the code and the name. */
export function setLearnerClass(code: string): void {
  cached = null;
  try {
    if (code.trim()) localStorage.setItem(CLASS_KEY, code.trim());
    else localStorage.removeItem(CLASS_KEY);
  } catch {
    /* best effort */
  }
}
