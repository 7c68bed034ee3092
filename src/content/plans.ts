// What ChatGPT plans include and how the API is paid for: every sentence the wizard says about money
// lives here. Amounts and dashboard labels come from ./facts.ts (each with its source), never inline.
// Deliberately absent: free trial credits (new accounts do not get them; we never promise them), and
// pay-as-you-go with a card (new API accounts are prepaid; monthly invoicing is only for accounts
// already on it).
import type { StepId } from '../steps/step.js';
import { LABELS, label, MONEY, TERMS, usd } from './facts.js';

export const PLANS_INTRO = [
  'No ChatGPT plan (Free, Plus, Pro or Business) includes API usage: the API is',
  'billed separately, on platform.openai.com. That is why a first call often fails',
  'with "429 insufficient_quota".',
  '',
  `New API accounts are prepaid: you buy credit (from ${usd(MONEY.minimumPurchase)}) and calls draw on it.`,
  `Credit expires after ${TERMS.creditExpiry.value} and is not refundable.`,
];

export const PLAN_HEADING = 'The plan:';

/** A few words after a step's title in the plan of step 1, where the title alone leaves a question. */
export const PLAN_NOTES: Partial<Record<StepId, string>> = {
  'explain-plans': '(you are here)',
  'check-key': `two tiny real calls, about ${usd(MONEY.checkCost)}`,
};

/** The first purchase, on the billing overview. */
export const BUY_CREDIT = [
  'On the billing page:',
  `  • Click ${label(LABELS.addPaymentDetails)}: a card, then the amount (at least ${usd(MONEY.minimumPurchase)};`,
  `    ${usd(MONEY.defaultFirstPurchase)} is filled in). Later: ${label(LABELS.buyCredits)} or ${label(LABELS.addToCreditBalance)}.`,
  '  • Auto-reload starts switched on: below a threshold, it charges the card',
  '    again. For a firm ceiling, turn it off or set a monthly reload limit.',
  "  • Already invoiced monthly? You're set.",
];

/** Printed, not opened: a spend alert only emails; an enforced hard limit is what stops traffic. */
export const HARD_LIMIT_ADVICE = [
  `Recommended: ${label(LABELS.enforceHardLimit)} on the limits page. API calls then stop`,
  `when the month's spend reaches it (${TERMS.hardLimitDelay.value}). A spend`,
  'alert only emails.',
];

export type CreditAnswer = 'added' | 'later';

export const CREDIT_QUESTION = 'Is there credit on the account now?';

/** After "Not yet": a key made while the balance is zero can keep failing for a while after credit lands. */
export const CREDIT_LATER_TIP =
  'Tip: buy the credit before you create the key if you can. Keys created while the balance was zero sometimes keep failing for a while after the credit arrives; a new key then works at once.';
export const CREDIT_CHOICES: ReadonlyArray<{ value: CreditAnswer; name: string }> = [
  { value: 'added', name: 'Yes' },
  { value: 'later', name: 'Not yet (the key check will wait for it)' },
];

/** For the Done screen and the model_access_denied advice: some models need a verified organization. */
export const ORG_VERIFICATION = [
  'Some models (image generation, for one) need a verified organization:',
  `${label(LABELS.verifyOrganization)} on the organization page, with a government-issued`,
  `photo ID. Access follows within ${TERMS.verificationMinutes.value} minutes (the help centre says up to ${TERMS.verificationMinutesHelp.value});`,
  'a failed verification cannot simply be retried.',
];
