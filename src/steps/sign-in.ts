// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const signInStep: Step = {
  id: 'sign-in',
  title: 'Sign in to the API Platform',
  resumable: true,
  async run() {},
};
