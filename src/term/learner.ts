// Who the learner is, per browser: the seed that picks their values in
// parametric labs (chosen once, at random, then kept) and the name they
// put on the checkpoints they hand in. Both live in localStorage, under keys
// outside the terminal store's `packetlab:` prefix (which it migrates away).

/** localStorage key of the learner's seed. */
export const SEED_KEY = 'packetlab-seed';
/** localStorage key of the learner's name. */
export const NAME_KEY = 'packetlab-learner';

let cached: number | null = null;

function valid(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 0xffffffff;
}

/** The learner's seed: stored, or picked now (1..999999) and stored. */
export function learnerSeed(): number {
  if (cached !== null) return cached;
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

/** Remember the learner's name. */
export function setLearnerName(name: string): void {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    /* best effort */
  }
}
