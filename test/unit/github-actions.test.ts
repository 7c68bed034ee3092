import { describe, expect, it } from 'vitest';
import { annotateCheckFailure, annotation, checkAnnotation, escapeData, escapeProperty } from '../../src/platform/github-actions.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { createTestIO } from '../fakes/test-io.js';

const noCredits = {
  ok: false,
  diagnosis: 'no_credits' as const,
  summary: 'The key works, but the account has no credit.',
  fix: 'Add credit on the billing page: 50% of users miss the button.\nThen check again.',
  fixUrl: 'https://platform.openai.com/settings/organization/billing/overview',
};

describe('workflow-command escaping', () => {
  it('percent-encodes %, CR and LF in data, % first so nothing is encoded twice', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeData('%0A')).toBe('%250A');
  });
  it('also encodes : and , in properties, which delimit the command', () => {
    expect(escapeProperty('a: b, c%')).toBe('a%3A b%2C c%25');
  });
});

describe('checkAnnotation', () => {
  it('is one ::error line with the diagnosis as title and summary + fix + URL as message', () => {
    const line = checkAnnotation(noCredits);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      '::error title=OpenAI API key%3A no_credits::The key works, but the account has no credit.%0A' +
        'Add credit on the billing page: 50%25 of users miss the button.%0AThen check again. ' +
        'https://platform.openai.com/settings/organization/billing/overview',
    );
  });
  it('does not repeat the URL when the fix already names it', () => {
    const line = checkAnnotation({ ...noCredits, fix: `Open ${noCredits.fixUrl}` });
    expect(line.match(/billing\/overview/g)).toHaveLength(1);
  });
  it('is a warning for rate_limited, since the key works', () => {
    expect(checkAnnotation({ ...noCredits, diagnosis: 'rate_limited' })).toMatch(/^::warning title=/);
  });
  it('never contains a key, even if one slipped into the text', () => {
    const key = fakeKeys.project();
    const line = annotation('error', `title ${key}`, `message ${key}`);
    expect(line).not.toContain(key);
    expect(line).toContain(key.slice(-4));
  });
});

describe('annotateCheckFailure', () => {
  const gha = { GITHUB_ACTIONS: 'true' };
  it('prints on stdout without --json, as GitHub documents', () => {
    const io = createTestIO();
    expect(annotateCheckFailure({ io, env: gha, options: { json: false } }, noCredits)).toBe(true);
    expect(io.stdoutText()).toMatch(/^::error title=OpenAI API key%3A no_credits::/);
    expect(io.stderrText()).toBe('');
  });
  it('prints on stderr with --json, so stdout stays one JSON object', () => {
    const io = createTestIO();
    annotateCheckFailure({ io, env: gha, options: { json: true } }, noCredits);
    expect(io.stdoutText()).toBe('');
    expect(io.stderrText()).toMatch(/^::error title=/);
  });
  it('prints nothing outside GitHub Actions or when the check is ok', () => {
    const io = createTestIO();
    expect(annotateCheckFailure({ io, env: { CI: 'true' }, options: { json: false } }, noCredits)).toBe(false);
    expect(annotateCheckFailure({ io, env: gha, options: { json: false } }, { ...noCredits, ok: true, diagnosis: 'ok' })).toBe(false);
    expect(io.stdoutText() + io.stderrText()).toBe('');
  });
});
