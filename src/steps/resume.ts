// Resuming an interrupted interactive run belongs to the runner, not to a step: it needs the step
// list (titles, order), and a step that imported the list would make an import cycle.
import type { Context } from '../context.js';
import type { Step } from './step.js';

/**
 * Offers to continue after the steps an earlier run finished. Returns the index to start from: 0 for a
 * fresh start. Only informational steps are ever recorded, so paste/check/save always run again.
 */
export async function offerResume(ctx: Context, steps: readonly Step[]): Promise<number> {
  if (!ctx.mode.interactive) return 0;
  const progress = (await ctx.config.read()).progress;
  if (!progress?.done.length) return 0;
  const when = progress.updatedAt.slice(0, 16).replace('T', ' ');
  const last = progress.done.at(-1);
  const title = steps.find((step) => step.id === last)?.title ?? last;
  ctx.io.err(`Welcome back. Last time (${when} UTC) you finished the step "${title}".`);
  if (await ctx.prompter.confirm('Continue where you left off?', { default: true })) {
    Object.assign(ctx.state.choices, progress.choices);
    // The first step after the start that was not finished: a step never recorded stops the skipping.
    const i = steps.findIndex((s, j) => j > 0 && !progress.done.includes(s.id));
    return i < 0 ? steps.length : i;
  }
  // Starting over: forget the old progress so it does not mix with the new run's.
  await ctx.config.update((config) => {
    config.progress = undefined;
  });
  return 0;
}

/** The run is over: forget its progress so the next run starts at the greeting. */
export async function clearProgress(ctx: Context): Promise<void> {
  // Read first: a non-interactive run has no progress and must not create a config file here.
  if (!(await ctx.config.read()).progress) return;
  await ctx.config.update((config) => {
    config.progress = undefined;
  });
}
