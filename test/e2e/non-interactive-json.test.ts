// --json against the built CLI: exactly one JSON object on stdout, nothing else there, valid against
// the exported schemas (and nothing in it that the schemas do not describe), for results and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkResultSchema, errorOutputSchema, statusSchema, wizardResultSchema } from '../../src/schemas/index.js';
import { apiError, type FakeOpenAI, ok, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type CliResult, runCli, sandbox } from './modes-harness.js';

const key = fakeKeys.project(22);
const noCredits = apiError(429, { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' });

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

/** stdout is one line holding one object that the schema accepts without dropping anything. */
function oneObject<T>(r: CliResult, schema: z.ZodType<T>): T {
  expect(r.timedOut).toBe(false);
  expect(r.stdout + r.stderr).not.toContain(key);
  expect(r.stdout.endsWith('\n')).toBe(true);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines, `stdout:\n${r.stdout}`).toHaveLength(1);
  const value = JSON.parse(lines[0]!) as unknown;
  const parsed = schema.safeParse(value);
  expect(parsed.success, parsed.error?.message).toBe(true);
  expect(parsed.data).toEqual(value);
  return parsed.data as T;
}

async function withEmbeddings<T>(route: Parameters<FakeOpenAI['set']>[1], run: () => Promise<T>): Promise<T> {
  fake.set('embeddings', route);
  try {
    return await run();
  } finally {
    fake.set('embeddings', ok.embeddings());
  }
}

describe('--check-key --json', () => {
  it('ok', async () => {
    const r = await runCli(['--check-key', '--json'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } });
    const result = oneObject(r, checkResultSchema);
    expect(r.code).toBe(0);
    expect(result).toMatchObject({ ok: true, diagnosis: 'ok', key: { source: 'env:OPENAI_API_KEY', masked: `${key.slice(0, 8)}…${key.slice(-4)}` } });
  });
  it('no_credits, exit 5', async () => {
    const r = await withEmbeddings(noCredits, () => runCli(['--check-key', '--json'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } }));
    expect(oneObject(r, checkResultSchema).diagnosis).toBe('no_credits');
    expect(r.code).toBe(5);
  });
  it('missing key, exit 3', async () => {
    const r = await runCli(['--check-key', '--json'], { box: sandbox(fake.url) });
    expect(oneObject(r, checkResultSchema).diagnosis).toBe('missing_key');
    expect(r.code).toBe(3);
  });
  it('in GitHub Actions, the annotation goes to stderr and stdout stays one object', async () => {
    const env = { OPENAI_API_KEY: key, GITHUB_ACTIONS: 'true', CI: 'true' };
    const r = await withEmbeddings(noCredits, () => runCli(['--check-key', '--json'], { box: sandbox(fake.url), env }));
    oneObject(r, checkResultSchema);
    expect(r.stderr).toMatch(/^::error title=OpenAI API key%3A no_credits::/m);
  });
});

describe('wizard --json', () => {
  it('finished: the result object, nothing saved by default', async () => {
    const r = await runCli(['--json'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } });
    const result = oneObject(r, wizardResultSchema);
    expect(r.code, r.stderr).toBe(0);
    expect(result).toMatchObject({ ok: true, diagnosis: 'ok', savedTo: [], exitCode: 0, mode: { interactive: false, reason: 'no-tty' } });
    // The check inside is the same object --check-key --json prints.
    expect(checkResultSchema.parse(result.check)).toEqual(result.check);
  });
  it('stopped by a check: the result object with the diagnosis and its exit code', async () => {
    const r = await withEmbeddings(noCredits, () => runCli(['--json', '--save', 'env'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } }));
    const result = oneObject(r, wizardResultSchema);
    expect(r.code).toBe(5);
    expect(result).toMatchObject({ ok: false, diagnosis: 'no_credits', savedTo: [], exitCode: 5 });
  });
  it('no key: the error object, usage, exit 2, naming the flag', async () => {
    const r = await runCli(['--json'], { box: sandbox(fake.url) });
    const error = oneObject(r, errorOutputSchema);
    expect(r.code).toBe(2);
    expect(error.error.kind).toBe('usage');
    expect(`${error.error.message} ${error.error.hint}`).toContain('--key-stdin');
  });
  it('a string that cannot be a key: the error object, diagnosis malformed_key, exit 4', async () => {
    const r = await runCli(['--json', '--key-stdin'], { box: sandbox(fake.url), stdin: { text: 'https://platform.openai.com/api-keys' } });
    const error = oneObject(r, errorOutputSchema);
    expect(r.code).toBe(4);
    expect(error.error).toMatchObject({ kind: 'diagnosis', diagnosis: 'malformed_key' });
  });
  it('run by an agent: nextStep is the sentence to relay', async () => {
    const r = await withEmbeddings(noCredits, () => runCli(['--json'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key, CODEX_SANDBOX: 'seatbelt', npm_command: 'exec' } }));
    const result = oneObject(r, wizardResultSchema);
    expect(result.mode).toEqual({ interactive: false, reason: 'agent', agent: 'Codex' });
    expect(result.nextStep).toContain('Ask the person to do this:');
    expect(result.nextStep).toContain('Then run `npx openai-onboard --non-interactive --key-browser --save env --json` yourself');
  });
});

describe('errors with --json', () => {
  it('an unknown flag', async () => {
    const r = await runCli(['--json', '--bogus'], { box: sandbox(fake.url) });
    expect(oneObject(r, errorOutputSchema).error.kind).toBe('usage');
    expect(r.code).toBe(2);
  });
  it('a bad flag value', async () => {
    const r = await runCli(['--check-key', '--json', '--save', 'cloud'], { box: sandbox(fake.url) });
    expect(oneObject(r, errorOutputSchema).error.message).toContain('--save');
    expect(r.code).toBe(2);
  });
});

describe('status --json', () => {
  it('one object, valid against the status schema', async () => {
    const r = await runCli(['status', '--json'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } });
    const status = oneObject(r, statusSchema);
    expect(r.code).toBe(0);
    expect(status.winners.sdk.definition).toBe('env');
  });
});
