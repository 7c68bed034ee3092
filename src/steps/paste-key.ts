// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const pasteKeyStep: Step = {
  id: 'paste-key',
  title: 'Paste your key',
  resumable: false,
  async run() {},
};
