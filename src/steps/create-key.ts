// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const createKeyStep: Step = {
  id: 'create-key',
  title: 'Create an API key',
  resumable: true,
  async run() {},
};
