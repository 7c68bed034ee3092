// The stable diagnosis codes of the contract, with their exit codes and the page that fixes them.
// Wording for people lives in ../content/diagnosis-text.ts; this table is the API.
import { URLS } from '../platform/urls.js';

export const DIAGNOSIS_CODES = [
  'ok',
  'missing_key',
  'malformed_key',
  'wrong_provider_key',
  'invalid_key',
  'wrong_org',
  'missing_scopes',
  'model_access_denied',
  'unsupported_region',
  'wrong_endpoint',
  'ip_not_allowed',
  'no_credits',
  'spend_limit_reached',
  'account_deactivated',
  'rate_limited',
  'server_error',
  'network',
  'tls',
  'proxy',
  'unknown',
] as const;

export type Diagnosis = (typeof DIAGNOSIS_CODES)[number];

export interface DiagnosisInfo {
  exit: number;
  /** The page a person opens to fix it, when there is one. */
  fixUrl?: string;
}

export const DIAGNOSES: Record<Diagnosis, DiagnosisInfo> = {
  ok: { exit: 0 },
  missing_key: { exit: 3, fixUrl: URLS.apiKeys },
  malformed_key: { exit: 4, fixUrl: URLS.apiKeys },
  wrong_provider_key: { exit: 4, fixUrl: URLS.apiKeys },
  invalid_key: { exit: 4, fixUrl: URLS.apiKeys },
  wrong_org: { exit: 6, fixUrl: URLS.organization },
  missing_scopes: { exit: 6, fixUrl: URLS.apiKeys },
  model_access_denied: { exit: 6, fixUrl: URLS.projects },
  unsupported_region: { exit: 6, fixUrl: URLS.supportedCountries },
  wrong_endpoint: { exit: 6, fixUrl: URLS.dataResidency },
  ip_not_allowed: { exit: 6, fixUrl: URLS.ipAllowlist },
  no_credits: { exit: 5, fixUrl: URLS.billing },
  spend_limit_reached: { exit: 5, fixUrl: URLS.limits },
  account_deactivated: { exit: 5, fixUrl: URLS.organization },
  rate_limited: { exit: 8, fixUrl: URLS.limits },
  server_error: { exit: 7, fixUrl: URLS.status },
  network: { exit: 7 },
  tls: { exit: 7 },
  proxy: { exit: 7 },
  unknown: { exit: 1, fixUrl: URLS.errorCodes },
};

/** Anchor of the diagnosis's section in docs/troubleshooting.md (headings are the codes). */
export function troubleshootingAnchor(d: Diagnosis): string {
  return `docs/troubleshooting.md#${d}`;
}
