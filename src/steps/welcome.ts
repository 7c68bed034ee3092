// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const welcomeStep: Step = {
  id: 'welcome',
  title: 'Welcome',
  resumable: false,
  async run() {},
};
