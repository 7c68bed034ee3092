import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosisError, UsageError } from '../../../src/errors.js';
import { missingKeyResult } from '../../../src/key/check.js';
import { checkResultJson, renderCheckResult } from '../../../src/key/report.js';
import { resolveKey } from '../../../src/key/sources.js';
import type { CheckResult } from '../../../src/key/types.js';
import { optionsSchema } from '../../../src/options.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { createTestContext } from '../../fakes/test-context.js';
import { createTestIO } from '../../fakes/test-io.js';

describe('resolveKey', () => {
  const key = fakeKeys.project();

  it('--key-stdin reads the whole input, trimmed, and nothing else', async () => {
    const ctx = createTestContext({ stdin: `${key}\n`, options: { keyStdin: true }, env: { OPENAI_API_KEY: fakeKeys.legacyUser() } });
    expect(await resolveKey(ctx)).toEqual({ value: key, source: 'stdin' });
  });

  it('--key-stdin with empty input finds no key (no fallback to the environment)', async () => {
    const ctx = createTestContext({ stdin: '  \n', options: { keyStdin: true }, env: { OPENAI_API_KEY: key } });
    expect(await resolveKey(ctx)).toBeUndefined();
  });

  it('--key-stdin on a terminal is a usage error with the pipe hint', async () => {
    const ctx = createTestContext({ options: { keyStdin: true } });
    Object.assign(ctx.io, { stdinIsTTY: true });
    const error = await resolveKey(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toContain('printenv OPENAI_API_KEY | openai-onboard --check-key --key-stdin');
  });

  it('then $OPENAI_API_KEY, then the .env file', async () => {
    const ctx = createTestContext({ env: { OPENAI_API_KEY: key } });
    expect(await resolveKey(ctx)).toEqual({ value: key, source: 'env:OPENAI_API_KEY' });

    const fromFile = createTestContext();
    mkdirSync(fromFile.cwd, { recursive: true });
    writeFileSync(`${fromFile.cwd}/.env`, `# comment\nOTHER=1\nOPENAI_API_KEY="${key}"\n`);
    expect(await resolveKey(fromFile)).toEqual({ value: key, source: 'file:.env' });
  });

  it('--key-stdin refuses more than a few KB as malformed_key, saying how many bytes there were', async () => {
    const ctx = createTestContext({ stdin: key + 'A'.repeat(20_000), options: { keyStdin: true } });
    const error = await resolveKey(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosisError);
    expect(error).toMatchObject({ diagnosis: 'malformed_key' });
    expect((error as Error).message).toBe(
      `Standard input held ${key.length + 20_000} bytes: far more than any key, so it was not taken as one (only its first 4096 bytes were kept, and then dropped). Nothing was sent.`,
    );
  });

  it('finds nothing when no source has a key', async () => {
    expect(await resolveKey(createTestContext())).toBeUndefined();
  });
});

describe('report', () => {
  const result: CheckResult = {
    ok: false,
    diagnosis: 'no_credits',
    summary: 'The key is valid, but the API account has no credit.',
    fix: 'Add credit.',
    fixUrl: 'https://platform.openai.com/settings/organization/billing/overview',
    key: { source: 'env:OPENAI_API_KEY', masked: 'sk-proj-…AbCd', kind: 'project', provider: 'openai', length: 164 },
    baseUrl: 'https://api.openai.com/v1',
    checks: [{ name: 'format', ok: true }, { name: 'auth', ok: true, status: 200, ms: 140 }, { name: 'billing', ok: false, status: 429, ms: 150, requestId: 'req_1' }],
    organization: 'org-abc',
    project: null,
    rateLimits: { requests: 3000, tokens: 1000000 },
  };

  it('tells a person what is wrong, what to do, which page, which key and where to read more', () => {
    const text = renderCheckResult(result, createTestIO());
    for (const part of [
      'no_credits',
      result.summary,
      'Add credit.',
      result.fixUrl!,
      'sk-proj-…AbCd (a project key, 164 characters) from the OPENAI_API_KEY environment variable',
      'org-abc',
      'billing 429 (150 ms, req_1)',
      'Run:          openai-onboard explain no_credits',
    ]) expect(text).toContain(part);
    expect(text).not.toContain('per minute');
    expect(renderCheckResult(result, createTestIO(), { verbose: true })).toContain('3000 requests, 1000000 tokens per minute');
  });

  it('says less for a working key on the defaults: developer details only with --verbose', () => {
    const working: CheckResult = {
      ...result,
      ok: true,
      diagnosis: 'ok',
      summary: 'The key works.',
      checks: [{ name: 'format', ok: true }, { name: 'auth', ok: true, status: 200, ms: 140, requestId: 'req_a' }],
      environment: ['NO_PROXY'],
      exampleModel: 'gpt-5-mini',
    };
    const quiet = renderCheckResult(working, createTestIO());
    for (const detail of ['org-abc', 'req_a', 'per minute', 'Environment', 'Checks', 'https://api.openai.com/v1']) expect(quiet).not.toContain(detail);
    const verbose = renderCheckResult(working, createTestIO(), { verbose: true });
    for (const detail of ['org-abc', 'req_a', 'per minute', 'NO_PROXY set', 'gpt-5-mini']) expect(verbose).toContain(detail);
    // A base URL that is not the default is always named: a stale one breaks a good key.
    expect(renderCheckResult({ ...working, baseUrl: 'http://127.0.0.1:8080/v1' }, createTestIO())).toContain('http://127.0.0.1:8080/v1');
  });

  it('JSON follows the contract: fields in order, nothing else', () => {
    expect(Object.keys(checkResultJson(result))).toEqual([
      'ok', 'diagnosis', 'summary', 'fix', 'fixUrl', 'key', 'baseUrl', 'checks', 'organization', 'project', 'rateLimits',
    ]);
  });

  it('missing_key names OPENAI_API_KEY and --key-stdin', () => {
    const r = missingKeyResult(optionsSchema.parse({}), {});
    expect(r).toMatchObject({ diagnosis: 'missing_key', key: { source: 'none' } });
    expect(`${r.summary} ${r.fix}`).toMatch(/OPENAI_API_KEY[\s\S]*--key-stdin/);
  });
});
