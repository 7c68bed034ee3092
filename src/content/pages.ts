// What to do on each platform page. Shared by the interactive steps (which open the page and wait)
// and the non-interactive ones (which print the URL and these lines, and move on).

export const WELCOME = {
  title: 'openai-onboard: from "I pay for ChatGPT" to a working OpenAI API key',
  lines: ['This takes a few minutes. Nothing is saved until the last steps, and Ctrl-C stops at any time.'],
  nonInteractive: [
    'Running non-interactively: no prompts, no browser. Each page is printed with what to do there.',
    'The key comes from --key-stdin or OPENAI_API_KEY; nothing is written unless you pass --save.',
  ],
};

export const SIGN_IN = {
  label: 'API Platform',
  lines: [
    'Sign in (or sign up) at the API Platform. Your ChatGPT login works here too,',
    'but API billing and keys are managed separately from your ChatGPT plan.',
  ],
  wait: 'Press Enter when you are signed in',
};

export const PAYMENT_METHOD = {
  label: 'Payment methods',
  lines: ['Click "Add payment method" and enter a credit or debit card. The API cannot be used without one (or prepaid credit).'],
  question: 'Press Enter when done',
  choices: [
    { value: 'added', name: 'Done: I added a payment method' },
    { value: 'had', name: 'I already have one' },
    { value: 'skipped', name: 'Skip for now' },
  ],
  skipped: 'Skipped. API calls will fail with "insufficient_quota" until the account has a payment method or credit.',
} as const;

export const CREDITS = {
  label: 'Billing overview',
  question: 'How do you want to pay for API usage?',
  wait: 'Press Enter when done',
  limitsLabel: 'Limits (monthly budget)',
};

export const CREATE_KEY = {
  label: 'API keys',
  lines: [
    'Click "Create new secret key", then:',
    '  • Owned by: You; Project: a project of yours (this makes a project key, the recommended kind)',
    '  • Name: say which machine or app it is for, e.g. "laptop-2026" or "my-bot on server-1"',
    '  • Permissions: "Restricted" is safest; Models: Read and Model capabilities: Write suffice for most apps',
    '  • Copy the key right away: it is shown only once. If you lose it, just create another one.',
  ],
  wait: 'Press Enter when you have copied the key',
};

export const PASTE_KEY = {
  prompt: 'Paste your API key (hidden)',
  retry: 'Copy it again from the API keys page (the copy button next to the new key) and paste it here.',
  /** For --key-stdin / OPENAI_API_KEY, where nothing can be pasted. */
  fixSource: 'Pipe the key from the API keys page with --key-stdin, or set OPENAI_API_KEY to it.',
};
