import { describe, expect, it } from 'vitest';
import { analyseKey, describeKind, sanitise } from '../../../src/key/analyse.js';
import { body, fakeKeys } from '../../fakes/fake-keys.js';

const MARK = ['T3Bl', 'bkFJ'].join('');

describe('sanitise', () => {
  const key = fakeKeys.project();
  it.each([
    ['whitespace and newline', `  ${key}\n`],
    ['double quotes', `"${key}"`],
    ['single quotes', `'${key}'`],
    ['typographic quotes', `\u201c${key}\u201d`],
    ['Bearer prefix', `Bearer ${key}`],
    ['Authorization header', `Authorization: Bearer ${key}`],
    ['.env line', `OPENAI_API_KEY=${key}`],
    ['quoted .env line', `OPENAI_API_KEY="${key}"`],
    ['export line', `export OPENAI_API_KEY='${key}'`],
    ['PowerShell line', `$env:OPENAI_API_KEY = "${key}"`],
    ['CRLF', `${key}\r\n`],
    ['byte-order mark', `\ufeff${key}`],
  ])('removes %s', (_name, raw) => {
    expect(sanitise(raw)).toBe(key);
    expect(analyseKey(raw)).toMatchObject({ ok: true, kind: 'project', cleaned: key });
  });
});

describe('analyseKey: OpenAI kinds', () => {
  it.each([
    ['project', fakeKeys.project(), 164],
    ['service_account', fakeKeys.serviceAccount(), 167],
    ['admin', fakeKeys.admin(), 133],
    ['user', fakeKeys.legacyUser(), 51],
    ['legacy_project', fakeKeys.shortProject(), 56],
  ])('recognises a %s key', (kind, key, length) => {
    const a = analyseKey(key);
    expect(a).toMatchObject({ ok: true, kind, provider: 'openai', length });
    expect(a.masked).toBe(`${key.slice(0, 8)}…${key.slice(-4)}`);
    if (kind !== 'admin') expect(a.warnings).toEqual([]);
  });

  it('warns that an admin key cannot call models, but still checks it', () => {
    const a = analyseKey(fakeKeys.admin());
    expect(a.ok).toBe(true);
    expect(a.warnings.join(' ')).toMatch(/cannot call models/);
  });

  it('recognises an sk-None- organization key', () => {
    expect(analyseKey(`sk-None-${body(56)}`)).toMatchObject({ ok: true, kind: 'org' });
  });

  it('warns, without refusing, on an unusual length', () => {
    const a = analyseKey(fakeKeys.project().slice(0, 150));
    expect(a.ok).toBe(true);
    expect(a.warnings.join(' ')).toMatch(/Unusual length: 150/);
  });

  it('describes kinds in plain words', () => {
    expect(describeKind(analyseKey(fakeKeys.project()))).toBe('a project key');
    expect(describeKind(analyseKey(fakeKeys.legacyUser()))).toBe('a legacy user key');
    expect(describeKind(analyseKey(fakeKeys.anthropic()))).toBe('an Anthropic key');
  });
});

describe('analyseKey: other providers', () => {
  it.each([
    ['Anthropic', fakeKeys.anthropic()],
    ['Anthropic', `sk-${'ant'}-admin01-${body(90)}`],
    ['Anthropic', `sk-${'ant'}-oat01-${body(90)}`],
    ['OpenRouter', fakeKeys.openRouter()],
    ['Google', fakeKeys.google()],
    ['Google', `AQ.${body(50)}`],
    ['Groq', fakeKeys.groq()],
    ['xAI', `xai-${body(80)}`],
    ['Hugging Face', `hf_${body(34)}`],
    ['Perplexity', `pplx-${body(48)}`],
    ['Replicate', `r8_${body(37)}`],
    ['NVIDIA', `nvapi-${body(64)}`],
    ['DeepSeek', fakeKeys.deepseek()],
    ['Azure OpenAI', body(32, 3, '0123456789abcdef')],
  ])('names a %s key as wrong_provider_key', (provider, key) => {
    const a = analyseKey(key);
    expect(a).toMatchObject({ ok: false, diagnosis: 'wrong_provider_key', provider });
    expect(a.reason).not.toContain(key);
  });

  it("calls an sk- key without OpenAI's marker a relay's key", () => {
    const a = analyseKey(`sk-${body(48, 11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`);
    expect(a).toMatchObject({ ok: false, diagnosis: 'wrong_provider_key' });
    expect(a.reason).toMatch(/relay/);
  });
});

describe('analyseKey: what cannot be a key', () => {
  const key = fakeKeys.project();
  it.each([
    ['empty', '', /empty/],
    ['only quotes', '""', /empty/],
    ['a URL', 'https://platform.openai.com/api-keys', /web address/],
    ['a placeholder', 'your-api-key', /placeholder/],
    ['a placeholder .env line', 'OPENAI_API_KEY=your_openai_api_key_here', /placeholder/],
    ['sk-...', 'sk-...', /placeholder/],
    ['<...>', '<OPENAI_API_KEY>', /placeholder/],
    ['xxxx', 'sk-xxxxxxxxxxxxxxxxxxxx', /placeholder/],
    ['an unexpanded variable', '$OPENAI_API_KEY', /placeholder/],
    ['a dashboard-masked key', `sk-proj-\u2026${key.slice(-4)}`, /masked/],
    ['a key masked with ***', `sk-proj-***${key.slice(-4)}`, /masked/],
    ['inner whitespace', `${key.slice(0, 80)} ${key.slice(80)}`, /space or line break/],
    ['two keys', `${key}\n${fakeKeys.project(9)}`, /more than one key/],
    ['a zero-width space', `${key.slice(0, 50)}\u200b${key.slice(50)}`, /zero-width/],
    ['a Cyrillic letter', `${key.slice(0, 50)}\u0430${key.slice(51)}`, /U\+0430/],
    ['an emoji', `${key.slice(0, 50)}\u{1f511}${key.slice(51)}`, /U\+1F511/],
    ['a Latin-1 letter', `${key.slice(0, 50)}\u00e9${key.slice(51)}`, /U\+00E9/],
    ['a stray quote', `${key}"`, /never appears/],
    ['too short', 'sk-proj-abc', /too short/],
    ['a session token', `sess-${body(40)}`, /browser session token/],
    ['an organization ID', 'org-AbCdEfGhIjKlMnOp', /organization ID/],
    ['a key pasted twice', `${key}${key}`, /pasted twice/],
    ['random words', 'hello', /too short/],
  ])('rejects %s', (_name, raw, reason) => {
    const a = analyseKey(raw);
    expect(a.ok).toBe(false);
    expect(a.diagnosis).toBe('malformed_key');
    expect(a.reason).toMatch(reason);
    if (a.cleaned.length >= 8) expect(a.reason).not.toContain(a.cleaned);
  });

  it('keeps control characters out of the masked form', () => {
    const a = analyseKey(`sk-proj-\u001b[31m${MARK}`);
    expect(a.masked).not.toMatch(/\u001b/);
  });
});

describe('analyseKey: length', () => {
  it('refuses a string longer than any key format allows (plus a margin), so it is never sent', () => {
    const a = analyseKey(fakeKeys.project() + body(200, 77));
    expect(a).toMatchObject({ ok: false, diagnosis: 'malformed_key' });
    expect(a.reason).toMatch(/^It is 364 characters long, longer than any API key/);
  });
  it('still accepts the longest real kind', () => {
    expect(analyseKey(fakeKeys.serviceAccount()).ok).toBe(true);
  });
});
