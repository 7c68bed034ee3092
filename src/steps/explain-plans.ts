// The heart of the matter for a ChatGPT subscriber: the plan they pay for includes no API usage.
// All wording and numbers come from src/content/plans.ts.
import { API_BILLING, PLAN_OF_THE_WIZARD, PLANS_INTRO, PLANS_TABLE } from '../content/plans.js';
import type { Context } from '../context.js';
import { renderTable as layoutTable } from '../ui/table.js';
import { say } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const explainPlansStep: Step = {
  id: 'explain-plans',
  title: 'ChatGPT plans vs the API',
  resumable: true,
  async run(ctx) {
    say(ctx, PLANS_INTRO);
    ctx.io.err('');
    say(ctx, renderTable(ctx, PLANS_TABLE));
    ctx.io.err('');
    say(ctx, API_BILLING);
    ctx.io.err(`\n${ctx.io.c.bold('In the next few minutes we will:')}`);
    say(ctx, PLAN_OF_THE_WIZARD.map((line, i) => `  ${i + 1}. ${line}`));
    // A pause so the browser does not pop up over text still being read.
    if (ctx.mode.interactive) await ctx.prompter.pressEnter('Press Enter to begin');
    return CONTINUE;
  },
};

/** The table at the terminal's width (src/ui/table.ts reflows it, or makes it a list, when it does not fit). */
export function renderTable(ctx: Context, rows: ReadonlyArray<readonly string[]>): string[] {
  return layoutTable(rows, ctx.io.width ?? Infinity, { header: ctx.io.c.bold });
}
