// Sign in to the API Platform: a separate area from ChatGPT, even with the same login.
import { SIGN_IN } from '../content/pages.js';
import { URLS } from '../platform/urls.js';
import { visitPage } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const signInStep: Step = {
  id: 'sign-in',
  title: 'Sign in to the API Platform',
  resumable: true,
  async run(ctx) {
    await visitPage(ctx, { url: URLS.signIn, label: SIGN_IN.label, lines: SIGN_IN.lines });
    if (ctx.mode.interactive) await ctx.prompter.pressEnter(SIGN_IN.wait);
    return CONTINUE;
  },
};
