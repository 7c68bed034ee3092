// Fake keys are built at run time: a literal of a real key shape in the repo would trip secret
// scanners. Bodies are deterministic per seed so failures are reproducible.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MARKER = ['T3Bl', 'bkFJ'].join(''); // base64("OpenAI"), split so scanners do not match this file

export function body(length: number, seed = 1, alphabet = ALPHABET): string {
  let out = '';
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

export const fakeKeys = {
  project: (seed = 1) => `sk-${'proj'}-${body(74, seed)}${MARKER}${body(74, seed + 7)}`,
  serviceAccount: (seed = 2) => `sk-${'svcacct'}-${body(74, seed)}${MARKER}${body(74, seed + 7)}`,
  admin: (seed = 3) => `sk-${'admin'}-${body(58, seed)}${MARKER}${body(58, seed + 7)}`,
  legacyUser: (seed = 4) => `sk-${body(20, seed, ALNUM)}${MARKER}${body(20, seed + 7, ALNUM)}`,
  shortProject: (seed = 5) => `sk-${'proj'}-${body(20, seed, ALNUM)}${MARKER}${body(20, seed + 7, ALNUM)}`,
  anthropic: (seed = 6) => `sk-${'ant'}-api03-${body(95, seed)}`,
  openRouter: (seed = 7) => `sk-${'or'}-v1-${body(64, seed, '0123456789abcdef')}`,
  google: (seed = 8) => `AI${'za'}${body(35, seed)}`,
  groq: (seed = 9) => `gsk${'_'}${body(52, seed, ALNUM)}`,
  deepseek: (seed = 10) => `sk-${body(32, seed, '0123456789abcdef')}`,
};
