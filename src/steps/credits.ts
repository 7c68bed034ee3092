// Credit: new API accounts are prepaid, and the first purchase (card, then amount) is one dialog on the
// billing overview, so this one step replaces "add a card" and "choose how to pay". Then the one
// spending control that actually stops traffic: an enforced hard limit.
import { CREDITS } from '../content/pages.js';
import { BUY_CREDIT, type CreditAnswer, CREDIT_CHOICES, CREDIT_LATER_TIP, CREDIT_QUESTION, HARD_LIMIT_ADVICE } from '../content/plans.js';
import { URLS } from '../platform/urls.js';
import { say, showLink, visitPage } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const creditsStep: Step = {
  id: 'credits',
  title: 'Buy credit',
  resumable: true,
  async run(ctx) {
    await visitPage(ctx, { url: URLS.billing, label: CREDITS.label, lines: BUY_CREDIT });
    // Printed, not opened: one more tab would bury the billing page; the link stays on screen.
    ctx.io.err('');
    say(ctx, HARD_LIMIT_ADVICE);
    showLink(ctx, CREDITS.limitsLabel, URLS.limits);
    if (!ctx.mode.interactive) return CONTINUE;
    // "Not yet" is a fine answer: the key check then says no_credits and waits for the balance.
    ctx.state.choices.billing = await ctx.prompter.select<CreditAnswer>(CREDIT_QUESTION, [...CREDIT_CHOICES], { default: 'added' });
    if (ctx.state.choices.billing === 'later') ctx.io.err(ctx.io.c.yellow(CREDIT_LATER_TIP));
    return CONTINUE;
  },
};
