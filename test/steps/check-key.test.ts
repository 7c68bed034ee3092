import { describe, expect, it } from 'vitest';
import { CancelledError, DiagnosisError, exitCodeFor } from '../../src/errors.js';
import type { CheckResult, KeyChecker } from '../../src/key/types.js';
import { fingerprint } from '../../src/key/mask.js';
import { URLS } from '../../src/platform/urls.js';
import { ACTION_NAMES } from '../../src/content/recovery.js';
import { AUTO_RECHECK_MS, checkKeyStep } from '../../src/steps/check-key.js';
import type { StopOutcome } from '../../src/steps/step.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type Expectation, WAIT } from '../fakes/fake-prompter.js';
import { FakeChecker, fakeClock } from '../fakes/test-context.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

const key = fakeKeys.project(21);
const withKey = (results: ConstructorParameters<typeof FakeChecker>[0], prompts: Expectation[] = []) => {
  const checker = new FakeChecker(results);
  const ctx = interactiveContext(prompts, { checker, state: { key: { value: key, source: 'prompt' }, savedTo: [], choices: {} } });
  return { ctx, checker };
};

describe('check-key', () => {
  it('checks the key, shows the result and records the outcome without the key', async () => {
    const { ctx, checker } = withKey([{ diagnosis: 'ok', summary: 'The key works and can spend.' }]);
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'continue' });
    expect(checker.calls).toEqual([{ value: key, source: 'prompt' }]);
    expect(ctx.state.check?.diagnosis).toBe('ok');
    expect(ctx.io.stderrText()).toContain('Checking the key');
    expect(ctx.io.stderrText()).toContain('The key works and can spend.');
    const config = await ctx.config.read();
    expect(config.lastCheck).toMatchObject({ diagnosis: 'ok', masked: `${key.slice(0, 8)}…${key.slice(-4)}`, fingerprint: fingerprint(key) });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(ctx.config.path, 'utf8')).not.toContain(key.slice(8, 40));
  });

  it('passes --no-spend and the abort signal to the checker', async () => {
    const seen: unknown[] = [];
    const checker: KeyChecker = {
      async check(k, opts) {
        seen.push(opts);
        return new FakeChecker([{ diagnosis: 'ok' }]).check(k);
      },
    };
    const ctx = interactiveContext([], { checker, options: { spend: false }, state: { key: { value: key, source: 'prompt' }, savedTo: [], choices: {} } });
    await run(checkKeyStep, ctx);
    expect(seen).toEqual([{ noSpend: true, signal: ctx.signal }]);
    expect(ctx.io.stderrText()).toContain('one free call');
  });

  it('treats rate_limited as a working key', async () => {
    const { ctx } = withKey([{ diagnosis: 'rate_limited' }]);
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'continue' });
  });

  it('on no_credits opens billing once and checks again until credit arrives', async () => {
    const prompt = { kind: 'select' as const, match: 'Press Enter to check again once the balance shows credit', answer: 'retry' };
    const { ctx, checker } = withKey([{ diagnosis: 'no_credits' }, { diagnosis: 'no_credits' }, { diagnosis: 'ok' }], [prompt, prompt]);
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'continue' });
    expect(checker.calls).toHaveLength(3);
    expect(ctx.browser.opened).toEqual([URLS.billing]);
    expect(ctx.prompter.asked[0]!.choices).toEqual(['retry', 'save-later', 'paste', 'quit']);
    const text = ctx.io.stderrText();
    expect(text.match(/Add credit on the billing overview/g)).toHaveLength(1);
    expect(ctx.state.check?.diagnosis).toBe('ok');
  });

  it('on no_credits offers to save the key now, the default once a re-check has failed', async () => {
    const menu = 'Press Enter to check again once the balance shows credit';
    const { ctx, checker } = withKey(
      [{ diagnosis: 'no_credits' }],
      [
        { kind: 'select', match: menu, answer: 'retry' },
        { kind: 'select', match: menu, answer: 'save-later' },
      ],
    );
    // On to the save step; done then ends "saved, not yet funded".
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'continue' });
    expect(checker.calls).toHaveLength(2);
    expect(ctx.prompter.asked.map((p) => p.default)).toEqual(['retry', 'save-later']);
    expect(ACTION_NAMES['save-later']).toBe('Save it now and check again later');
    expect(ctx.state.check?.diagnosis).toBe('no_credits');
    ctx.prompter.assertDone();
  });

  it('on no_credits checks again by itself every 10 s while the menu waits, and goes on when the credit lands', async () => {
    const menu = 'Press Enter to check again once the balance shows credit';
    const clock = fakeClock();
    const start = clock.now().getTime();
    const checker = new FakeChecker([{ diagnosis: 'no_credits', summary: 'No credit on this account.' }, { diagnosis: 'no_credits', summary: 'No credit on this account.' }, { diagnosis: 'ok', summary: 'The key works.' }]);
    const ctx = interactiveContext(
      [
        { kind: 'select', match: menu, answer: WAIT },
        { kind: 'select', match: menu, answer: WAIT },
      ],
      { checker, clock, state: { key: { value: key, source: 'prompt' }, savedTo: [], choices: {} } },
    );
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'continue' });
    expect(checker.calls).toHaveLength(3);
    expect(clock.now().getTime() - start).toBe(2 * AUTO_RECHECK_MS);
    expect(ctx.prompter.asked[0]!.message).toMatch(/checking again in 10 s; Enter checks now\)$/);
    const text = ctx.io.stderrText();
    // An unchanged result is not printed again; the arrival of credit is.
    expect(text.match(/No credit on this account/g)).toHaveLength(1);
    expect(text).toContain('The credit has arrived');
    expect(ctx.browser.opened).toEqual([URLS.billing]);
    ctx.prompter.assertDone();
  });

  it('a deliberate Quit is marked as such (not printed as "Error:") and says the pasted key was not stored', async () => {
    const { ctx } = withKey([{ diagnosis: 'no_credits' }], [{ kind: 'select', match: 'balance shows credit', answer: 'quit' }]);
    const outcome = await run(checkKeyStep, ctx);
    expect(outcome).toMatchObject({ next: 'stop', ended: 'quit', check: { diagnosis: 'no_credits' } });
    const error = (outcome as StopOutcome).error;
    expect(error).toBeInstanceOf(DiagnosisError);
    expect(error.deliberate).toBe(true);
    expect(exitCodeFor(error)).toBe(5);
    expect(error.message).toContain('not stored anywhere');
  });

  it('on invalid_key offers to paste again', async () => {
    const { ctx } = withKey([{ diagnosis: 'invalid_key' }], [{ kind: 'select', match: 'What now?', answer: 'paste' }]);
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'goto', step: 'paste-key' });
    expect(ctx.prompter.asked[0]!.choices).toEqual(['paste', 'quit']);
    expect(ctx.browser.opened).toEqual([URLS.apiKeys]);
  });

  it('on missing_scopes names the scopes and the permissions to tick', async () => {
    // The checker reads the scopes once (src/key/diagnose.ts) and hands them over in detail.scopes.
    const detail = { status: 401, message: 'You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role.', scopes: ['api.model.read'] };
    const { ctx } = withKey([{ diagnosis: 'missing_scopes', detail }, { diagnosis: 'ok' }], [{ kind: 'select', match: 'after changing the permissions', answer: 'retry' }]);
    await run(checkKeyStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toContain('• List models: Read (api.model.read)');
    expect(text).not.toContain('model.request');
    expect(text).toContain('the same key then works');
  });

  it('on model_access_denied explains project model permissions', async () => {
    const { ctx } = withKey([{ diagnosis: 'model_access_denied' }], [{ kind: 'select', match: 'after allowing the model', answer: 'paste' }]);
    await run(checkKeyStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.projects]);
    expect(ctx.io.stderrText()).toContain('allowed models');
  });

  it('offers retry, another key or quitting on other failures; quitting keeps the diagnosis exit code', async () => {
    const { ctx } = withKey([{ diagnosis: 'network' }], [{ kind: 'select', match: 'What now?', answer: 'quit' }]);
    const outcome = await run(checkKeyStep, ctx);
    expect(ctx.prompter.asked[0]!.choices).toEqual(['retry', 'paste', 'quit']);
    expect(outcome).toMatchObject({ next: 'stop', ended: 'quit' });
    const error = (outcome as StopOutcome).error;
    expect(error).toBeInstanceOf(DiagnosisError);
    expect(exitCodeFor(error)).toBe(7);
    expect(ctx.browser.opened).toEqual([]);
  });

  it('in non-interactive mode, fails with the diagnosis, its summary and fix', async () => {
    const checker = new FakeChecker([{ diagnosis: 'no_credits', summary: 'No credit.', fix: 'Add credit.' }]);
    const ctx = nonInteractiveContext({ checker, state: { key: { value: key, source: 'env:OPENAI_API_KEY' }, savedTo: [], choices: {} } });
    const outcome = await run(checkKeyStep, ctx);
    expect(outcome).toMatchObject({ next: 'stop', ended: 'check-failed', check: { diagnosis: 'no_credits' } });
    const error = (outcome as StopOutcome).error;
    expect(error).toBeInstanceOf(DiagnosisError);
    expect([error.diagnosis, error.message, error.hint]).toEqual(['no_credits', 'No credit.', 'Add credit.']);
    expect(ctx.state.check?.diagnosis).toBe('no_credits');
    // Nothing written in non-interactive mode.
    const { existsSync } = await import('node:fs');
    expect(existsSync(ctx.config.path)).toBe(false);
  });

  it('ends the wait on Ctrl-C even if the check never answers', async () => {
    const controller = new AbortController();
    const hanging: KeyChecker = { check: () => new Promise<CheckResult>(() => {}) };
    const ctx = interactiveContext([], { checker: hanging, signal: controller.signal, state: { key: { value: key, source: 'prompt' }, savedTo: [], choices: {} } });
    const pending = run(checkKeyStep, ctx);
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(ctx.io.stderrText()).toContain('The check did not finish.');
  });

  it('goes to paste-key when there is no key yet', async () => {
    const ctx = interactiveContext([]);
    expect(await run(checkKeyStep, ctx)).toEqual({ next: 'goto', step: 'paste-key' });
  });
});
