// TODO: implemented in issue 2.
import type { Step } from './step.js';

export const paymentMethodStep: Step = {
  id: 'payment-method',
  title: 'Add a payment method',
  resumable: true,
  async run() {},
};
