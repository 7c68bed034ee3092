// Is this string an API key? The one answer shared by the mask (long form only for real key shapes)
// and the argv guard (refuse a key on the command line, not a folder named "sk-learn-…").
import { otherProvider } from './providers.js';

import { OPENAI_MARKER } from './marker.js';

/**
 * The longest key of any known format is 167 characters (service accounts); anything much longer
 * is not a key, and is refused before it is sent anywhere (a 10 MB "key" made 20 MB of headers).
 */
export const MAX_KEY_LENGTH = 256;

/** OpenAI's kinds by prefix; the body rule is loose on purpose (lengths change), the prefix is not. */
const OPENAI_PREFIXED = /^sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{32,}$/;

/**
 * True for a string shaped like an API key: it carries OpenAI's marker, has an OpenAI kind's prefix,
 * or matches a known provider's key shape (Anthropic, Google, Groq, …; see providers.ts).
 */
export function isKeyShaped(s: string): boolean {
  if (s.length < 20 || s.length > MAX_KEY_LENGTH || !/^[A-Za-z0-9_.-]+$/.test(s)) return false;
  if (s.includes(OPENAI_MARKER) || OPENAI_PREFIXED.test(s)) return true;
  return otherProvider(s) !== undefined;
}

/** True when a run of key characters inside `text` carries OpenAI's marker (for paths and URLs). */
export function containsOpenAIKey(text: string): boolean {
  return new RegExp(`[A-Za-z0-9_-]{6,}${OPENAI_MARKER}[A-Za-z0-9_-]{6,}`).test(text);
}
