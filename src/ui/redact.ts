// Last line of defence for error text: anything shaped like a secret key is masked before it is
// printed. Known secrets (the key being onboarded) are masked wherever they appear. URLs are shown
// without credentials or query values (displayUrl).
import { isKeyShaped } from '../key/key-shape.js';
import { maskKey } from '../key/mask.js';

import { OPENAI_MARKER as MARKER } from '../key/marker.js';

// Long runs of key characters after a known secret prefix, and OpenAI's marker anywhere.
const KEY_SHAPES = [
  /\b(?:sk|rk|gsk|xai|pplx|nvapi|hf|r8)[-_][A-Za-z0-9_-]{16,}/g,
  new RegExp(`[A-Za-z0-9_-]{6,}${MARKER}[A-Za-z0-9_-]{6,}`, 'g'),
  /\bAIza[A-Za-z0-9_-]{30,}/g,
];

// "scheme://user:password@" in any text (a proxy or base URL quoted in an error message).
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
// Query values whose name says they are secret (?api-key=, &token=, &sig=): Azure and gateways put keys there.
const SECRET_QUERY = /([?&][^=\s&#]*(?:key|token|secret|password|passwd|sig|auth)[^=\s&#]*=)[^&\s#"']+/gi;

const known = new Set<string>();

/** Registers a secret so redact() masks it even if it has no recognisable shape. */
export function registerSecret(secret: string): void {
  if (secret.length >= 8) known.add(secret);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of known) out = out.split(secret).join(maskKey(secret));
  for (const shape of KEY_SHAPES) out = out.replace(shape, (m) => (looksRandom(m) ? maskKey(m) : m));
  return out.replace(URL_CREDENTIALS, '$1***@').replace(SECRET_QUERY, '$1***');
}

/**
 * A secret's body is random: it has a digit or a capital letter. A run of lower-case words after
 * "sk-" ("~/sk-learn-experiments-project/.env" in an error message) is a name, and stays readable.
 */
function looksRandom(match: string): boolean {
  return isKeyShaped(match) || /[A-Z0-9]/.test(match.replace(/^[a-z0-9]+[-_]/i, ''));
}

/**
 * A URL as it may be printed (OPENAI_BASE_URL, --base-url): no user name or password, no query values,
 * no fragment, and any key-shaped path segment masked. Used for every place a base URL is shown:
 * the human report, the JSON `baseUrl`, diagnosis wording and error messages.
 */
export function displayUrl(raw: string): string {
  if (!URL.canParse(raw)) return redact(raw.replace(/[?#].*$/s, ''));
  const u = new URL(raw);
  const credentials = u.username || u.password ? '***@' : '';
  // new URL() adds "/" to a bare host; keep the text as it was given.
  const path = u.pathname === '/' && !/^[^:]+:\/\/[^/?#]*\//.test(raw) ? '' : u.pathname;
  const query = [...u.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=***`).join('&');
  return redact(`${u.protocol}//${credentials}${u.host}${path}${query ? `?${query}` : ''}`);
}
