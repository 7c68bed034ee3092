// What the wizard says and offers after a failed key check, per diagnosis. The diagnosis's own
// summary and fix (src/content/diagnosis-text.ts, rendered by renderCheckResult) are shown first and
// explain the problem; these lines only add the wizard's next move, so they stay short.
import { cmd } from '../platform/command-name.js';
import type { Diagnosis } from '../key/diagnoses.js';
import type { CheckResult } from '../key/types.js';
import { URLS } from '../platform/urls.js';
import { describeScopes } from './scopes.js';

export type RecoveryAction = 'retry' | 'save-later' | 'paste' | 'quit';

export interface Recovery {
  /** Extra explanation, printed once per diagnosis. */
  lines: string[];
  /** A page that fixes it, opened once (the URL is printed either way). */
  page?: { url: string; label: string };
  question: string;
  actions: RecoveryAction[];
}

export const ACTION_NAMES: Record<RecoveryAction, string> = {
  retry: 'Check again',
  // A valid key on an unfunded account: keep it (the dashboard shows it only once), fund later.
  'save-later': 'Save it now and check again later',
  paste: 'Paste a different key',
  get quit() {
    return `Quit for now (run ${cmd()} again to continue)`;
  },
};

/** The wizard's next move; `detail` is the check's, whose `scopes` the classifier read once. */
export function recoveryFor(diagnosis: Diagnosis, detail?: CheckResult['detail']): Recovery {
  switch (diagnosis) {
    case 'no_credits':
      return {
        // The diagnosis text already says why and what to do; this is the wizard's part: it waits.
        lines: ['Add credit on the billing overview: the wizard checks again every 10 s by itself, or at once when you press Enter.'],
        page: { url: URLS.billing, label: 'Billing overview' },
        question: 'Press Enter to check again once the balance shows credit',
        actions: ['retry', 'save-later', 'paste', 'quit'],
      };
    case 'invalid_key':
      return {
        lines: ['If you still have the key, paste it again in one piece (the copy button); if not, create a new one.'],
        page: { url: URLS.apiKeys, label: 'API keys' },
        question: 'What now?',
        actions: ['paste', 'quit'],
      };
    case 'malformed_key':
    case 'wrong_provider_key':
      return { lines: [], question: 'What now?', actions: ['paste', 'quit'] };
    case 'missing_scopes':
      return {
        lines: [
          'Permissions to tick on this key (the pencil icon on the API keys page; the same key then works):',
          ...describeScopes(detail?.scopes).map((p) => `  • ${p}`),
        ],
        page: { url: URLS.apiKeys, label: 'API keys' },
        question: 'Press Enter to check again after changing the permissions',
        actions: ['retry', 'paste', 'quit'],
      };
    case 'model_access_denied':
      return {
        lines: ["Each project has its own list of allowed models (Projects → the key's project → Limits)."],
        page: { url: URLS.projects, label: 'Projects' },
        question: 'Press Enter to check again after allowing the model',
        actions: ['retry', 'paste', 'quit'],
      };
    case 'wrong_endpoint':
      return {
        // The base URL comes from the environment this process started with: only a new run sees a change.
        lines: ['Set the base URL as shown above, then run the wizard again in that terminal.'],
        question: 'What now?',
        actions: ['quit', 'paste', 'retry'],
      };
    case 'ip_not_allowed':
      return {
        lines: ["An organization owner adds this machine's address under Settings → Security → IP allowlist (up to 15 minutes to apply)."],
        page: { url: URLS.ipAllowlist, label: 'IP allowlist' },
        question: 'Press Enter to check again once the address is allowed',
        actions: ['retry', 'paste', 'quit'],
      };
    default:
      return { lines: [], question: 'What now?', actions: ['retry', 'paste', 'quit'] };
  }
}
