// What the wizard says and offers after a failed key check, per diagnosis. The diagnosis's own
// summary and fix (src/content/diagnosis-text.ts, rendered by renderCheckResult) are shown first;
// these lines add the wizard's next move. Facts follow shared/openai-api-facts.md.
import type { Diagnosis } from '../key/diagnoses.js';
import { URLS } from '../platform/urls.js';

export type RecoveryAction = 'retry' | 'paste' | 'quit';

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
  paste: 'Paste a different key',
  quit: 'Quit for now (run openai-onboard again to continue)',
};

/** Scope → the permission to tick in the key's "Restricted" settings. */
const SCOPE_PERMISSIONS: Record<string, string> = {
  'api.model.read': 'Models: Read',
  'api.model.request': 'Model capabilities: Write',
};

export function scopesToPermissions(scopes: string[]): string[] {
  const named = scopes.map((s) => (SCOPE_PERMISSIONS[s] ? `${SCOPE_PERMISSIONS[s]} (${s})` : s));
  return named.length ? named : Object.values(SCOPE_PERMISSIONS);
}

/** "Missing scopes: api.model.read, api.model.request." → the scope names. */
export function missingScopes(message: string | undefined): string[] {
  // Dotted names separated by commas or spaces; the sentence ends at the first word without a dot.
  const match = /missing scopes?:\s*((?:[a-z0-9_]+(?:\.[a-z0-9_]+)+(?:,?\s*|\.))+)/i.exec(message ?? '');
  return match ? match[1]!.split(/[\s,]+/).map((s) => s.replace(/\.$/, '')).filter((s) => s.includes('.')) : [];
}

export function recoveryFor(diagnosis: Diagnosis, detailMessage?: string): Recovery {
  switch (diagnosis) {
    case 'no_credits':
      return {
        lines: [
          'The key is fine; the account has no usable credit yet (a ChatGPT plan does not count).',
          'Add credit on the billing overview ("Add to credit balance"). The balance can take a few minutes to update.',
          'If it still fails a few minutes after the balance shows credit, create a new key: keys made while the',
          'balance was zero sometimes keep failing for a while, and a new one usually works at once.',
        ],
        page: { url: URLS.billing, label: 'Billing overview' },
        question: 'Press Enter to check again once the balance shows credit',
        actions: ['retry', 'paste', 'quit'],
      };
    case 'invalid_key':
      return {
        lines: [
          'OpenAI rejected this key: it was mistyped or cut off, revoked, or belongs to a deleted project.',
          'A key is shown only once: if you no longer have it, create a new one on the API keys page.',
        ],
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
          'This is a restricted key without a permission the check needs:',
          ...scopesToPermissions(missingScopes(detailMessage)).map((p) => `  • ${p}`),
          'On the API keys page, edit the key (the pencil icon), keep "Restricted" and tick',
          'Models: Read and Model capabilities: Write (or choose "All"). The change applies to the same key.',
        ],
        page: { url: URLS.apiKeys, label: 'API keys' },
        question: 'Press Enter to check again after changing the permissions',
        actions: ['retry', 'paste', 'quit'],
      };
    case 'model_access_denied':
      return {
        lines: [
          "The key works, but its project may not use the model the check calls. Each project has its own",
          'list of allowed models: open Projects, pick the key\'s project, and under Limits allow the model',
          '(or all models). Some newer models also need organization verification (Settings → General).',
        ],
        page: { url: URLS.projects, label: 'Projects' },
        question: 'Press Enter to check again after allowing the model',
        actions: ['retry', 'paste', 'quit'],
      };
    default:
      return { lines: [], question: 'What now?', actions: ['retry', 'paste', 'quit'] };
  }
}
