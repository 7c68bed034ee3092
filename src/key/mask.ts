// The only two ways a key may appear anywhere: masked (prefix up to 8 chars, "…", last 4) and a
// short one-way fingerprint used to tell whether two stored copies are the same key.
import { createHash } from 'node:crypto';

export function maskKey(key: string): string {
  if (key.length <= 12) return key.length <= 4 ? '…' : `…${key.slice(-2)}`;
  return `${key.slice(0, 8)}…${key.slice(-4)}`;
}

/** First 12 hex chars of SHA-256: enough to compare copies, useless to recover the key. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
}
