// What an answer looks like, before anything trusts it. A 2xx alone proves nothing: a dev server's
// SPA fallback, a captive portal or a relay's "OK" answer 200 too, and a key "checked" against them
// would be saved as working (reliability repro 07). And an error that lacks OpenAI's envelope and
// headers came from something in front of OpenAI (a corporate gateway, a proxy), so it says nothing
// about the key (shared/openai-api-facts.md, "Error bodies").
import type { ProbeName } from './probes.js';

export type BodyKind = 'html' | 'json' | 'text' | 'empty';

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/** What kind of body came back, in words a person can use ("an HTML page", "plain text"). */
export function bodyKind(text: string | undefined): BodyKind {
  if (!text?.trim()) return 'empty';
  if (/^\s*<(?:!doctype|html|head|body)|<html[\s>]/i.test(text)) return 'html';
  return parseJson(text) === undefined ? 'text' : 'json';
}

/**
 * True when a 2xx body is what the API returns for this probe: `GET /models` is an object "list" with
 * a `data` array; the embedding has a `data` array whose first item carries an `embedding`.
 */
export function hasApiShape(probe: ProbeName, text: string | undefined): boolean {
  const json = parseJson(text);
  if (!isObject(json) || !Array.isArray(json.data)) return false;
  if (probe === 'auth') return json.object === 'list';
  const first: unknown = json.data[0];
  return isObject(first) && (Array.isArray(first.embedding) || typeof first.embedding === 'string');
}

/** OpenAI's error envelope: {"error": {"message": …, "type": …, "code": …}}. */
export function hasErrorEnvelope(text: string | undefined, sdkError?: unknown): boolean {
  const json = parseJson(text);
  if (isObject(json)) return isObject(json.error);
  return isObject(sdkError);
}

/** OpenAI's answers carry these headers; a gateway's own page does not. */
export function hasOpenAIHeaders(headers: { get(name: string): string | null } | undefined): boolean {
  return Boolean(headers && (headers.get('x-request-id') || headers.get('openai-version')));
}
