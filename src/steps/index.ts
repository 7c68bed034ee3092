// The onboarding, in order. Reading this list is reading the wizard.
import { checkKeyStep } from './check-key.js';
import { createKeyStep } from './create-key.js';
import { creditsStep } from './credits.js';
import { doneStep } from './done.js';
import { explainPlansStep } from './explain-plans.js';
import { pasteKeyStep } from './paste-key.js';
import { saveKeyStep } from './save-key.js';
import { signInStep } from './sign-in.js';
import type { Step } from './step.js';
import { welcomeStep } from './welcome.js';

export const WIZARD_STEPS: readonly Step[] = [
  welcomeStep, // finds an existing key or an interrupted run
  explainPlansStep(() => WIZARD_STEPS), // ChatGPT plans include no API usage; the plan is this list
  signInStep, // platform.openai.com
  creditsStep, // prepaid credit (card and amount in one dialog), and a hard limit
  createKeyStep, // a project key with a clear name and restricted permissions
  pasteKeyStep, // masked prompt, local analysis
  checkKeyStep, // real calls: auth and billing
  saveKeyStep, // .env, shell profile, keychain
  doneStep, // summary and next steps
];
