// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const explainPlansStep: Step = {
  id: 'explain-plans',
  title: 'ChatGPT plans vs the API',
  resumable: true,
  async run() {},
};
