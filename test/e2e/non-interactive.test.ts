// The built CLI where nobody can answer a prompt: stdin closed, /dev/null, an open pipe nobody writes
// to, a pipe with the key. Never a prompt, never a hang (kill timer), the contract's exit codes, nothing
// written unless --save asks, and the key never echoed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, type FakeOpenAI, ok, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { anyFileContains, type CliResult, filesUnder, runCli, sandbox, type StdinMode } from './modes-harness.js';

const key = fakeKeys.project(21);
const noCredits = apiError(429, {
  message: 'You exceeded your current quota, please check your plan and billing details.',
  type: 'insufficient_quota',
  code: 'insufficient_quota',
});

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

/** What every run must satisfy: finished on its own, no prompt, no internal error, no key. */
function expectClean(r: CliResult): void {
  expect(r.timedOut, `the run hung\n${r.stderr}`).toBe(false);
  expect(r.stderr).not.toContain('asked in non-interactive mode');
  expect(r.stderr).not.toMatch(/Unexpected error/);
  expect(r.stdout + r.stderr).not.toContain(key);
}

describe('the wizard without a terminal', () => {
  const stdins: StdinMode[] = ['ignore', 'closed', 'devnull', 'open-pipe'];
  it.each(stdins)('with stdin %s: finishes with OPENAI_API_KEY, prompts for nothing, saves nothing', async (stdin) => {
    const box = sandbox(fake.url);
    const r = await runCli([], { box, stdin, env: { OPENAI_API_KEY: key } });
    expectClean(r);
    expect(r.code, r.stderr).toBe(0);
    // The pages a person needs are printed, with what to do there.
    expect(r.stderr).toContain('https://platform.openai.com/settings/organization/api-keys');
    expect(r.stderr).toContain('https://platform.openai.com/settings/organization/billing/overview');
    // --save none is the default: no .env, and no key in the config dir.
    expect(filesUnder(box.cwd)).toEqual([]);
    expect(anyFileContains(box.configDir, key)).toBe(false);
    expect(anyFileContains(box.home, key)).toBe(false);
  });

  it('takes the key from --key-stdin through a pipe', async () => {
    const box = sandbox(fake.url);
    const r = await runCli(['--key-stdin'], { box, stdin: { text: `${key}\n` } });
    expectClean(r);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(box.cwd, '.env'))).toBe(false);
  });

  it('without a key, is a usage error (2) naming --key-stdin and OPENAI_API_KEY', async () => {
    const box = sandbox(fake.url);
    const r = await runCli([], { box, stdin: 'ignore' });
    expectClean(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--key-stdin');
    expect(r.stderr).toContain('OPENAI_API_KEY');
  });

  it('with --save env, writes ./.env only after the check passes', async () => {
    const box = sandbox(fake.url);
    const r = await runCli(['--save', 'env'], { box, env: { OPENAI_API_KEY: key } });
    expectClean(r);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toContain('OPENAI_API_KEY=');
  });

  it('with no credit: exit 5, and nothing written even with --save env', async () => {
    const box = sandbox(fake.url);
    fake.set('embeddings', noCredits);
    try {
      const r = await runCli(['--save', 'env'], { box, env: { OPENAI_API_KEY: key } });
      expectClean(r);
      expect(r.code, r.stderr).toBe(5);
      expect(filesUnder(box.cwd)).toEqual([]);
      expect(anyFileContains(box.configDir, key)).toBe(false);
    } finally {
      fake.set('embeddings', ok.embeddings());
    }
  });
});

describe('--check-key without a terminal', () => {
  it('ok: exit 0', async () => {
    const r = await runCli(['--check-key'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } });
    expectClean(r);
    expect(r.code, r.stderr).toBe(0);
  });
  it('no key anywhere: missing_key, exit 3', async () => {
    const r = await runCli(['--check-key'], { box: sandbox(fake.url), stdin: 'devnull' });
    expectClean(r);
    expect(r.code, r.stderr).toBe(3);
  });
  it('--key-stdin with empty stdin: missing_key, exit 3', async () => {
    const r = await runCli(['--check-key', '--key-stdin'], { box: sandbox(fake.url), stdin: { text: '' } });
    expectClean(r);
    expect(r.code, r.stderr).toBe(3);
  });
  it('no credit: exit 5', async () => {
    fake.set('embeddings', noCredits);
    try {
      const r = await runCli(['--check-key'], { box: sandbox(fake.url), env: { OPENAI_API_KEY: key } });
      expectClean(r);
      expect(r.code, r.stderr).toBe(5);
    } finally {
      fake.set('embeddings', ok.embeddings());
    }
  });
  it('changes nothing on disk', async () => {
    const box = sandbox(fake.url);
    await runCli(['--check-key'], { box, env: { OPENAI_API_KEY: key } });
    expect(filesUnder(box.cwd)).toEqual([]);
    expect(anyFileContains(box.configDir, key)).toBe(false);
  });
});

describe('GitHub Actions', () => {
  const gha = { GITHUB_ACTIONS: 'true', CI: 'true', OPENAI_API_KEY: key };
  it('a failed check prints an ::error annotation on stdout', async () => {
    fake.set('embeddings', noCredits);
    try {
      const r = await runCli(['--check-key'], { box: sandbox(fake.url), env: gha });
      expectClean(r);
      expect(r.code).toBe(5);
      const line = r.stdout.split('\n').find((l) => l.startsWith('::error '));
      expect(line).toMatch(/^::error title=OpenAI API key%3A no_credits::\S/);
      expect(line).not.toMatch(/[\r]/);
    } finally {
      fake.set('embeddings', ok.embeddings());
    }
  });
  it('an ok check prints no annotation', async () => {
    const r = await runCli(['--check-key'], { box: sandbox(fake.url), env: gha });
    expectClean(r);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('::error');
  });
});

describe('the bundle', () => {
  it('never opens /dev/tty (prompts read the stdin they are given, and only in interactive mode)', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(new URL(f, dist), 'utf8'), f).not.toContain('/dev/tty');
  });
  it('does not contain the output schemas (they are for consumers and tests; zod stays off the hot path)', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    // A refinement message that exists only in src/schemas/check-result.ts.
    for (const f of files) expect(readFileSync(new URL(f, dist), 'utf8'), f).not.toContain('ok is true exactly when the diagnosis');
  });
});
