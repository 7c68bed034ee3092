// The whole wizard in process: every real step, the real config store and the real storage module,
// with fakes only at the edges (prompts, browser, key checker). Files go to temp directories.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, UsageError } from '../../src/errors.js';
import type { Context } from '../../src/context.js';
import { URLS } from '../../src/platform/urls.js';
import { WIZARD_STEPS } from '../../src/steps/index.js';
import { runSteps } from '../../src/steps/run-steps.js';
import { availableTargets } from '../../src/store/save.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { CANCEL, type Expectation, FakePrompter } from '../fakes/fake-prompter.js';
import { createTestContext, FakeChecker, type TestContext } from '../fakes/test-context.js';
import { nonInteractiveContext } from '../steps/helpers.js';

const key = fakeKeys.project(41);

/** A fresh project directory (package.json makes it one, so .env is the recommended target). */
function project(ctx: Context): string {
  mkdirSync(ctx.cwd, { recursive: true });
  mkdirSync(ctx.home, { recursive: true });
  writeFileSync(join(ctx.cwd, 'package.json'), '{}\n');
  return join(ctx.cwd, '.env');
}

/** Answers for the save question: yes to the recommended .env, no to whatever else this machine offers. */
async function saveAnswers(ctx: Context): Promise<Expectation[]> {
  const offered = (await availableTargets(ctx)).filter((o) => o.available && o.target !== 'env');
  return [
    { kind: 'confirm', match: 'Save the key in the project file', answer: true },
    ...offered.map((): Expectation => ({ kind: 'confirm', match: 'Also save it in', answer: false })),
  ];
}

const upToPaste: Expectation[] = [
  { kind: 'pressEnter', match: 'Press Enter to begin', answer: '' },
  { kind: 'pressEnter', match: 'signed in', answer: '' },
  { kind: 'select', match: 'Is there credit on the account now?', answer: 'added' },
  { kind: 'pressEnter', match: 'copied the key', answer: '' },
];

function expectNoKeyAnywhere(ctx: TestContext): void {
  const piece = key.slice(8, 40);
  expect(ctx.io.stderrText()).not.toContain(piece);
  expect(ctx.io.stdoutText()).toBe('');
  if (existsSync(ctx.config.path)) expect(readFileSync(ctx.config.path, 'utf8')).not.toContain(piece);
}

describe('the interactive wizard, in process', () => {
  it('a key pasted at the "copied the key" pause is checked and saved without a second paste', async () => {
    const ctx = createTestContext({ checker: new FakeChecker([{ diagnosis: 'ok' }]) });
    const envFile = project(ctx);
    const pastedAtPause = upToPaste.map((e) => (e.match === 'copied the key' ? { ...e, pasted: key } : e));
    ctx.prompter.expect(...pastedAtPause, ...(await saveAnswers(ctx)));
    await runSteps(ctx, WIZARD_STEPS);
    ctx.prompter.assertDone();
    expect(ctx.prompter.asked.some((p) => p.kind === 'password')).toBe(false);
    expect(readFileSync(envFile, 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
    expectNoKeyAnywhere(ctx);
  });

  it('takes a newcomer from the plans explanation to a saved, checked key', async () => {
    const ctx = createTestContext({ checker: new FakeChecker([{ diagnosis: 'no_credits' }, { diagnosis: 'ok' }]) });
    const envFile = project(ctx);
    ctx.prompter.expect(
      ...upToPaste,
      { kind: 'password', match: 'Paste your API key', answer: 'sk-proj-…AbCd' }, // copied masked from the dashboard
      { kind: 'password', match: 'Paste your API key', answer: key },
      { kind: 'select', match: 'check again once the balance shows credit', answer: 'retry' },
      ...(await saveAnswers(ctx)),
    );
    await runSteps(ctx, WIZARD_STEPS);
    ctx.prompter.assertDone();
    expect(ctx.browser.opened).toEqual([URLS.signIn, URLS.billing, URLS.apiKeys, URLS.billing]);
    expect(readFileSync(envFile, 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const text = ctx.io.stderrText();
    expect(text).toMatch(/Step 1 of 7: ChatGPT plans vs the API[\s\S]*Step 7 of 7: Save the key[\s\S]*All set/);
    expect(text).toContain(`Received ${key.length} characters, ending …${key.slice(-4)}: a project key.`);
    const config = await ctx.config.read();
    expect(config.progress).toBeUndefined();
    expect(config.lastCheck?.diagnosis).toBe('ok');
    expect(config.saved.map((s) => s.location)).toContain(envFile);
    expectNoKeyAnywhere(ctx);
  });

  it('after Ctrl-C at the key prompt, nothing is saved and the next run continues where it left off', async () => {
    const first = createTestContext();
    const envFile = project(first);
    first.prompter.expect(...upToPaste, { kind: 'password', match: 'Paste your API key', answer: CANCEL });
    await expect(runSteps(first, WIZARD_STEPS)).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(envFile)).toBe(false);
    expect((await first.config.read()).progress?.done).toEqual(['explain-plans', 'sign-in', 'credits', 'create-key']);

    const second = createTestContext({ config: first.config, cwd: first.cwd, home: first.home, prompter: new FakePrompter() });
    second.prompter.expect(
      { kind: 'confirm', match: 'Continue where you left off?', answer: true },
      { kind: 'password', match: 'Paste your API key', answer: key },
      ...(await saveAnswers(second)),
    );
    await runSteps(second, WIZARD_STEPS);
    second.prompter.assertDone();
    expect(second.browser.opened).toEqual([]);
    expect(second.state.choices).toMatchObject({ billing: 'added' });
    expect(readFileSync(envFile, 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
    expect((await second.config.read()).progress).toBeUndefined();
  });

  it('checks an existing OPENAI_API_KEY instead of starting over, and can paste another after invalid_key (the keys page opens once)', async () => {
    const other = fakeKeys.project(42);
    const checker = new FakeChecker([{ diagnosis: 'invalid_key' }, { diagnosis: 'invalid_key' }, { diagnosis: 'ok' }]);
    const ctx = createTestContext({ checker, env: { OPENAI_API_KEY: other } });
    project(ctx);
    ctx.prompter.expect(
      { kind: 'confirm', match: 'Check this key instead of starting over?', answer: true },
      { kind: 'select', match: 'What now?', answer: 'paste' },
      { kind: 'password', match: 'Paste your API key', answer: fakeKeys.project(43) },
      { kind: 'select', match: 'What now?', answer: 'paste' },
      { kind: 'password', match: 'Paste your API key', answer: key },
      ...(await saveAnswers(ctx)),
    );
    await runSteps(ctx, WIZARD_STEPS);
    expect(checker.calls.map((c) => c.source)).toEqual(['env:OPENAI_API_KEY', 'prompt', 'prompt']);
    expect(ctx.browser.opened).toEqual([URLS.apiKeys]);
    // The environment still holds the old key, which would shadow the saved one: the summary says so.
    expect(ctx.io.stderrText()).toContain('holds a different key');
  });
});

describe('the non-interactive wizard, in process', () => {
  it('prints every page, takes OPENAI_API_KEY, saves per --save and asks nothing', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: key }, options: { save: 'env' as never } });
    const envFile = project(ctx);
    await runSteps(ctx, WIZARD_STEPS);
    const text = ctx.io.stderrText();
    for (const url of [URLS.signIn, URLS.billing, URLS.limits, URLS.apiKeys, URLS.usage]) expect(text).toContain(url);
    expect(ctx.prompter.asked).toEqual([]);
    expect(readFileSync(envFile, 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
    expectNoKeyAnywhere(ctx);
  });

  it('saves nothing by default', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: key } });
    const envFile = project(ctx);
    await runSteps(ctx, WIZARD_STEPS);
    expect(existsSync(envFile)).toBe(false);
    expect(existsSync(ctx.config.path)).toBe(false);
  });

  it('fails with a usage error when there is no key', async () => {
    const ctx = nonInteractiveContext();
    project(ctx);
    await expect(runSteps(ctx, WIZARD_STEPS)).rejects.toBeInstanceOf(UsageError);
  });

  it('fails with the diagnosis and writes nothing when the check fails', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: key }, options: { save: 'env' as never }, checker: new FakeChecker([{ diagnosis: 'no_credits' }]) });
    const envFile = project(ctx);
    const end = await runSteps(ctx, WIZARD_STEPS);
    expect(end).toMatchObject({ ended: 'check-failed', check: { diagnosis: 'no_credits' }, error: { diagnosis: 'no_credits' } });
    expect(existsSync(envFile)).toBe(false);
    expect(existsSync(ctx.config.path)).toBe(false);
  });
});
