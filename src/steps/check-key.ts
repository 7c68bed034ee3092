// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const checkKeyStep: Step = {
  id: 'check-key',
  title: 'Check the key',
  resumable: false,
  async run() {},
};
