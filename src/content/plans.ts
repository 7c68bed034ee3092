// What ChatGPT plans include and how the API is billed: every fact and sentence the wizard says about
// money lives here, so it can be checked against shared/openai-api-facts.md in one place.
// Deliberately absent: free trial credits (some accounts got them once; we never promise them).

export const BILLING_FACTS = {
  prepaidMinimumUsd: 5,
  prepaidExpiry: 'one year',
  /** The billable probe of the key check: a one-token embedding. */
  checkCostUsd: '0.00000002',
} as const;

export const PLANS_INTRO = [
  'ChatGPT and the OpenAI API are two products with two separate bills.',
  // One string per paragraph: the IO layer wraps it to the terminal (src/ui/wrap.ts).
  'Your ChatGPT plan (Free, Plus or Pro) includes no API usage, so a first API call from a ChatGPT subscriber usually fails with "429 insufficient_quota". Nothing is wrong with you: the API simply has not been paid for yet.',
];

/** The compact table: [what, API usage included, where it is paid]. */
export const PLANS_TABLE: ReadonlyArray<readonly [string, string, string]> = [
  ['What you have', 'API usage included', 'Paid where'],
  ['ChatGPT Free', 'none', '-'],
  ['ChatGPT Plus / Pro', 'none', 'monthly, in the ChatGPT app'],
  ['OpenAI API', 'what you pay for', 'platform.openai.com (billed separately)'],
];

export const API_BILLING = [
  'The API is paid on platform.openai.com, in one of two ways:',
  `  • prepaid credits: buy at least $${BILLING_FACTS.prepaidMinimumUsd}; they expire after ${BILLING_FACTS.prepaidExpiry} and are not refundable`,
  '  • pay-as-you-go: usage is charged to your card',
  'You can sign in with the same account you use for ChatGPT.',
];

/** "What the next minutes will do", in the order of src/steps/index.ts. */
export const PLAN_OF_THE_WIZARD = [
  'sign in to the API Platform',
  'add a payment method',
  'add credit, and set a monthly budget so there are no surprises',
  'create an API key and paste it here (hidden as you type)',
  `check it with two tiny real calls (about $${BILLING_FACTS.checkCostUsd}; --no-spend skips the paid one)`,
  'save it where your code finds it (a project .env file, and more if you like)',
];

export type PaymentChoice = 'prepaid' | 'payg' | 'already';

export const CREDIT_CHOICES: ReadonlyArray<{ value: PaymentChoice; name: string; description: string }> = [
  {
    value: 'prepaid',
    name: `Prepaid credits (from $${BILLING_FACTS.prepaidMinimumUsd})`,
    description: `You pay up front and usage is taken from the balance. Credits expire after ${BILLING_FACTS.prepaidExpiry}.`,
  },
  {
    value: 'payg',
    name: 'Pay as you go',
    description: 'Usage is charged to your card. Set a monthly budget right after.',
  },
  {
    value: 'already',
    name: 'My account already has credit or billing set up',
    description: 'Nothing to buy: we only point you at the budget settings.',
  },
];

/** What to do on the billing overview, per choice. */
export const CREDIT_INSTRUCTIONS: Record<PaymentChoice, string[]> = {
  prepaid: [
    `On the billing overview, click "Add to credit balance" and buy at least $${BILLING_FACTS.prepaidMinimumUsd}.`,
    'Optional: turn on auto-recharge so the balance never runs dry.',
    'The balance can take a few minutes to update; a card authorisation hold is not a purchase.',
  ],
  payg: [
    'On the billing overview, check that billing is active with the card you just added.',
    'If the page only offers "Add to credit balance", your account is prepaid: add credit there instead.',
  ],
  already: ['The billing overview shows your current balance, if you want to confirm it.'],
};

/** Non-interactive runs make no choice: both ways in a few words. */
export const CREDIT_INSTRUCTIONS_EITHER = [
  `On the billing overview, either click "Add to credit balance" and buy at least $${BILLING_FACTS.prepaidMinimumUsd} of prepaid credits,`,
  'or check that pay-as-you-go billing is active with your card. The balance can take a few minutes to update.',
];

export const BUDGET_ADVICE = [
  'Recommended: set a monthly budget on the limits page, so a runaway script cannot surprise you.',
  'A few dollars a month is plenty to learn with.',
];
