// Local analysis of a pasted string, no network. It cleans what people paste around a key, names the
// kind of key (or the other provider it belongs to) and refuses what cannot be a key, so that a
// rejected string is never sent anywhere. `reason` and `warnings` never contain the key.
import { OPENAI_MARKER } from './marker.js';
import { MAX_KEY_LENGTH } from './key-shape.js';
import { maskKey } from './mask.js';
import { otherProvider } from './providers.js';
import type { KeyKind } from './types.js';

export interface LocalAnalysis {
  /** True when the string may be sent to OpenAI. A rejected string is never sent. */
  ok: boolean;
  /** Trimmed and unwrapped (quotes, "Bearer ", "OPENAI_API_KEY="). A secret: never print it. */
  cleaned: string;
  kind?: KeyKind;
  /** 'openai', or the other provider's name ('Anthropic', 'Google', …), or 'unknown'. */
  provider: string;
  diagnosis?: 'malformed_key' | 'wrong_provider_key';
  /** Why it was rejected, in plain words; never contains the key. */
  reason?: string;
  /** Non-fatal remarks: unusual length, admin keys cannot call models, … */
  warnings: string[];
  length: number;
  masked: string;
}

// OPENAI_MARKER: base64("OpenAI"), in every OpenAI secret-key format (./marker.ts); re-exported for callers.
export { OPENAI_MARKER };
/** Shorter than any OpenAI key (legacy user keys have 51 characters): part of it was not copied. */
const MIN_OPENAI_LENGTH = 40;
const KEY_CHARS = /^[A-Za-z0-9_-]+$/;

interface KindSpec {
  kind: KeyKind;
  prefix: string;
  /** Lengths seen in the wild; other lengths only warn. */
  lengths: number[];
}

// Most specific prefix first; a plain `sk-` key with the marker is a legacy user key.
const OPENAI_KINDS: KindSpec[] = [
  { kind: 'service_account', prefix: 'sk-svcacct-', lengths: [167] },
  { kind: 'admin', prefix: 'sk-admin-', lengths: [133] },
  { kind: 'project', prefix: 'sk-proj-', lengths: [164, 56] },
  { kind: 'org', prefix: 'sk-None-', lengths: [] },
  { kind: 'user', prefix: 'sk-', lengths: [51] },
];

const KIND_NAMES: Record<KeyKind, string> = {
  project: 'a project key',
  service_account: 'a service account key',
  admin: 'an admin key',
  user: 'a legacy user key',
  legacy_project: 'an early project key',
  org: 'an organization key (sk-None-)',
  unknown: 'an unrecognised key',
};

/** Removes what surrounds a key when it is copied from a shell line, a .env file or an HTTP header. */
export function sanitise(raw: string): string {
  let s = raw.trim();
  for (let round = 0; round < 6; round++) {
    const before = s;
    s = s
      .replace(/^(?:export|set|setx)\s+/i, '')
      .replace(/^\$env:/i, '')
      .replace(/^OPENAI_API_KEY\s*[=:]\s*/i, '')
      .replace(/^Authorization\s*:\s*/i, '')
      .replace(/^Bearer\s+/i, '')
      .trim();
    const pair = s.length >= 2 ? s[0]! + s[s.length - 1]! : '';
    if (['""', "''", '``', '\u201c\u201d', '\u2018\u2019', '\u201d\u201d'].includes(pair)) s = s.slice(1, -1).trim();
    if (s === before) break;
  }
  return s;
}

export function analyseKey(raw: string): LocalAnalysis {
  const cleaned = sanitise(raw);
  const base = {
    cleaned,
    length: cleaned.length,
    // The masked form is printed: keep control characters and escapes out of the terminal.
    masked: maskKey(cleaned).replace(/[^\x20-\x7e\u2026]/g, '?'),
    warnings: [] as string[],
  };
  const reject = (reason: string): LocalAnalysis => ({ ...base, ok: false, provider: 'unknown', kind: 'unknown', diagnosis: 'malformed_key', reason });
  const problem = cannotBeAKey(cleaned);
  if (problem) return reject(problem);

  const other = otherProvider(cleaned);
  if (other) {
    return {
      ...base,
      ok: false,
      provider: other.provider,
      kind: 'unknown',
      diagnosis: 'wrong_provider_key',
      reason: `This is ${other.note}, not an OpenAI key. OpenAI keys start with "sk-proj-" (or "sk-").`,
    };
  }
  if (!cleaned.startsWith('sk-')) {
    if (cleaned.length < 20) return reject(`It is too short to be an API key (${cleaned.length} characters).`);
    return reject('It does not look like an OpenAI API key: those start with "sk-proj-" (older ones with "sk-").');
  }
  return classifyOpenAI(cleaned, base);
}

/** Reasons a string cannot be any API key at all; undefined when it might be one. */
function cannotBeAKey(k: string): string | undefined {
  if (k === '') return 'It is empty.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(k) || /^www\./i.test(k)) return 'It is a web address, not a key.';
  if (isPlaceholder(k)) return 'It is a placeholder from an example, not a real key.';
  if (/[\u2026\u2022\u25cf]|\.{3}|\*{3}/.test(k)) {
    return 'It is a masked key, as the dashboard lists it (with "…" or "***"): the full key is shown only once, when it is created. Create a new key and copy it from that dialog.';
  }
  if (/^sess-/.test(k)) return 'It is a browser session token (sess-…), not an API key. Create an API key on the API keys page.';
  if (/^eyJ[A-Za-z0-9_-]+\.eyJ/.test(k)) return 'It is a login token (a JWT) from a browser or app session, not an API key.';
  if (/^org-[A-Za-z0-9]{8,}$/.test(k)) return 'It is an organization ID (org-…), not an API key.';
  if (/^proj_[A-Za-z0-9]{8,}$/.test(k)) return 'It is a project ID (proj_…), not an API key.';
  if (/\s/.test(k)) {
    return (k.match(/sk-/g)?.length ?? 0) > 1
      ? 'It contains more than one key, separated by a space or line break. Paste exactly one key.'
      : 'It contains a space or line break inside. Copy the key alone, in one piece.';
  }
  const bad = k.search(/[^\x21-\x7e]/);
  if (bad >= 0) {
    const code = k.codePointAt(bad)!;
    return `It contains a character that cannot be in a key (U+${code.toString(16).toUpperCase().padStart(4, '0')}${charHint(code)}) at position ${bad + 1}. Copy the key again from the place it was created, not from a document or chat.`;
  }
  if (k.length >= 40 && k.length % 2 === 0 && k.slice(0, k.length / 2) === k.slice(k.length / 2)) {
    return 'It is the same key pasted twice. Paste it once.';
  }
  if (k.split(OPENAI_MARKER).length > 2) return 'It looks like two keys joined together. Paste exactly one key.';
  // Never sent: a huge "key" would become megabytes of request headers.
  if (k.length > MAX_KEY_LENGTH) return `It is ${k.length} characters long, longer than any API key (the longest have 167). Copy the key alone.`;
  return undefined;
}

function isPlaceholder(k: string): boolean {
  if (k.includes(OPENAI_MARKER)) return false; // real OpenAI keys carry the marker; placeholders do not
  const rest = k.replace(/^sk-(?:proj-)?/, '');
  if (/^(?:\.{2,}|\u2026|x{3,}|\*+|<[^>]*>|\[[^\]]*\]|\{[^}]*\})$/i.test(rest)) return true;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(k)) return true; // an unexpanded $VARIABLE
  if (/^<.*>$/.test(k)) return true;
  // Words only count between separators: random key bodies contain "YOur" or "here" by chance.
  if (/(?:^|[-_ .<])(?:your|placeholder|changeme|replaceme|insert|redacted)(?:[-_ .>]|$)/i.test(k)) return true;
  return /x{6,}/i.test(k) || /[-_ ]here$/i.test(k);
}

function charHint(code: number): string {
  if ([0x201c, 0x201d, 0x2018, 0x2019].includes(code)) return ', a typographic quote';
  if (code === 0x200b || code === 0xfeff || code === 0x200c || code === 0x200d) return ', an invisible zero-width character';
  if (code === 0xa0) return ', a non-breaking space';
  if (code === 0x2013 || code === 0x2014) return ', a typographic dash';
  if (code < 0x20 || code === 0x7f) return ', a control character';
  return '';
}

function classifyOpenAI(k: string, base: Omit<LocalAnalysis, 'ok' | 'provider'>): LocalAnalysis {
  const spec = OPENAI_KINDS.find((s) => k.startsWith(s.prefix))!;
  const fail = (reason: string): LocalAnalysis => ({ ...base, ok: false, provider: 'openai', kind: spec.kind, diagnosis: 'malformed_key', reason });
  if (!KEY_CHARS.test(k)) {
    const ch = k[k.search(/[^A-Za-z0-9_-]/)]!;
    return fail(`It contains "${ch}", which never appears in OpenAI keys (a stray quote or punctuation?). Copy the key alone.`);
  }
  if (k.length < MIN_OPENAI_LENGTH) {
    return fail(`It is too short (${k.length} characters; OpenAI keys have 51 or more). Part of it was probably not copied.`);
  }
  const hasMarker = k.includes(OPENAI_MARKER);
  if (!hasMarker && spec.kind === 'user') {
    return {
      ...base,
      ok: false,
      provider: 'other sk- provider',
      kind: 'unknown',
      diagnosis: 'wrong_provider_key',
      reason:
        'It starts with "sk-" but lacks the part every OpenAI key contains: it is probably a key of another service (an OpenAI-compatible relay or reseller), which works only with that service\'s base URL.',
    };
  }
  const kind: KeyKind = spec.kind === 'project' && k.length === 56 ? 'legacy_project' : spec.kind;
  const warnings: string[] = [];
  if (!hasMarker && spec.kind !== 'org') {
    warnings.push('It lacks the part every OpenAI key contains; it may have been cut or altered while copying.');
  }
  if (spec.lengths.length && !spec.lengths.includes(k.length)) {
    warnings.push(`Unusual length: ${k.length} characters (${KIND_NAMES[spec.kind]} usually has ${spec.lengths[0]}). It may be cut short or have extra characters.`);
  }
  if (spec.kind === 'org' && k.length < 56) warnings.push(`Unusual length: ${k.length} characters.`);
  if (kind === 'admin') {
    warnings.push('This is an admin key: it manages the organization (users, projects, keys) and cannot call models. Create a project key for your apps.');
  }
  return { ...base, ok: true, provider: 'openai', kind, warnings };
}

/** "a project key", "a legacy user key", … for "received 164 characters, ending …AbCd: a project key". */
export function describeKind(a: Pick<LocalAnalysis, 'kind' | 'provider'>): string {
  if (a.provider !== 'openai' && a.provider !== 'unknown') {
    if (a.provider === 'other sk- provider') return 'a key of another service (not OpenAI)';
    return `${/^[AEIOU]/.test(a.provider) ? 'an' : 'a'} ${a.provider} key`;
  }
  return a.kind ? KIND_NAMES[a.kind] : 'an API key';
}
