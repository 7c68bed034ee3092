import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CancelledError, DiagnosisError } from '../../src/errors.js';
import { runSteps } from '../../src/steps/run-steps.js';
import { goto, type Step, type StepId, type StepOutcome } from '../../src/steps/step.js';
import { FakeChecker } from '../fakes/test-context.js';
import { interactiveContext, nonInteractiveContext } from './helpers.js';

/** Steps that log their id and return scripted outcomes. */
function scripted(ids: StepId[], outcomes: Partial<Record<StepId, StepOutcome[]>> = {}, resumable: StepId[] = []) {
  const log: StepId[] = [];
  const steps: Step[] = ids.map((id) => ({
    id,
    title: `the ${id} step`,
    resumable: resumable.includes(id),
    numbered: id !== 'welcome' && id !== 'done',
    async run() {
      log.push(id);
      return outcomes[id]?.shift();
    },
  }));
  return { steps, log };
}

describe('runSteps', () => {
  it('runs in order, numbering all but welcome and done', async () => {
    const { steps, log } = scripted(['welcome', 'sign-in', 'credits', 'done']);
    const ctx = interactiveContext([]);
    await runSteps(ctx, steps);
    expect(log).toEqual(['welcome', 'sign-in', 'credits', 'done']);
    expect(ctx.io.stderrText()).toContain('Step 1 of 2: the sign-in step');
    expect(ctx.io.stderrText()).toContain('Step 2 of 2: the credits step');
  });

  it('follows goto (check → paste → check)', async () => {
    const { steps, log } = scripted(['paste-key', 'check-key', 'done'], { 'check-key': [goto('paste-key')] });
    await runSteps(interactiveContext([]), steps);
    expect(log).toEqual(['paste-key', 'check-key', 'paste-key', 'check-key', 'done']);
  });

  it('says how the run ended: finished, finished unfunded, or stopped by the check (and runs nothing after a stop)', async () => {
    const finished = scripted(['paste-key', 'done']);
    expect(await runSteps(interactiveContext([]), finished.steps)).toEqual({ ended: 'finished' });

    const unfunded = scripted(['paste-key', 'done'], { done: [{ next: 'finish', unfunded: true }] });
    expect(await runSteps(interactiveContext([]), unfunded.steps)).toEqual({ ended: 'unfunded' });

    const check = await new FakeChecker([{ diagnosis: 'network' }]).check({ value: 'x', source: 'prompt' });
    const error = new DiagnosisError('network', 'Stopped before saving the key (network).');
    const stopped = scripted(['paste-key', 'check-key', 'save-key', 'done'], { 'check-key': [{ next: 'stop', ended: 'quit', check, error }] });
    expect(await runSteps(interactiveContext([]), stopped.steps)).toEqual({ ended: 'quit', check, error });
    expect(stopped.log).toEqual(['paste-key', 'check-key']);
  });

  describe('resuming an interrupted run', () => {
    const withProgress = async (ctx: ReturnType<typeof interactiveContext>, done: StepId[]) =>
      ctx.config.update((c) => {
        c.progress = { done, choices: { paymentMethod: 'had' }, updatedAt: '2026-11-20T09:30:00.000Z' };
      });
    const ids: StepId[] = ['welcome', 'explain-plans', 'sign-in', 'credits', 'paste-key', 'done'];

    it('skips the greeting and the finished steps, restores the choices, and names the last step by its title', async () => {
      const { steps, log } = scripted(ids);
      const ctx = interactiveContext([{ kind: 'confirm', match: 'Continue where you left off?', answer: true }]);
      await withProgress(ctx, ['explain-plans', 'sign-in']);
      await runSteps(ctx, steps);
      expect(log).toEqual(['credits', 'paste-key', 'done']);
      expect(ctx.state.choices).toEqual({ paymentMethod: 'had' });
      expect(ctx.io.stderrText()).toContain('Last time (2026-11-20 09:30 UTC) you finished the step "the sign-in step"');
      ctx.prompter.assertDone();
    });

    it('stops skipping at the first step that was not finished (the key steps are never recorded)', async () => {
      const { steps, log } = scripted(ids);
      const ctx = interactiveContext([{ kind: 'confirm', match: 'Continue where you left off?', answer: true }]);
      await withProgress(ctx, ['explain-plans', 'credits']);
      await runSteps(ctx, steps);
      expect(log).toEqual(['sign-in', 'credits', 'paste-key', 'done']);
    });

    it('starts over from the greeting and forgets the old progress when declined', async () => {
      const { steps, log } = scripted(ids);
      const ctx = interactiveContext([{ kind: 'confirm', match: 'Continue where you left off?', answer: false }]);
      await withProgress(ctx, ['explain-plans']);
      await runSteps(ctx, steps);
      expect(log).toEqual(ids);
      expect((await ctx.config.read()).progress).toBeUndefined();
      expect(ctx.state.choices).toEqual({});
    });

    it('is never offered in non-interactive mode', async () => {
      const { steps, log } = scripted(ids);
      const ctx = nonInteractiveContext();
      await ctx.config.update((c) => {
        c.progress = { done: ['explain-plans'], choices: {}, updatedAt: '2026-11-20T09:30:00.000Z' };
      });
      await runSteps(ctx, steps);
      expect(log).toEqual(ids);
      expect(ctx.prompter.asked).toEqual([]);
    });
  });

  it('records resumable steps as progress in interactive mode, and nothing in non-interactive mode', async () => {
    const one = scripted(['welcome', 'sign-in', 'paste-key'], {}, ['sign-in']);
    const ctx = interactiveContext([]);
    await runSteps(ctx, one.steps);
    expect((await ctx.config.read()).progress?.done).toEqual(['sign-in']);

    const two = scripted(['welcome', 'sign-in', 'paste-key'], {}, ['sign-in']);
    const quiet = nonInteractiveContext();
    await runSteps(quiet, two.steps);
    expect(existsSync(quiet.config.path)).toBe(false);
  });

  it('stops with CancelledError once the signal is aborted', async () => {
    const controller = new AbortController();
    const { steps, log } = scripted(['welcome', 'sign-in']);
    steps[0]!.run = async () => {
      log.push('welcome');
      controller.abort();
    };
    await expect(runSteps(interactiveContext([], { signal: controller.signal }), steps)).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual(['welcome']);
  });
});
