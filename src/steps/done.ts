// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const doneStep: Step = {
  id: 'done',
  title: 'Done',
  resumable: false,
  async run() {},
};
