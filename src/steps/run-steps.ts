// Runs the ordered steps: offers to resume an interrupted run first, records progress after each
// resumable step, and follows goto/finish.
import type { Context } from '../context.js';
import { CancelledError } from '../errors.js';
import { offerResume } from './resume.js';
import { numberedSteps, type Step, type StepId, type StepOutcome, type StopOutcome } from './step.js';

/**
 * How a run ended, for the wizard command's exit code and --json object: `finished`, `unfunded` (saved,
 * not yet funded), or stopped by a key check that did not pass. Anything else (Ctrl-C, a usage or
 * storage error, a key refused before any check) is thrown.
 */
export type RunEnd = { ended: 'finished' } | { ended: 'unfunded' } | Omit<StopOutcome, 'next'>;

/** A loop guard: paste → check → paste … is legitimate, but never forever. */
const MAX_TRANSITIONS = 200;

export async function runSteps(ctx: Context, steps: readonly Step[]): Promise<RunEnd> {
  const numbered = numberedSteps(steps);
  let i = await offerResume(ctx, steps);
  for (let transitions = 0; i < steps.length; transitions++) {
    if (transitions > MAX_TRANSITIONS) throw new Error('internal: the wizard went round in circles');
    if (ctx.signal.aborted) throw new CancelledError();
    const step = steps[i]!;
    const n = numbered.indexOf(step);
    if (n >= 0) ctx.io.err(`\n${ctx.io.c.bold(`Step ${n + 1} of ${numbered.length}: ${step.title}`)}`);
    const outcome = (await step.run(ctx)) ?? { next: 'continue' };
    // Progress exists so an interrupted interactive run can resume. A non-interactive run never
    // resumes, and must not leave files behind that nobody asked for.
    if (step.resumable && ctx.mode.interactive) await recordProgress(ctx, step.id);
    if (outcome.next === 'finish') return { ended: outcome.unfunded ? 'unfunded' : 'finished' };
    if (outcome.next === 'stop') {
      const { next: _, ...end } = outcome;
      return end;
    }
    i = nextIndex(steps, i, outcome);
  }
  return { ended: 'finished' };
}

function nextIndex(steps: readonly Step[], current: number, outcome: StepOutcome): number {
  const indexOf = (id: StepId) => {
    const i = steps.findIndex((s) => s.id === id);
    if (i < 0) throw new Error(`internal: unknown step ${id}`);
    return i;
  };
  switch (outcome.next) {
    case 'goto':
      return indexOf(outcome.step);
    default:
      return current + 1;
  }
}

async function recordProgress(ctx: Context, id: StepId): Promise<void> {
  await ctx.config.update((config) => {
    const done = config.progress?.done ?? [];
    if (!done.includes(id)) done.push(id);
    config.progress = { done, choices: { ...config.progress?.choices, ...ctx.state.choices }, updatedAt: ctx.clock.now().toISOString() };
  });
}
