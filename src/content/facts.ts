// Every fact about OpenAI's platform that the wizard states, with where it comes from and when it was
// last compared with that source, so a reader can re-check it. Content modules interpolate these values
// instead of writing a dollar amount or a dashboard label inline: test/unit/content-facts.test.ts fails
// when one does, and `npm run check:facts` runs the wizard and fails on known-stale statements.
// "checked": the date the statement was compared with its source (through shared/openai-api-facts.md
// and stored copies of the pages; no live request). Re-check the source before changing a value.
import { URLS } from '../platform/urls.js';

export interface Sourced<T> {
  value: T;
  /** A page that states it; for dashboard labels, the page where the label appears. */
  source: string;
  /** YYYY-MM-DD */
  checked: string;
}

const sourced = <T>(value: T, source: string, checked = '2026-12-01'): Sourced<T> => ({ value, source, checked });

const PREPAID_HELP = 'https://help.openai.com/en/articles/8264644';
const SPEND_HELP = 'https://help.openai.com/en/articles/6614457';
const VERIFICATION_HELP = 'https://help.openai.com/en/articles/10910291';
// Sources that are help articles are cited here, never printed; pages the wizard shows come from urls.ts.
const BILLING_PAGE = URLS.billing;
const KEYS_PAGE = URLS.apiKeys;
const ORG_PAGE = URLS.organization;
const DEPRECATIONS = URLS.deprecations;

/** Amounts in US dollars, as strings so "0.00000002" prints as written. */
export const MONEY = {
  /** New API accounts are prepaid; the smallest first purchase. */
  minimumPurchase: sourced('5', PREPAID_HELP),
  /** The amount the first-purchase dialog fills in. */
  defaultFirstPurchase: sourced('10', PREPAID_HELP),
  /** One token of text-embedding-3-small ($0.02 per million tokens): the check's billable probe. */
  checkCost: sourced('0.00000002', 'https://developers.openai.com/api/docs/pricing'),
} as const;

/** Labels as the dashboard shows them; the wizard quotes them so a newcomer can find the button. */
export const LABELS = {
  addPaymentDetails: sourced('Add payment details', BILLING_PAGE),
  buyCredits: sourced('Buy credits', BILLING_PAGE),
  addToCreditBalance: sourced('Add to credit balance', BILLING_PAGE),
  enforceHardLimit: sourced('Enforce a hard limit', SPEND_HELP),
  createSecretKey: sourced('Create new secret key', KEYS_PAGE),
  restricted: sourced('Restricted', KEYS_PAGE),
  /** Restricted-key permissions: the two a key needs to be checked and to call models. */
  listModelsRead: sourced('List models: Read', KEYS_PAGE),
  modelCapabilitiesRequest: sourced('Model capabilities: Request', KEYS_PAGE),
  /** What a group shows when only some of its endpoints are set: not enough for `model.request`. */
  mixed: sourced('Mixed', KEYS_PAGE),
  verifyOrganization: sourced('Verify Organization', ORG_PAGE),
} as const;

/** Facts in words. */
export const TERMS = {
  creditExpiry: sourced('one year', PREPAID_HELP),
  /** Auto-reload is switched on by default during the first purchase. */
  autoReloadOnByDefault: sourced(true, PREPAID_HELP),
  /** An enforced hard limit stops traffic, but not instantly. */
  hardLimitDelay: sourced('within minutes, not instantly', SPEND_HELP),
  verificationMinutes: sourced('15', VERIFICATION_HELP),
  /** The help centre's own, more cautious figure. */
  verificationMinutesHelp: sourced('30', VERIFICATION_HELP),
} as const;

/**
 * The example model of the Done screen when the check could not read the key's model list: the
 * deprecations page names it as the replacement of gpt-4o-mini (shut down 2027-01-14), and it has no
 * shutdown date of its own. The checker prefers a current model from the key's own list.
 */
export const FALLBACK_EXAMPLE_MODEL = sourced('gpt-6-luna', DEPRECATIONS);

/** Every sourced fact, for the tests that hold the content to this table. */
export const ALL_FACTS: ReadonlyArray<Sourced<unknown>> = [...Object.values(MONEY), ...Object.values(LABELS), ...Object.values(TERMS), FALLBACK_EXAMPLE_MODEL];

/** Shorthand for prose: `${usd(MONEY.minimumPurchase)}` → "$5". */
export const usd = (amount: Sourced<string>): string => `$${amount.value}`;
/** A dashboard label in quotes, as the prose shows it. */
export const label = (l: Sourced<string>): string => `"${l.value}"`;
