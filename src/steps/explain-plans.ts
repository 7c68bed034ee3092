// The heart of the matter for a ChatGPT subscriber: the plan they pay for includes no API usage.
// Then the plan of the next minutes, read from the step list itself so it cannot drift from it
// (the list is passed in as a function: index.ts builds the list that contains this step).
import { PLAN_HEADING, PLAN_NOTES, PLANS_INTRO } from '../content/plans.js';
import { say } from './shared.js';
import { CONTINUE, numberedSteps, type Step } from './step.js';

export function explainPlansStep(wizard: () => readonly Step[]): Step {
  return {
    id: 'explain-plans',
    title: 'ChatGPT plans vs the API',
    resumable: true,
    async run(ctx) {
      say(ctx, PLANS_INTRO);
      ctx.io.err(`\n${ctx.io.c.bold(PLAN_HEADING)}`);
      say(ctx, planLines(wizard()));
      // A pause so the browser does not pop up over text still being read.
      if (ctx.mode.interactive) await ctx.prompter.pressEnter('Press Enter to begin');
      return CONTINUE;
    },
  };
}

/** "  3. Buy credit: from $5", numbered as the "Step n of N" headings are. */
export function planLines(steps: readonly Step[]): string[] {
  return numberedSteps(steps).map((step, i) => {
    const note = PLAN_NOTES[step.id];
    const sep = note?.startsWith('(') ? ' ' : ': ';
    return `  ${i + 1}. ${step.title}${note ? `${sep}${note}` : ''}`;
  });
}
