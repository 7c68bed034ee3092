// Fake keys are built at run time: a literal of a real key shape in the repo would trip secret
// scanners. Bodies come from a seeded PRNG (mulberry32, 32-bit arithmetic throughout), so every seed
// gives a different key and a different masked form, and a failure is reproducible from its seed.
// (The first version multiplied past 2^53, lost the low bits and made nearly every body all 'A':
// then `toContain(maskKey(NEW))` also passed when the OLD key was printed.)
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MARKER = ['T3Bl', 'bkFJ'].join(''); // base64("OpenAI"), split so scanners do not match this file

/** mulberry32: a small PRNG with a full 32-bit state; returns a function giving uint32 values. */
export function prng(seed: number): () => number {
  let a = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export function body(length: number, seed = 1, alphabet = ALPHABET): string {
  const next = prng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[next() % alphabet.length];
  return out;
}

// The second half uses a seed far from the first's, so key(n)'s tail is never key(n+7)'s head.
const tail = (seed: number) => seed + 0x10000;

export const fakeKeys = {
  project: (seed = 1) => `sk-${'proj'}-${body(74, seed)}${MARKER}${body(74, tail(seed))}`,
  serviceAccount: (seed = 2) => `sk-${'svcacct'}-${body(74, seed)}${MARKER}${body(74, tail(seed))}`,
  admin: (seed = 3) => `sk-${'admin'}-${body(58, seed)}${MARKER}${body(58, tail(seed))}`,
  legacyUser: (seed = 4) => `sk-${body(20, seed, ALNUM)}${MARKER}${body(20, tail(seed), ALNUM)}`,
  shortProject: (seed = 5) => `sk-${'proj'}-${body(20, seed, ALNUM)}${MARKER}${body(20, tail(seed), ALNUM)}`,
  anthropic: (seed = 6) => `sk-${'ant'}-api03-${body(95, seed)}`,
  openRouter: (seed = 7) => `sk-${'or'}-v1-${body(64, seed, '0123456789abcdef')}`,
  google: (seed = 8) => `AI${'za'}${body(35, seed)}`,
  groq: (seed = 9) => `gsk${'_'}${body(52, seed, ALNUM)}`,
  deepseek: (seed = 10) => `sk-${body(32, seed, '0123456789abcdef')}`,
};
