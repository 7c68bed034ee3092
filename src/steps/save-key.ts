// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const saveKeyStep: Step = {
  id: 'save-key',
  title: 'Save the key',
  resumable: false,
  async run() {},
};
