// The onboarding, in order. Reading this list is reading the wizard.
import { checkKeyStep } from './check-key.js';
import { createKeyStep } from './create-key.js';
import { creditsStep } from './credits.js';
import { doneStep } from './done.js';
import { explainPlansStep } from './explain-plans.js';
import { pasteKeyStep } from './paste-key.js';
import { paymentMethodStep } from './payment-method.js';
import { saveKeyStep } from './save-key.js';
import { signInStep } from './sign-in.js';
import type { Step } from './step.js';
import { welcomeStep } from './welcome.js';

export const WIZARD_STEPS: readonly Step[] = [
  welcomeStep, // finds an existing key or an interrupted run
  explainPlansStep, // ChatGPT plans include no API usage
  signInStep, // platform.openai.com
  paymentMethodStep, // add a card
  creditsStep, // pay-as-you-go or prepaid credits, and a budget
  createKeyStep, // a project key with a clear name and restricted permissions
  pasteKeyStep, // masked prompt, local analysis
  checkKeyStep, // real calls: auth and billing
  saveKeyStep, // .env, shell profile, keychain
  doneStep, // summary and next steps
];
