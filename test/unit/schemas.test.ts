import { PassThrough } from 'node:stream';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ProcessDeps } from '../../src/app.js';
import { CancelledError, DiagnosisError, StorageError, UsageError } from '../../src/errors.js';
import type { CheckResult } from '../../src/key/types.js';
import { maskKey } from '../../src/key/mask.js';
import { reportError } from '../../src/main.js';
import {
  type CheckResultOutput,
  checkKeyOutputSchema,
  checkResultSchema,
  errorOutputSchema,
  wizardOutputSchema,
  wizardResultSchema,
} from '../../src/schemas/index.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { FakeChecker } from '../fakes/test-context.js';

const key = fakeKeys.project();

/** The contract's example, with a masked fake key. */
const contractExample = {
  ok: false,
  diagnosis: 'no_credits',
  summary: 'one sentence in plain words',
  fix: 'what to do next, in plain words',
  fixUrl: 'https://platform.openai.com/settings/organization/billing/overview',
  key: { source: 'env:OPENAI_API_KEY', masked: maskKey(key), kind: 'project', provider: 'openai', length: 164 },
  baseUrl: 'https://api.openai.com/v1',
  checks: [
    { name: 'format', ok: true },
    { name: 'auth', ok: true, status: 200, ms: 140 },
    { name: 'billing', ok: false, status: 429, ms: 150, requestId: 'req_123' },
  ],
  organization: null,
  project: 'proj_abc',
  rateLimits: { requests: 3000, tokens: 1000000 },
};

describe('checkResultSchema', () => {
  it("accepts the contract's example unchanged (no field dropped as unknown)", () => {
    expect(checkResultSchema.parse(contractExample)).toEqual(contractExample);
  });
  it.each(['diagnosis', 'ok', 'summary', 'fix', 'checks', 'key'] as const)('requires %s', (field) => {
    const { [field]: _gone, ...rest } = contractExample;
    expect(checkResultSchema.safeParse(rest).success).toBe(false);
  });
  it.each(['source', 'masked'] as const)('requires key.%s', (field) => {
    const { [field]: _gone, ...keyRest } = contractExample.key;
    expect(checkResultSchema.safeParse({ ...contractExample, key: keyRest }).success).toBe(false);
  });
  it('rejects a whole key in key.masked', () => {
    expect(checkResultSchema.safeParse({ ...contractExample, key: { ...contractExample.key, masked: key } }).success).toBe(false);
  });
  it('rejects an unknown diagnosis and an ok that contradicts it', () => {
    expect(checkResultSchema.safeParse({ ...contractExample, diagnosis: 'broke' }).success).toBe(false);
    expect(checkResultSchema.safeParse({ ...contractExample, ok: true }).success).toBe(false);
    expect(checkResultSchema.safeParse({ ...contractExample, ok: true, diagnosis: 'ok' }).success).toBe(true);
  });
  it('describes what the checker returns (the TypeScript type and the schema agree)', async () => {
    expectTypeOf<CheckResult>().toExtend<CheckResultOutput>();
    const result = await new FakeChecker([{ diagnosis: 'invalid_key' }]).check({ value: key, source: 'stdin' });
    expect(checkResultSchema.parse(result)).toEqual(result);
  });
});

function captureDeps(): { deps: ProcessDeps; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (d: Buffer) => out.push(d.toString()));
  stderr.on('data', (d: Buffer) => err.push(d.toString()));
  const deps = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: '/', home: '/', platform: 'linux', signal: new AbortController().signal } as ProcessDeps;
  return { deps, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('errorOutputSchema: what reportError prints with --json', () => {
  const cases: Array<[string, unknown, string, number]> = [
    ['usage', new UsageError('Missing key.', 'Pipe it with --key-stdin.'), 'usage', 2],
    ['cancelled', new CancelledError(), 'cancelled', 130],
    ['diagnosis', new DiagnosisError('no_credits', 'No credit.'), 'diagnosis', 5],
    ['storage', new StorageError('Could not write .env.'), 'storage', 1],
    ['a bug', new Error('internal: prompt "Paste" asked in non-interactive mode'), 'internal', 1],
  ];
  it.each(cases)('prints one valid object for %s', (_name, error, kind, exitCode) => {
    const io = captureDeps();
    expect(reportError(error, io.deps, true, false)).toBe(exitCode);
    const lines = io.stdout().trim().split('\n');
    expect(lines).toHaveLength(1);
    const parsed = errorOutputSchema.parse(JSON.parse(lines[0]!));
    expect(parsed).toMatchObject({ ok: false, error: { kind }, exitCode });
    expect(checkKeyOutputSchema.safeParse(parsed).success).toBe(true);
    expect(wizardOutputSchema.safeParse(parsed).success).toBe(true);
  });
  it('names the diagnosis of a DiagnosisError, and never prints a key', () => {
    const io = captureDeps();
    reportError(new DiagnosisError('invalid_key', `Rejected ${key}`, `Check ${key}`), io.deps, true, false);
    const parsed = errorOutputSchema.parse(JSON.parse(io.stdout()));
    expect(parsed.error.diagnosis).toBe('invalid_key');
    expect(io.stdout() + io.stderr()).not.toContain(key);
  });
  it('prints nothing on stdout without --json', () => {
    const io = captureDeps();
    reportError(new UsageError('Missing key.'), io.deps, false, false);
    expect(io.stdout()).toBe('');
    expect(io.stderr()).toContain('Missing key.');
  });
});

describe('wizardResultSchema', () => {
  const base = {
    ok: true,
    diagnosis: 'ok',
    check: { ...contractExample, ok: true, diagnosis: 'ok', fixUrl: undefined },
    savedTo: [],
    nextStep: null,
    mode: { interactive: false, reason: 'ci' },
    exitCode: 0,
  };
  it('accepts a finished run and a stopped one', () => {
    expect(wizardResultSchema.safeParse(base).success).toBe(true);
    const stopped = { ...base, ok: false, exitCode: 5, diagnosis: 'no_credits', check: contractExample, nextStep: 'Ask the person to add credit.' };
    expect(wizardResultSchema.safeParse(stopped).success).toBe(true);
  });
  it('keeps the fields consistent', () => {
    expect(wizardResultSchema.safeParse({ ...base, diagnosis: 'no_credits' }).success).toBe(false);
    expect(wizardResultSchema.safeParse({ ...base, exitCode: 5 }).success).toBe(false);
    // Saved, not yet funded ("Save it now and check again later"): the one failure with a saved key.
    expect(wizardResultSchema.safeParse({ ...base, ok: false, exitCode: 5, diagnosis: 'no_credits', check: contractExample, savedTo: ['.env'] }).success).toBe(true);
    const limited = { ...contractExample, diagnosis: 'spend_limit_reached' };
    expect(wizardResultSchema.safeParse({ ...base, ok: false, exitCode: 5, diagnosis: 'spend_limit_reached', check: limited, savedTo: ['.env'] }).success).toBe(false);
  });
});
