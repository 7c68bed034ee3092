import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { runSteps } from '../../src/steps/run-steps.js';
import { goto, resume, type Step, type StepId, type StepOutcome } from '../../src/steps/step.js';
import { interactiveContext, nonInteractiveContext } from './helpers.js';

/** Steps that log their id and return scripted outcomes. */
function scripted(ids: StepId[], outcomes: Partial<Record<StepId, StepOutcome[]>> = {}, resumable: StepId[] = []) {
  const log: StepId[] = [];
  const steps: Step[] = ids.map((id) => ({
    id,
    title: id,
    resumable: resumable.includes(id),
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
    expect(ctx.io.stderrText()).toContain('Step 1 of 2: sign-in');
    expect(ctx.io.stderrText()).toContain('Step 2 of 2: credits');
  });

  it('follows goto (check → paste → check)', async () => {
    const { steps, log } = scripted(['paste-key', 'check-key', 'done'], { 'check-key': [goto('paste-key')] });
    await runSteps(interactiveContext([]), steps);
    expect(log).toEqual(['paste-key', 'check-key', 'paste-key', 'check-key', 'done']);
  });

  it('resume skips the finished steps and stops skipping at the first unfinished one', async () => {
    const { steps, log } = scripted(['welcome', 'explain-plans', 'sign-in', 'credits', 'paste-key', 'done'], { welcome: [resume(['explain-plans', 'sign-in'])] });
    await runSteps(interactiveContext([]), steps);
    expect(log).toEqual(['welcome', 'credits', 'paste-key', 'done']);
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
