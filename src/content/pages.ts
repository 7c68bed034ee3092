// What to do on each platform page. Shared by the interactive steps (which open the page and wait)
// and the non-interactive ones (which print the URL and these lines, and move on). Dashboard labels
// come from ./facts.ts.
import { LABELS, label } from './facts.js';

export const WELCOME = {
  title: 'openai-onboard: from a ChatGPT plan to a working OpenAI API key',
  lines: ['About five minutes. Nothing is saved until the end; Ctrl-C stops at any time.'],
  nonInteractive: [
    'Running non-interactively: no prompts, no browser; each page is printed instead.',
    'The key comes from --key-stdin or OPENAI_API_KEY; nothing is written without --save.',
  ],
  /** The same, when the key comes from the one-time page (--key-browser). */
  nonInteractiveKeyPage: [
    'Running non-interactively: no prompts; each page is printed instead.',
    'The key comes from the one-time page whose address is printed below; nothing is written without --save.',
  ],
};

export const SIGN_IN = {
  label: 'API Platform',
  lines: ['Sign in (or sign up) with your ChatGPT login: API keys and billing live there.'],
  wait: 'Press Enter when you are signed in',
};

export const CREDITS = { label: 'Billing', limitsLabel: 'Limits' };

export const CREATE_KEY = {
  label: 'API keys',
  lines: [
    `Click ${label(LABELS.createSecretKey)}, then:`,
    '  • Name it for where it will run, e.g. laptop-2026.',
    `  • Permissions: ${label(LABELS.restricted)} (recommended), with ${label(LABELS.listModelsRead)} and`,
    `    ${label(LABELS.modelCapabilitiesRequest)}; ${label(LABELS.mixed)} is not enough.`,
    '  • Copy the key: it is shown only once.',
  ],
  wait: 'Press Enter when you have copied the key',
};

/** What the paste prompt says after a paste that cannot be used: one next step per kind of mistake. */
export const PASTE_KEY = {
  prompt: 'Paste your API key (hidden)',
  /** A string that could have been a key, damaged in copying: copying again helps. */
  retry: 'Copy the key again (the copy button in the dialog that created it) and paste it here.',
  /** Another provider's key: where an OpenAI key is made. */
  otherProvider: 'OpenAI keys are made on the API keys page:',
  empty: 'Nothing was pasted.',
  reopen: 'Open the API keys page again?',
  admin:
    'This is an admin key: it manages the organization and cannot call models. Create a project key on the API keys page and paste that one.',
  /** For --key-stdin / OPENAI_API_KEY, where nothing can be pasted. */
  fixSource: 'Pipe the key from the API keys page with --key-stdin, or set OPENAI_API_KEY to it.',
};
