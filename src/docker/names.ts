// Generated container names (`docker run` without --name): adjective_surname
// as moby's internal/namesgenerator builds them, from a subset of its word
// lists, drawn from the host kernel's seeded generator.

import type { Rng } from '../kernel/rng.ts';

const LEFT = ['admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold', 'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'confident', 'cool', 'cranky', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'focused', 'friendly', 'frosty'];
const RIGHT = ['agnesi', 'albattani', 'allen', 'almeida', 'antonelli', 'archimedes', 'ardinghelli', 'aryabhata', 'austin', 'babbage', 'banach', 'bardeen', 'bartik', 'bassi', 'beaver', 'bell', 'benz', 'bhabha', 'bhaskara', 'black', 'blackburn', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'bouman', 'boyd', 'brahmagupta', 'brattain', 'brown', 'buck', 'burnell', 'cannon', 'carson', 'cartwright', 'carver', 'cerf', 'chandrasekhar', 'wozniak'];

/** A random container name; `retry` > 0 appends a digit as moby does. */
export function randomName(rng: Rng, retry = 0): string {
  let name = '';
  do name = `${LEFT[rng.int(0, LEFT.length - 1)]}_${RIGHT[rng.int(0, RIGHT.length - 1)]}`;
  while (name === 'boring_wozniak');
  return retry > 0 ? name + String(rng.int(0, 9)) : name;
}
