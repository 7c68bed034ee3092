import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
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
      '3000 requests, 1000000 tokens per minute',
      'billing 429 (150 ms, req_1)',
      'Run:          openai-onboard explain no_credits',
    ]) expect(text).toContain(part);
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
