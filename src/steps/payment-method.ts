// A payment method: without one (or prepaid credit) every API call fails with insufficient_quota.
import { PAYMENT_METHOD } from '../content/pages.js';
import { URLS } from '../platform/urls.js';
import { visitPage } from './shared.js';
import { CONTINUE, type Step } from './step.js';

type Answer = (typeof PAYMENT_METHOD.choices)[number]['value'];

export const paymentMethodStep: Step = {
  id: 'payment-method',
  title: 'Add a payment method',
  resumable: true,
  async run(ctx) {
    await visitPage(ctx, { url: URLS.paymentMethods, label: PAYMENT_METHOD.label, lines: PAYMENT_METHOD.lines });
    if (!ctx.mode.interactive) return CONTINUE;
    // One select instead of "press Enter" + a question: the first choice is what Enter does.
    const answer = await ctx.prompter.select<Answer>(PAYMENT_METHOD.question, [...PAYMENT_METHOD.choices], { default: 'added' });
    ctx.state.choices.paymentMethod = answer;
    if (answer === 'skipped') ctx.io.err(ctx.io.c.yellow(PAYMENT_METHOD.skipped));
    return CONTINUE;
  },
};
