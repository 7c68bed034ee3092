// The steps that inform and open pages, seen from outside: what a newcomer reads, which pages open,
// what is asked. Facts are asserted as the sentences a person sees, not as constants.
import { describe, expect, it } from 'vitest';
import { URLS } from '../../src/platform/urls.js';
import { createKeyStep } from '../../src/steps/create-key.js';
import { creditsStep } from '../../src/steps/credits.js';
import { explainPlansStep } from '../../src/steps/explain-plans.js';
import { WIZARD_STEPS } from '../../src/steps/index.js';
import { runSteps } from '../../src/steps/run-steps.js';
import { signInStep } from '../../src/steps/sign-in.js';
import type { Step } from '../../src/steps/step.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

const explainPlans = explainPlansStep(() => WIZARD_STEPS);

describe('explain-plans', () => {
  it('says ChatGPT plans include no API usage and that new accounts are prepaid, then waits before any page opens', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'Press Enter to begin', answer: '' }]);
    expect(await run(explainPlans, ctx)).toEqual({ next: 'continue' });
    const text = ctx.io.stderrText();
    expect(text).toMatch(/No ChatGPT plan \(Free, Plus, Pro or Business\) includes API usage/);
    expect(text).toMatch(/prepaid: you buy credit \(from \$5\)/);
    expect(text).toContain('expires after one year and is not refundable');
    // Never promise free trial credits, never offer card-billed pay-as-you-go, no CLI flags in the wizard.
    expect(text).not.toMatch(/free (trial|credit)|pay[- ]as[- ]you[- ]go|--no-spend/i);
    expect(ctx.browser.opened).toEqual([]);
    expect(ctx.io.stdoutText()).toBe('');
    ctx.prompter.assertDone();
  });

  it('shows the plan as the wizard\'s numbered steps, the same names and numbers as the "Step n of N" headings', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: fakeKeys.project(5) } });
    await runSteps(ctx, WIZARD_STEPS);
    const text = ctx.io.stderrText();
    const plan = text.split('The plan:\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.trim());
    expect(plan).toEqual([
      '1. ChatGPT plans vs the API (you are here)',
      '2. Sign in to the API Platform',
      '3. Buy credit',
      '4. Create an API key',
      '5. Paste your key',
      '6. Check the key: two tiny real calls, about $0.00000002',
      '7. Save the key',
    ]);
    const headings = [...text.matchAll(/^Step (\d+) of (\d+): (.+)$/gm)].map((m) => `${m[1]}. ${m[3]}`);
    expect(headings).toEqual(plan.map((l) => l.replace(/:.*| \(you are here\)/, '')));
  });

  it('follows the step list it is given: a new step shows up in the plan without another edit', async () => {
    const extra: Step = { id: 'sign-in', title: 'Something new', resumable: true, run: async () => undefined };
    const ctx = nonInteractiveContext();
    await run(explainPlansStep(() => [WIZARD_STEPS[0]!, WIZARD_STEPS[1]!, extra, WIZARD_STEPS.at(-1)!]), ctx);
    expect(ctx.io.stderrText()).toMatch(/1\. ChatGPT plans vs the API \(you are here\)\n\s+2\. Something new\n?$/);
  });
});

describe('sign-in', () => {
  it('opens the API Platform and waits for Enter', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'signed in', answer: '' }]);
    await run(signInStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.signIn]);
    expect(ctx.io.stderrText()).toContain('your ChatGPT login');
    ctx.prompter.assertDone();
  });

  it('prints the URL and what to do there, and moves on, in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(signInStep, ctx);
    expect(ctx.io.stderrText()).toContain(`API Platform: ${URLS.signIn}`);
    expect(ctx.prompter.asked).toEqual([]);
  });
});

describe('credits', () => {
  it('sends a new account to buy prepaid credit on the billing page, in one dialog, and says auto-reload is on', async () => {
    const ctx = interactiveContext([{ kind: 'select', match: 'Is there credit on the account now?', answer: 'added' }]);
    await run(creditsStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.billing]);
    const text = ctx.io.stderrText();
    expect(text).toContain('Click "Add payment details": a card, then the amount (at least $5;');
    expect(text).toContain('$10 is filled in');
    expect(text).toMatch(/"Buy credits" or "Add to credit balance"/);
    expect(text).toMatch(/Auto-reload starts switched on[\s\S]*turn it off or set a monthly reload limit/);
    expect(text).toContain("Already invoiced monthly? You're set.");
    expect(text).not.toMatch(/pay[- ]as[- ]you[- ]go|charged to your card|auto-recharge|Add payment method/i);
    expect(ctx.state.choices.billing).toBe('added');
    ctx.prompter.assertDone();
  });

  it('recommends the enforced hard limit, says what it does, and that a spend alert only emails', async () => {
    const ctx = nonInteractiveContext();
    await run(creditsStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toMatch(/Recommended: "Enforce a hard limit" on the limits page\. API calls then stop\s+when the month's spend reaches it \(within minutes, not instantly\)\. A spend\s+alert only emails\./);
    expect(text).toContain(`Limits: ${URLS.limits}`);
    // Printed, never opened: the billing page is the one to act on.
    expect(text).not.toMatch(/monthly budget so/);
    expect(ctx.prompter.asked).toEqual([]);
  });

  it('offers one question with the recommended answer first, and accepts "not yet"', async () => {
    const ctx = interactiveContext([{ kind: 'select', match: 'Is there credit', answer: 'later' }]);
    await run(creditsStep, ctx);
    expect(ctx.prompter.asked).toHaveLength(1);
    expect(ctx.prompter.asked[0]!.choices).toEqual(['added', 'later']);
    expect(ctx.state.choices.billing).toBe('later');
    // A key made at a zero balance can keep failing after the credit lands: say so before the key is made.
    expect(ctx.io.stderrText()).toMatch(/buy the credit before you create the key/);
  });
});

describe('create-key', () => {
  it('opens the moved API keys page with the current restricted-key permission labels', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'copied the key', answer: '' }]);
    await run(createKeyStep, ctx);
    expect(ctx.browser.opened).toEqual(['https://platform.openai.com/settings/organization/api-keys']);
    const text = ctx.io.stderrText();
    expect(text).toContain('"Restricted" (recommended), with "List models: Read" and');
    expect(text).toContain('"Model capabilities: Request"; "Mixed" is not enough.');
    expect(text).not.toMatch(/Model capabilities: Write|Models: Read/);
    expect(text).toContain('shown only once');
  });

  it('prints the page and the advice in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(createKeyStep, ctx);
    expect(ctx.io.stderrText()).toContain(`API keys: ${URLS.apiKeys}`);
    expect(ctx.io.stderrText()).toContain('shown only once');
  });
});

describe('the informational part of the wizard', () => {
  it('numbers its steps the way the plan does ("Step 3 of 7: Buy credit")', async () => {
    const ctx = nonInteractiveContext();
    const informational = WIZARD_STEPS.filter((s) => s.resumable);
    await expect(runSteps(ctx, [...informational])).resolves.toEqual({ ended: 'finished' });
    const text = ctx.io.stderrText();
    expect(text).toContain('Step 3 of 4: Buy credit');
    expect(text).toMatch(/1\. ChatGPT plans vs the API[\s\S]*4\. Create an API key/);
  });
});
