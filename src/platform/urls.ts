// Every OpenAI page the tool mentions, in one place (the table in shared/openai-api-facts.md, checked
// 2026-12-01). Older platform.openai.com/account/... links still appear in API error messages; we never
// print them. The short https://platform.openai.com/api-keys still redirects, but the page moved.
export const URLS = {
  signIn: 'https://platform.openai.com/',
  /** "Add payment details" (first purchase), "Buy credits" / "Add to credit balance", auto-reload. */
  billing: 'https://platform.openai.com/settings/organization/billing/overview',
  paymentMethods: 'https://platform.openai.com/settings/organization/billing/payment-methods',
  apiKeys: 'https://platform.openai.com/settings/organization/api-keys',
  /** Admin keys (sk-admin-…): organization owners only; they cannot call models. */
  adminKeys: 'https://platform.openai.com/settings/organization/admin-keys',
  usage: 'https://platform.openai.com/usage',
  /** Tier, rate limits, spend alerts and the enforced hard limit. */
  limits: 'https://platform.openai.com/settings/organization/limits',
  /** Organization ID and "Verify Organization". */
  organization: 'https://platform.openai.com/settings/organization/general',
  people: 'https://platform.openai.com/settings/organization/people',
  /** A project's own limits, members and service accounts. */
  projects: 'https://platform.openai.com/settings/organization/projects',
  ipAllowlist: 'https://platform.openai.com/settings/organization/security/ip-allowlist',
  errorCodes: 'https://developers.openai.com/api/docs/guides/error-codes',
  supportedCountries: 'https://developers.openai.com/api/docs/supported-countries',
  dataResidency: 'https://developers.openai.com/api/docs/guides/data-residency',
  /** Model shutdown dates and their replacements. */
  deprecations: 'https://developers.openai.com/api/docs/deprecations',
  status: 'https://status.openai.com/',
} as const;

export type PageName = keyof typeof URLS;

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
