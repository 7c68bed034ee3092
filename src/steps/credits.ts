// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const creditsStep: Step = {
  id: 'credits',
  title: 'Add credits',
  resumable: true,
  async run() {},
};
