// `openai-onboard`: the onboarding wizard.
import type { Context } from '../context.js';
import { WIZARD_STEPS } from '../steps/index.js';
import { runSteps } from '../steps/run-steps.js';

export async function runWizard(ctx: Context): Promise<number> {
  await runSteps(ctx, WIZARD_STEPS);
  return 0;
}
