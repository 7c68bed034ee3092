// Creating the key: the choices on that page decide how safe the key is, so the advice comes first.
import { CREATE_KEY } from '../content/pages.js';
import { URLS } from '../platform/urls.js';
import { visitPage } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const createKeyStep: Step = {
  id: 'create-key',
  title: 'Create an API key',
  resumable: true,
  async run(ctx) {
    await visitPage(ctx, { url: URLS.apiKeys, label: CREATE_KEY.label, lines: CREATE_KEY.lines });
    if (ctx.mode.interactive) await ctx.prompter.pressEnter(CREATE_KEY.wait);
    return CONTINUE;
  },
};
