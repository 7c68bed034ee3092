// Every OpenAI page the tool mentions, in one place (see shared/openai-api-facts.md).
// Older platform.openai.com/account/... links still appear in API error messages; we never print them.
export const URLS = {
  signIn: 'https://platform.openai.com/',
  billing: 'https://platform.openai.com/settings/organization/billing/overview',
  paymentMethods: 'https://platform.openai.com/settings/organization/billing/payment-methods',
  apiKeys: 'https://platform.openai.com/api-keys',
  usage: 'https://platform.openai.com/usage',
  limits: 'https://platform.openai.com/settings/organization/limits',
  organization: 'https://platform.openai.com/settings/organization/general',
  projects: 'https://platform.openai.com/settings/organization/projects',
  errorCodes: 'https://platform.openai.com/docs/guides/error-codes',
  supportedCountries: 'https://help.openai.com/en/articles/7947663',
  status: 'https://status.openai.com/',
  // Checked 2026-12-01 against shared/openai-api-facts.md ("Platform pages"): wrong_endpoint and ip_not_allowed.
  ipAllowlist: 'https://platform.openai.com/settings/organization/security/ip-allowlist',
  dataResidency: 'https://developers.openai.com/api/docs/guides/data-residency',
} as const;

export type PageName = keyof typeof URLS;

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
