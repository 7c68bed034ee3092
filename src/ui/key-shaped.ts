// What counts as "a key" when it turns up at a prompt that is not the key prompt. Generous on
// purpose: a false positive costs a re-asked question, a false negative puts a secret on screen.
import { analyseKey, OPENAI_MARKER, sanitise } from '../key/analyse.js';

/** Shorter than this is an answer or a typo, never a credential worth hiding. */
const MIN_SECRET_LENGTH = 20;
/** A run of key characters this long with letters and digits mixed is a token of some service. */
const LONG_TOKEN = /[A-Za-z0-9_+/=-]{24,}/g;

/**
 * True for anything the key analyser takes for a key (OpenAI's or another provider's), anything with
 * OpenAI's marker or an sk- prefix (a key pasted twice or cut is still a secret), and any long token.
 */
export function looksLikeKey(raw: string): boolean {
  const cleaned = sanitise(raw);
  if (cleaned.length < MIN_SECRET_LENGTH) return false;
  if (cleaned.includes(OPENAI_MARKER) || /(?:^|\s)sk-[A-Za-z0-9_-]{29,}/.test(cleaned)) return true;
  const analysis = analyseKey(cleaned);
  if (analysis.ok || analysis.diagnosis === 'wrong_provider_key') return true;
  return (cleaned.match(LONG_TOKEN) ?? []).some(isToken);
}

/** The start of a key as someone types it (a known prefix): free-text prompts stop drawing it from here. */
export function startsLikeKey(typed: string): boolean {
  return /^\s*["'`]?(?:sk-[a-z]|sk_|AIza|gsk_|xai-|hf_|pplx-|r8_|nvapi-|OPENAI_API_KEY\s*=|Bearer\s)/i.test(typed);
}

/**
 * An OpenAI key that is whole as it stands (marker, known length, nothing odd): a paste that ends
 * with it can be taken at once, without waiting for Enter, because nothing more can belong to it.
 */
export function isWholeOpenAIKey(raw: string): boolean {
  const analysis = analyseKey(raw);
  return analysis.ok && analysis.provider === 'openai' && analysis.warnings.length === 0 && raw.includes(OPENAI_MARKER);
}

// A path ("/usr/local/lib/node_modules") or a word ("internationalization") is not a token.
function isToken(run: string): boolean {
  if (/^[/~.]/.test(run) || (run.match(/\//g)?.length ?? 0) > 1) return false;
  return /[0-9]/.test(run) && /[A-Za-z]/.test(run);
}
