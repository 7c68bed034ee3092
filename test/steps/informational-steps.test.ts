import { describe, expect, it } from 'vitest';
import { BILLING_FACTS } from '../../src/content/plans.js';
import { URLS } from '../../src/platform/urls.js';
import { createKeyStep } from '../../src/steps/create-key.js';
import { creditsStep } from '../../src/steps/credits.js';
import { explainPlansStep } from '../../src/steps/explain-plans.js';
import { paymentMethodStep } from '../../src/steps/payment-method.js';
import { signInStep } from '../../src/steps/sign-in.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

describe('explain-plans', () => {
  it('says ChatGPT plans include no API usage, in a table, then waits before any page opens', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'Press Enter to begin', answer: '' }]);
    expect(await run(explainPlansStep, ctx)).toEqual({ next: 'continue' });
    const text = ctx.io.stderrText();
    expect(text).toMatch(/ChatGPT Plus \/ Pro\s+none/);
    expect(text).toMatch(/ChatGPT Free\s+none/);
    expect(text).toContain('billed separately');
    expect(text).toContain('$5');
    expect(text).toContain('expire after one year');
    expect(text).toContain('pay-as-you-go');
    expect(text).toMatch(/1\. sign in[\s\S]*6\. save it/);
    // Never promise free trial credits.
    expect(text).not.toMatch(/free (trial|credit)/i);
    expect(ctx.browser.opened).toEqual([]);
    expect(ctx.io.stdoutText()).toBe('');
    ctx.prompter.assertDone();
  });

  it('prints the same explanation without waiting in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(explainPlansStep, ctx);
    expect(ctx.io.stderrText()).toContain('includes no API usage');
    expect(ctx.prompter.asked).toEqual([]);
  });

  it('keeps its numbers in one place', () => {
    expect(BILLING_FACTS.prepaidMinimumUsd).toBe(5);
  });
});

describe('sign-in', () => {
  it('opens the API Platform and waits for Enter', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'signed in', answer: '' }]);
    await run(signInStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.signIn]);
    expect(ctx.io.stderrText()).toContain('ChatGPT login works here too');
    ctx.prompter.assertDone();
  });

  it('prints the URL and what to do there, and moves on, in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(signInStep, ctx);
    expect(ctx.io.stderrText()).toContain(`API Platform: ${URLS.signIn}`);
    expect(ctx.io.stderrText()).toContain('Sign in');
    expect(ctx.prompter.asked).toEqual([]);
  });
});

describe('payment-method', () => {
  it('opens the payment methods page; Enter means "done"', async () => {
    const ctx = interactiveContext([{ kind: 'select', match: 'Press Enter when done', answer: 'added' }]);
    await run(paymentMethodStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.paymentMethods]);
    expect(ctx.prompter.asked[0]!.choices).toEqual(['added', 'had', 'skipped']);
    expect(ctx.state.choices.paymentMethod).toBe('added');
    expect(ctx.io.stderrText()).toContain('Add payment method');
  });

  it('warns what skipping means', async () => {
    const ctx = interactiveContext([{ kind: 'select', match: 'Press Enter when done', answer: 'skipped' }]);
    await run(paymentMethodStep, ctx);
    expect(ctx.state.choices.paymentMethod).toBe('skipped');
    expect(ctx.io.stderrText()).toContain('will fail with "insufficient_quota"');
  });

  it('prints the page in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(paymentMethodStep, ctx);
    expect(ctx.io.stderrText()).toContain(URLS.paymentMethods);
    expect(ctx.state.choices).toEqual({});
  });
});

describe('credits', () => {
  it('asks how to pay, remembers it, opens the billing overview and recommends a budget', async () => {
    const ctx = interactiveContext([
      { kind: 'select', match: 'How do you want to pay', answer: 'prepaid' },
      { kind: 'pressEnter', match: 'Press Enter when done', answer: '' },
    ]);
    await run(creditsStep, ctx);
    expect(ctx.state.choices.billing).toBe('prepaid');
    expect(ctx.prompter.asked[0]!.choices).toEqual(['prepaid', 'payg', 'already']);
    expect(ctx.browser.opened).toEqual([URLS.billing]);
    const text = ctx.io.stderrText();
    expect(text).toContain('"Add to credit balance"');
    expect(text).toContain('monthly budget');
    expect(text).toContain(URLS.limits);
    ctx.prompter.assertDone();
  });

  it('gives pay-as-you-go its own instructions', async () => {
    const ctx = interactiveContext([
      { kind: 'select', match: 'How do you want to pay', answer: 'payg' },
      { kind: 'pressEnter', match: 'Press Enter when done', answer: '' },
    ]);
    await run(creditsStep, ctx);
    expect(ctx.state.choices.billing).toBe('payg');
    expect(ctx.io.stderrText()).toContain('billing is active');
  });

  it('prints both ways and the pages in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(creditsStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toContain(`Billing overview: ${URLS.billing}`);
    expect(text).toContain(URLS.limits);
    expect(text).toContain('"Add to credit balance"');
    expect(ctx.prompter.asked).toEqual([]);
  });
});

describe('create-key', () => {
  it('opens the API keys page with advice on kind, name, permissions and copying', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'copied the key', answer: '' }]);
    await run(createKeyStep, ctx);
    expect(ctx.browser.opened).toEqual([URLS.apiKeys]);
    const text = ctx.io.stderrText();
    expect(text).toContain('project key');
    expect(text).toMatch(/which machine/);
    expect(text).toContain('Models: Read');
    expect(text).toContain('Model capabilities: Write');
    expect(text).toContain('shown only once');
  });

  it('prints the page and the advice in non-interactive mode', async () => {
    const ctx = nonInteractiveContext();
    await run(createKeyStep, ctx);
    expect(ctx.io.stderrText()).toContain(`API keys: ${URLS.apiKeys}`);
    expect(ctx.io.stderrText()).toContain('shown only once');
  });
});
