// The checks that make the one-time key page safe to serve: it is a login endpoint on 127.0.0.1, so
// any web page the person has open may try to reach it (CSRF, DNS rebinding). Pure functions, so each
// rule is unit-tested on its own.
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 256 bits for the path token (the issue asks for at least 128). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Compares two secrets in constant time (a wrong token must not be guessable byte by byte). */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * DNS rebinding: a page on attacker.example can make its own name resolve to 127.0.0.1, but the browser
 * still sends `Host: attacker.example:PORT`. Only our own address, by number or as localhost, is served.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A POST must come from the page itself. Browsers send Origin on every POST; a cross-origin form or
 * fetch carries the other site's origin (or "null" from a sandboxed frame), and is refused.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** A form post is small: a key is under 200 characters. Anything far larger is refused unread. */
export const MAX_BODY_BYTES = 8 * 1024;

/** The form's fields from an application/x-www-form-urlencoded body; undefined when it is not one. */
export function parseForm(contentType: string | undefined, body: string): { key?: string; csrf?: string } | undefined {
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  const params = new URLSearchParams(body);
  return { key: params.get('key') ?? undefined, csrf: params.get('csrf') ?? undefined };
}
