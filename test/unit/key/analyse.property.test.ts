// Property-based tests: thousands of generated strings, the analysis never throws, never accepts a
// string that cannot be a key, and never puts the key into its reason.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { analyseKey } from '../../../src/key/analyse.js';

const MARK = ['T3Bl', 'bkFJ'].join('');
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('');
const keyBody = (n: number) => fc.array(fc.constantFrom(...KEY_ALPHABET), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** Real-shaped OpenAI keys of every kind, built at run time. */
const openAIKey = fc.oneof(
  fc.tuple(keyBody(74), keyBody(74)).map(([a, b]) => ({ kind: 'project', key: `sk-proj-${a}${MARK}${b}` })),
  fc.tuple(keyBody(74), keyBody(74)).map(([a, b]) => ({ kind: 'service_account', key: `sk-svcacct-${a}${MARK}${b}` })),
  fc.tuple(keyBody(58), keyBody(58)).map(([a, b]) => ({ kind: 'admin', key: `sk-admin-${a}${MARK}${b}` })),
);

/** Everything analysis accepts must be one unbroken run of key characters starting with sk-. */
function acceptedShapeHolds(raw: string): boolean {
  const a = analyseKey(raw);
  if (!a.ok) return a.diagnosis === 'malformed_key' || a.diagnosis === 'wrong_provider_key';
  return /^sk-[A-Za-z0-9_-]{37,}$/.test(a.cleaned) && a.provider === 'openai';
}

function reasonIsClean(raw: string): boolean {
  const a = analyseKey(raw);
  if (a.ok || a.cleaned.length < 8) return true;
  const middle = a.cleaned.slice(8, -4);
  if (a.reason!.includes(a.cleaned)) return false;
  // A short middle can be a substring of the fixed wording ("sk-proj-"), so only long ones count.
  return middle.length < 16 || (!a.reason!.includes(middle) && !a.masked.includes(middle));
}

describe('analyseKey properties', () => {
  it('never throws and only accepts sk- strings of key characters (any unicode input)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), acceptedShapeHolds), { numRuns: 3000 });
  });

  it('never throws on strings made of key-ish characters and decorations', () => {
    const piece = fc.constantFrom('sk-', 'sk-proj-', MARK, ' ', '"', "'", '\n', '…', '***', 'Bearer ', 'OPENAI_API_KEY=', 'https://', '\u200b', 'é');
    const raw = fc.array(fc.oneof(piece, keyBody(8)), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(raw, (s) => acceptedShapeHolds(s) && reasonIsClean(s)), { numRuns: 3000 });
  });

  it('accepts every real-shaped key, with any common wrapping, and names its kind', () => {
    const wrap = fc.constantFrom((k: string) => k, (k: string) => ` ${k}\n`, (k: string) => `"${k}"`, (k: string) => `Bearer ${k}`,
      (k: string) => `export OPENAI_API_KEY='${k}'`, (k: string) => `OPENAI_API_KEY=${k}`);
    fc.assert(
      fc.property(openAIKey, wrap, ({ kind, key }, w) => {
        const a = analyseKey(w(key));
        return a.ok && a.cleaned === key && a.kind === kind && !a.masked.includes(key.slice(8, -4));
      }),
      { numRuns: 1500 },
    );
  });

  it('rejects a real-shaped key with whitespace, a non-ASCII character or an ellipsis inside', () => {
    const intruder = fc.oneof(
      fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u200b', '\u2026', '\u201c', '\u00e9', '\u0430', '\u{1f511}', '***', '...'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/^[\x21-\x7e]$/.test(c)),
    );
    fc.assert(
      fc.property(openAIKey, intruder, fc.integer({ min: 1, max: 130 }), ({ key }, bad, at) => {
        const broken = key.slice(0, at) + bad + key.slice(at);
        const a = analyseKey(broken);
        return !a.ok && a.diagnosis === 'malformed_key' && !a.reason!.includes(key.slice(8, -4));
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a key copied masked from the dashboard', () => {
    fc.assert(
      fc.property(openAIKey, fc.constantFrom('\u2026', '...', '***', '****************'), ({ key }, dots) => {
        const a = analyseKey(`${key.slice(0, 8)}${dots}${key.slice(-4)}`);
        return !a.ok && a.diagnosis === 'malformed_key';
      }),
      { numRuns: 500 },
    );
  });

  it('rejects any URL', () => {
    fc.assert(fc.property(fc.webUrl(), (url) => !analyseKey(url).ok), { numRuns: 1000 });
  });

  it('does not accept other providers\u2019 keys as OpenAI keys', () => {
    const other = fc.oneof(
      keyBody(95).map((b) => `sk-ant-api03-${b}`),
      fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sk-or-v1-${h}`),
      fc.stringMatching(/^[0-9a-f]{32}$/).map((h) => `sk-${h}`),
      fc.stringMatching(/^[0-9a-f]{32}$/),
      keyBody(52).map((b) => `gsk_${b}`),
    );
    fc.assert(fc.property(other, (k) => analyseKey(k).diagnosis === 'wrong_provider_key'), { numRuns: 1000 });
  });

  it('the checker-side invariant: ok implies the string is safe to put in an HTTP header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const a = analyseKey(s);
        return !a.ok || [...a.cleaned].every((c) => c.charCodeAt(0) >= 0x21 && c.charCodeAt(0) <= 0x7e);
      }),
      { numRuns: 2000 },
    );
  });
});
