import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/errors.js';
import { URLS } from '../../src/platform/urls.js';
import { doneStep } from '../../src/steps/done.js';
import { saveKeyStep } from '../../src/steps/save-key.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { FakeStore } from '../fakes/fake-store.js';
import { FakeChecker } from '../fakes/test-context.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

// The step decides *which* targets; writing them is the storage module's job (tested there), so
// here ctx.store is a FakeStore that records what it was asked to save.

const key = fakeKeys.project(31);
const state = () => ({ key: { value: key, source: 'prompt' as const }, savedTo: [] as string[], choices: {} as Record<string, string> });

describe('save-key', () => {
  it('asks per available target, the project .env pre-selected, and reports each save', async () => {
    const store = new FakeStore();
    const ctx = interactiveContext(
      [
        { kind: 'confirm', match: 'Save the key in the project .env file', answer: true },
        { kind: 'confirm', match: 'Also save it in your shell profile', answer: false },
      ],
      { store, state: state() },
    );
    await run(saveKeyStep, ctx);
    expect(store.offerCalls).toBeGreaterThan(0);
    expect(store.saves.map((s) => [s.key, s.targets])).toEqual([[key, ['env']]]);
    expect(ctx.state.savedTo).toEqual(['/p/.env']);
    const text = ctx.io.stderrText();
    expect(text).toContain('✔ /p/.env: saved and read back');
    expect(text).toContain('env note');
    expect(text).toContain('A keychain is not available here: no Secret Service.');
    ctx.prompter.assertDone();
  });

  it('asks nothing when --save is given', async () => {
    const store = new FakeStore();
    const ctx = interactiveContext([], { store, state: state(), options: { save: 'env,shell' as never } });
    await run(saveKeyStep, ctx);
    expect(store.saves.map((s) => [s.key, s.targets])).toEqual([[key, ['env', 'shell']]]);
    expect(ctx.state.savedTo).toEqual(['/p/.env', '/home/me/.bashrc']);
  });

  it('writes nothing with --save none', async () => {
    const store = new FakeStore();
    const ctx = interactiveContext([], { store, state: state(), options: { save: 'none' as never } });
    await run(saveKeyStep, ctx);
    expect(store.saves).toEqual([]);
    expect(ctx.io.stderrText()).toContain('Not saved');
  });

  it('writes nothing by default in non-interactive mode, and says how to ask', async () => {
    const store = new FakeStore();
    const ctx = nonInteractiveContext({ store, state: state() });
    await run(saveKeyStep, ctx);
    expect(store.saves).toEqual([]);
    expect(ctx.io.stderrText()).toContain('--save env');
  });

  it('saves per --save in non-interactive mode', async () => {
    const store = new FakeStore();
    const ctx = nonInteractiveContext({ store, state: state(), options: { save: 'env' as never } });
    await run(saveKeyStep, ctx);
    expect(store.saves.map((s) => [s.key, s.targets])).toEqual([[key, ['env']]]);
  });

  it('asks about the recommended target first when it is not the .env (outside a project)', async () => {
    const store = new FakeStore([
      { target: 'env', label: 'the project file ~/.env', available: true },
      { target: 'shell', label: 'your bash profile ~/.bashrc', available: true },
      { target: 'keychain', label: 'the login keychain', available: true, recommended: true },
    ]);
    const ctx = interactiveContext(
      [
        { kind: 'confirm', match: 'Save the key in the login keychain?', answer: false },
        { kind: 'confirm', match: 'Save it in the project file ~/.env instead?', answer: true },
        { kind: 'confirm', match: 'Also save it in your bash profile', answer: false },
      ],
      { store, state: state() },
    );
    await run(saveKeyStep, ctx);
    expect(store.saves.map((s) => [s.key, s.targets])).toEqual([[key, ['env']]]);
    ctx.prompter.assertDone();
  });

  it('reports a target that could not be saved, and leaves it out of the summary', async () => {
    const store = new FakeStore();
    store.answerNext([
      { target: 'env', location: '/p/.env', verified: true, notes: [] },
      { target: 'keychain', location: 'Secret Service', verified: false, notes: [], error: 'the keychain is locked' },
    ]);
    const ctx = interactiveContext([], { store, state: state(), options: { save: 'env,keychain' as never } });
    await run(saveKeyStep, ctx);
    expect(ctx.io.stderrText()).toContain('✖ Secret Service: not saved (the keychain is locked)');
    expect(ctx.state.savedTo).toEqual(['/p/.env']);
    expect(ctx.state.saves?.map((r) => [r.target, Boolean(r.error)])).toEqual([['env', false], ['keychain', true]]);
  });

  it('fails a non-interactive run whose requested save did not happen (a script must not see exit 0)', async () => {
    const store = new FakeStore();
    store.answerNext([
      { target: 'env', location: '/p/.env', verified: false, notes: [], error: 'that path is a directory, not a file' },
    ]);
    const ctx = nonInteractiveContext({ store, state: state(), options: { save: 'env' as never } });
    const failure = run(saveKeyStep, ctx);
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    // The reason is in the error itself: with --json that object is all a script gets.
    await expect(failure).rejects.toThrow('could not be saved: /p/.env: that path is a directory, not a file');
    expect(ctx.io.stderrText()).toContain('✖ /p/.env: not saved (that path is a directory, not a file)');
    expect(ctx.state.savedTo).toEqual([]);
  });

  it('fails a non-interactive run whose save was written but reads back wrong (exit 1, not a silent ok)', async () => {
    const store = new FakeStore();
    store.answerNext([
      { target: 'env', location: '/p/.env', verified: false, notes: [], warnings: ['Read back with a dotenv parser, /p/.env does not yield this key'] },
    ]);
    const ctx = nonInteractiveContext({ store, state: state(), options: { save: 'env' as never } });
    const failure = run(saveKeyStep, ctx);
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toThrow('reading it back the way a program would does not yield it');
  });

  it('a save that could not be verified at all (the shell is not installed) does not fail the run', async () => {
    const store = new FakeStore();
    store.answerNext([{ target: 'shell', location: '/home/me/.config/fish/conf.d/openai-onboard.fish', verified: false, notes: ['Not verified: fish is not installed here.'] }]);
    const ctx = nonInteractiveContext({ store, state: state(), options: { save: 'shell' as never } });
    expect(await run(saveKeyStep, ctx)).toEqual({ next: 'continue' });
  });

  it('flags a save that could not be read back', async () => {
    const store = new FakeStore();
    store.answerNext([{ target: 'env', location: '/p/.env', verified: false, notes: [] }]);
    const ctx = interactiveContext([], { store, state: state(), options: { save: 'env' as never } });
    await run(saveKeyStep, ctx);
    expect(ctx.io.stderrText()).toContain('! /p/.env: saved, but not read back here (see below)');
  });
});

describe('done', () => {
  it('summarises with the masked key, shows code that reads OPENAI_API_KEY, links usage and limits, clears progress', async () => {
    const checked = await new FakeChecker([{ diagnosis: 'ok' }]).check({ value: key, source: 'prompt' });
    const ctx = interactiveContext([], { state: { ...state(), check: checked, savedTo: ['/p/.env'], saves: [{ target: 'env' as const, location: '/p/.env', verified: true, notes: [] }], choices: {} } });
    await ctx.config.update((c) => {
      c.progress = { done: ['explain-plans'], choices: {}, updatedAt: '2026-11-20T09:30:00.000Z' };
    });
    expect(await run(doneStep, ctx)).toEqual({ next: 'finish' });
    const text = ctx.io.stderrText();
    expect(text).toContain(`${key.slice(0, 8)}…${key.slice(-4)}`);
    expect(text).toContain('Saved:   /p/.env');
    expect(text).toContain("import OpenAI from 'openai'");
    expect(text).toContain('from openai import OpenAI');
    expect(text).toContain('Authorization: Bearer $OPENAI_API_KEY');
    expect(text).toContain('--env-file=.env');
    expect(text).toContain(URLS.usage);
    expect(text).toContain(URLS.limits);
    expect(text).not.toContain(key);
    expect(ctx.io.stdoutText()).toBe('');
    expect((await ctx.config.read()).progress).toBeUndefined();
  });

  it('warns when a different OPENAI_API_KEY in the environment would win over the saved one', async () => {
    const other = fakeKeys.project(99);
    const ctx = interactiveContext([], { env: { OPENAI_API_KEY: other }, state: { ...state(), savedTo: ['/p/.env'], saves: [{ target: 'env' as const, location: '/p/.env', verified: true, notes: [] }], choices: {} } });
    await run(doneStep, ctx);
    expect(ctx.io.stderrText()).toContain(`holds a different key (${other.slice(0, 8)}…${other.slice(-4)})`);
    expect(ctx.io.stderrText()).not.toContain(other);
  });

  it('says the key was not saved, and creates no config file, in a non-interactive run', async () => {
    const ctx = nonInteractiveContext({ state: state() });
    await run(doneStep, ctx);
    expect(ctx.io.stderrText()).toContain('The key was not saved');
    expect(existsSync(ctx.config.path)).toBe(false);
  });

  it('calls the model the check chose from the key\'s model list, and says so', async () => {
    const checked = { ...(await new FakeChecker([{ diagnosis: 'ok' }]).check({ value: key, source: 'prompt' })), exampleModel: 'gpt-7-example' };
    const ctx = interactiveContext([], { state: { ...state(), check: checked } });
    await run(doneStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toContain("They call gpt-7-example, a current model on your key's model list.");
    expect(text).toContain("model: 'gpt-7-example'");
    expect(text).toContain('model="gpt-7-example"');
    expect(text).toContain('"model": "gpt-7-example"');
  });

  it('without a model from the check, calls the current fallback model, never a retiring one', async () => {
    const ctx = interactiveContext([], { state: state() });
    await run(doneStep, ctx);
    const text = ctx.io.stderrText();
    const model = /They call (\S+), a current small model\./.exec(text)?.[1];
    expect(model).toBe('gpt-6-luna');
    expect(text).not.toMatch(/gpt-4o-mini|gpt-4\.1-mini|gpt-5-mini/);
  });

  it('puts the note about a shadowing OPENAI_API_KEY before the code, not after it', async () => {
    const ctx = interactiveContext([], { env: { OPENAI_API_KEY: fakeKeys.project(98) }, state: { ...state(), savedTo: ['/p/.env'], choices: { savedTargets: 'env' } } });
    await run(doneStep, ctx);
    const text = ctx.io.stderrText();
    expect(text.indexOf('holds a different key')).toBeGreaterThan(0);
    expect(text.indexOf('holds a different key')).toBeLessThan(text.indexOf("import OpenAI from 'openai'"));
  });

  it('shows the organization-verification facts: ID, the delay, no simple retry', async () => {
    const ctx = interactiveContext([], { state: state() });
    await run(doneStep, ctx);
    const text = ctx.io.stderrText().replace(/\s+/g, ' ');
    expect(text).toContain('"Verify Organization" on the organization page, with a government-issued photo ID');
    expect(text).toContain('within 15 minutes (the help centre says up to 30)');
    expect(text).toContain('a failed verification cannot simply be retried');
  });
});
