// The human wording of every diagnosis: one sentence that says what is wrong, one that says what to
// do. The codes are stable API (src/key/diagnoses.ts); this wording may improve freely.
import { cmd } from '../platform/command-name.js';
import type { Facts } from '../key/diagnose.js';
import type { Diagnosis } from '../key/diagnoses.js';
import type { ProxyInfo } from '../key/http.js';
import { URLS } from '../platform/urls.js';
import { LABELS, MONEY, TERMS } from './facts.js';
import { baseUrlNote, endpointText, host, notOpenAIText } from './endpoint-text.js';
import { describeScopes, GRANT_ADVICE, permissionsFor } from './scopes.js';

export interface WordingInput {
  facts: Facts;
  baseUrl: string;
  /** Where a non-default base URL came from: '--base-url' or 'OPENAI_BASE_URL'. */
  baseUrlFrom?: string;
  orgId?: string;
  projectId?: string;
  proxy?: ProxyInfo;
  extraCaSet?: boolean;
  customHeadersSet?: boolean;
  /** The analysis's reason, for malformed_key and wrong_provider_key. */
  reason?: string;
  timeoutMs?: number;
}

export interface Wording {
  summary: string;
  fix: string;
}

type Writer = (w: WordingInput) => Wording;

const TEXT: Record<Diagnosis, Writer> = {
  ok: ({ facts }) =>
    facts.billingSkipped
      ? {
          summary: 'The key works: OpenAI accepted it. Billing was not checked (--no-spend), so this does not prove the account has credit.',
          fix: `Nothing to fix. Run again without --no-spend to check billing too (the test call costs about $${MONEY.checkCost.value}).`,
        }
      : { summary: 'The key works: OpenAI accepted it and a one-token test call was billed successfully.', fix: 'Nothing to fix: use it.' },

  missing_key: () => ({
    summary: 'No API key found: OPENAI_API_KEY is not set, and there is none in the .env file, the keychain or openai-onboard\'s shell-profile block.',
    fix: `Set OPENAI_API_KEY in this terminal, put it in the project's .env (OPENAI_API_KEY=…), or pipe it from where you keep it with --key-stdin. No key yet? Run ${cmd()} for the guided setup.`,
  }),

  malformed_key: (w) => ({
    summary: `This is not a usable API key. ${w.reason ?? ''}`.trim(),
    fix: `Copy the key again from ${URLS.apiKeys}. The full key is shown only once, when it is created; if you no longer have it, create a new key.`,
  }),

  wrong_provider_key: (w) => ({
    summary: w.reason ?? 'This is not an OpenAI key.',
    fix: `Create an OpenAI API key at ${URLS.apiKeys} (it starts with "sk-proj-") and use that. The OpenAI API is billed separately from ChatGPT and from other providers.`,
  }),

  invalid_key: (w) => {
    const different = w.facts.receivedDifferentKey
      ? ' OpenAI received a different key than the one you pasted (its length or last four characters differ): something on the way changed it.'
      : '';
    const headers = w.customHeadersSet ? ' OPENAI_CUSTOM_HEADERS is set and may replace the Authorization header.' : '';
    return {
      summary: `OpenAI rejected the key (401): it is mistyped, revoked or deleted, or belongs to a deleted project.${different}${headers}${baseUrlNote(w)}`,
      fix: `Create a new key at ${URLS.apiKeys}, copy it in one piece with the copy button, and check again.`,
    };
  },

  wrong_org: (w) => {
    const culprit = w.orgId
      ? ` OPENAI_ORG_ID is set to ${w.orgId}, which is sent with the key and does not match it.`
      : w.projectId
        ? ` OPENAI_PROJECT_ID is set to ${w.projectId}, which is sent with the key and may not match it.`
        : '';
    return {
      summary: `The key was refused because of its organization or project: they do not match, you belong to no organization, or the person who created the key was removed.${culprit}`,
      fix: w.orgId || w.projectId
        ? `Unset ${w.orgId ? 'OPENAI_ORG_ID' : 'OPENAI_PROJECT_ID'} (or set it to the value shown at ${w.orgId ? URLS.organization : URLS.projects}) and check again.`
        : `Open ${URLS.organization} to check your membership; if the key's creator left the organization, create a new key.`,
    };
  },

  missing_scopes: ({ facts }) => {
    const named = facts.scopes?.length ? `: ${describeScopes(facts.scopes).join(', ')}` : ' (OpenAI did not say which)';
    return {
      summary: `The key is a restricted key without a permission this check needs${named}.${facts.canSpend ? ' It can call models, but not list them.' : ''}`,
      fix: `At ${URLS.apiKeys}, edit the key (pencil icon), set ${permissionsFor(facts.scopes).join(' and ')} (or choose All), save, and check again. ${GRANT_ADVICE}`,
    };
  },

  model_access_denied: (w) => {
    const model = w.facts.model ? `the model ${w.facts.model}` : 'the model of the test call';
    const project = w.projectId ? ` OPENAI_PROJECT_ID is set to ${w.projectId}.` : '';
    return w.facts.verification
      ? {
          summary: `The key works, but ${model} needs a verified organization.${project}`,
          fix: `Verify your organization at ${URLS.organization} ("${LABELS.verifyOrganization.value}": it needs a government-issued photo ID, takes up to ${TERMS.verificationMinutes.value} minutes to apply (the help centre says ${TERMS.verificationMinutesHelp.value}), and a failed verification cannot simply be retried), then check again.`,
        }
      : {
          summary: `The key works, but its project may not use ${model}.${project}`,
          fix: `At ${URLS.projects}, open the project's Limits and allow the model, or use a key of a project that may use it.`,
        };
  },

  wrong_endpoint: (w) => endpointText(w),

  ip_not_allowed: () => ({
    summary: "OpenAI refused this machine's IP address (401 ip_not_authorized): the organization or project has an IP allowlist that does not include it. The key itself may be fine.",
    fix: `An organization owner can add this address at ${URLS.ipAllowlist} (changes take up to 15 minutes), or run from a network that is on the list.`,
  }),

  unsupported_region: () => ({
    summary: 'OpenAI refuses requests from the country or region of this network (VPNs, proxies and cloud hosts count).',
    fix: `Check the list of supported countries at ${URLS.supportedCountries}; turn off a VPN or run from a supported location.`,
  }),

  no_credits: () => ({
    summary: 'The key is valid, but the API account has no credit. ChatGPT Plus and Pro do not include API usage: the API is billed separately, and new accounts buy credit first.',
    fix: `Open ${URLS.billing} and add credit ("${LABELS.addPaymentDetails.value}" the first time, later "${LABELS.buyCredits.value}" or "${LABELS.addToCreditBalance.value}"; minimum $${MONEY.minimumPurchase.value}). The balance can take a few minutes to update; if the key still fails after that, create a new key.`,
  }),

  spend_limit_reached: ({ facts }) =>
    /usage_limit/i.test(facts.code ?? '')
      ? {
          summary: 'The key is valid, but the organization reached the usage limit OpenAI set for its tier. Buying credit does not lift it.',
          fix: `Ask OpenAI for a higher limit at ${URLS.limits}, or wait until the limit resets.`,
        }
      : {
          summary: 'The key is valid, but an enforced hard spend limit of the organization or project stopped it. Buying credit does not lift it.',
          fix: `Raise or lift the hard limit at ${URLS.limits} (or in the project's Settings → Limits), or wait until the month resets.`,
        },

  account_deactivated: () => ({
    summary: 'OpenAI has deactivated this account or terminated its API access. A new key will not help.',
    fix: `Sign in at ${URLS.signIn} to read why, and contact OpenAI through help.openai.com if you think it is a mistake.`,
  }),

  rate_limited: () => ({
    summary: 'The key works, but the check was rate limited (429). Free-tier limits are low; this is not a billing problem.',
    fix: `Wait a minute and check again. Limits rise with your usage tier; see ${URLS.limits}.`,
  }),

  server_error: (w) => w.facts.notOpenAI ? notOpenAIText(w) : ({
    summary: `${host(w.baseUrl)} answered with a server error${w.facts.status ? ` (HTTP ${w.facts.status})` : ''}${w.facts.htmlPage ? ', a gateway page instead of an API answer' : ''}. The key may be fine.${baseUrlNote(w)}`,
    fix: `Check ${URLS.status} and try again in a few minutes.`,
  }),

  network: (w) => {
    const h = host(w.baseUrl);
    const code = w.facts.netCode;
    const what = w.facts.timeout
      ? `No answer from ${h}${w.timeoutMs ? ` within ${w.timeoutMs} ms` : ''}`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL'
        ? `Could not look up ${h} (DNS: ${code})`
        : code === 'ECONNREFUSED'
          ? `The connection to ${h} was refused (ECONNREFUSED)`
          : code === 'ECONNRESET'
            ? `The connection to ${h} was cut off (${code})`
            : `Could not connect to ${h} (${code ?? 'no details'})`;
    const via = w.proxy ? ` The request went through the proxy ${w.proxy.display} (${w.proxy.variable}).` : '';
    return {
      summary: `${what}.${via}${baseUrlNote(w)}`,
      fix: 'Check your internet connection, VPN and firewall, then try again. Behind a corporate proxy, set HTTPS_PROXY (for example HTTPS_PROXY=http://proxy.example:8080).',
    };
  },

  tls: (w) => ({
    summary: `The secure connection to ${host(w.baseUrl)} failed its certificate check (${w.facts.netCode}). Usually a corporate proxy or antivirus inspects encrypted traffic with its own certificate.${w.extraCaSet ? ' NODE_EXTRA_CA_CERTS is set, but that file does not vouch for this certificate.' : ''}`,
    fix: 'Ask your IT team for the organization\'s root certificate (a .pem file) and run with NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem. Do not turn certificate checks off.',
  }),

  proxy: (w) => {
    const p = w.proxy ? `${w.proxy.display} (from ${w.proxy.variable})` : 'the configured proxy';
    const code = w.facts.netCode ?? '';
    const summary =
      code === '407'
        ? `The proxy ${p} wants a username and password (407 Proxy Authentication Required).`
        : /^\d{3}$/.test(code)
          ? `The proxy ${p} refused to connect to ${host(w.baseUrl)} (it answered ${code}).`
          : `Could not reach the proxy ${p} (${code || 'no details'}).`;
    return {
      summary,
      fix:
        code === '407'
          ? `Put the proxy's user name and password in ${w.proxy?.variable ?? 'HTTPS_PROXY'} (http://user:password@host:port), or ask IT which credentials it expects.`
          : `Check the host and port in ${w.proxy?.variable ?? 'HTTPS_PROXY'}. Not behind a proxy? Unset it. Hosts listed in NO_PROXY bypass it.`,
    };
  },

  unknown: ({ facts }) => {
    const parts = [facts.status ? `HTTP ${facts.status}` : undefined, facts.type, facts.code, facts.message ? `"${facts.message}"` : undefined];
    return {
      summary: `OpenAI answered something this tool does not recognise: ${parts.filter(Boolean).join(', ') || 'no details'}${facts.requestId ? ` (request ${facts.requestId})` : ''}.`,
      fix: `Try again. If it persists, look the error up at ${URLS.errorCodes} and quote the request ID to OpenAI support.`,
    };
  },
};

export function diagnosisText(diagnosis: Diagnosis, input: WordingInput): Wording {
  return TEXT[diagnosis](input);
}
