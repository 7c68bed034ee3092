// The only two ways a key may appear anywhere: masked and a short one-way fingerprint used to tell
// whether two stored copies are the same key.
import { createHash } from 'node:crypto';
import { isKeyShaped } from './key-shape.js';

/**
 * A real key shape shows its prefix up to 8 characters, "…", and the last 4: that is what tells keys
 * apart and matches the dashboard. Anything else (a password copied by mistake, a cut key, a token of
 * an unknown service) shows at most a quarter of itself: an eighth of its length at each end, at most
 * 6 + 4, and nothing at all under 8 characters. "hunter2hunter2" becomes "h…2".
 */
export function maskKey(key: string): string {
  if (isKeyShaped(key)) return `${key.slice(0, 8)}…${key.slice(-4)}`;
  const head = Math.min(6, Math.floor(key.length / 8));
  const tail = Math.min(4, Math.floor(key.length / 8));
  return `${key.slice(0, head)}…${tail ? key.slice(-tail) : ''}`;
}

/** First 12 hex chars of SHA-256: enough to compare copies, useless to recover the key. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
}
