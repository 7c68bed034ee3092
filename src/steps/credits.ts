// Credit: prepaid or pay-as-you-go, then a monthly budget so a newcomer's first bill is no surprise.
import { CREDITS } from '../content/pages.js';
import { BUDGET_ADVICE, CREDIT_CHOICES, CREDIT_INSTRUCTIONS, CREDIT_INSTRUCTIONS_EITHER, type PaymentChoice } from '../content/plans.js';
import { URLS } from '../platform/urls.js';
import { say, showLink, visitPage } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const creditsStep: Step = {
  id: 'credits',
  title: 'Add credits',
  resumable: true,
  async run(ctx) {
    if (!ctx.mode.interactive) {
      // No choice to make: print both ways and the page where either is done.
      await visitPage(ctx, { url: URLS.billing, label: CREDITS.label, lines: CREDIT_INSTRUCTIONS_EITHER });
    } else {
      const choice = await ctx.prompter.select<PaymentChoice>(CREDITS.question, [...CREDIT_CHOICES], { default: 'prepaid' });
      ctx.state.choices.billing = choice;
      await visitPage(ctx, { url: URLS.billing, label: CREDITS.label, lines: CREDIT_INSTRUCTIONS[choice] });
      await ctx.prompter.pressEnter(CREDITS.wait);
    }
    // Printed, not opened: one more tab would bury the next page; the link stays on screen.
    ctx.io.err('');
    say(ctx, BUDGET_ADVICE);
    showLink(ctx, CREDITS.limitsLabel, URLS.limits);
    return CONTINUE;
  },
};
