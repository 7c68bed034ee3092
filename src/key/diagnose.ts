// From probe outcomes to exactly one diagnosis. One HTTP status carries several diagnoses (429 is
// no credits, a spend limit, a terminated account or a rate limit), so we classify on error.type and
// error.code first, then on the message, and only last on the status (see the contract's Key check).
import type { Diagnosis } from './diagnoses.js';
import type { ProxyInfo } from './http.js';
import { bodyKind, type BodyKind } from './answer-shape.js';
import { classifyConnection } from './net-errors.js';
import type { ProbeError, ProbeName, ProbeOutcome } from './probes.js';

/** What the wording needs to explain a diagnosis; never the key. */
export interface Facts {
  probe?: ProbeName;
  status?: number;
  type?: string;
  code?: string;
  /** The server's message or page text, for unknown/server errors (redacted before printing). */
  message?: string;
  requestId?: string;
  scopes?: string[];
  model?: string;
  /** The model needs a verified organization. */
  verification?: boolean;
  netCode?: string;
  timeout?: boolean;
  /** OpenAI's 401 echoed a key of another length or ending than the one sent. */
  receivedDifferentKey?: boolean;
  htmlPage?: boolean;
  billingSkipped?: boolean;
  /** The billing probe worked although the auth probe did not (a restricted key). */
  canSpend?: boolean;
  authOk?: boolean;
  /** wrong_endpoint: why the endpoint is wrong. */
  endpoint?: EndpointProblem;
  /** wrong_endpoint (region): the host OpenAI asked for, e.g. us.api.openai.com. */
  host?: string;
  /** The answer lacked OpenAI's envelope and headers: something in front of OpenAI sent it. */
  notOpenAI?: boolean;
  /** The Server header of such an answer, to say what answered. */
  server?: string;
  /** What a 2xx without the API's shape held instead. */
  bodyKind?: BodyKind;
}

/**
 * region: the key's project lives in a data-residency region (401 incorrect_hostname);
 * missing_v1: the base URL lacks /v1 (404 "Invalid URL (GET /models)");
 * not_api: the answer is not the API's (a 2xx of the wrong shape, a non-OpenAI 404);
 * too_large: the answer was bigger than any API answer (node-fetch.ts caps it).
 */
export type EndpointProblem = 'region' | 'missing_v1' | 'not_api' | 'too_large';

export interface Finding {
  diagnosis: Diagnosis;
  facts: Facts;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

const WRONG_ORG_CODES = ['mismatched_organization', 'invalid_organization', 'no_organization', 'mismatched_project', 'invalid_project'];

/**
 * Classifies one HTTP answer that was not a success: error.code first (the most specific and the
 * most stable), then error.type, then phrases that carry meaning, last the status. Newer answers
 * often have code: null, and wording changes, so each diagnosis is reachable without a code.
 */
export function classifyHttpError(e: ProbeError): Finding {
  const type = lower(e.type);
  const code = lower(e.code);
  const message = e.message ?? '';
  const facts: Facts = { status: e.status, type: e.type, code: e.code, requestId: e.requestId };
  const is = (diagnosis: Diagnosis, extra: Facts = {}): Finding => ({ diagnosis, facts: { ...facts, ...extra } });
  const where = e.server ? { server: e.server } : {};

  // 0. Answers that are not the API's: they say nothing about the key.
  if (e.tooLarge) return is('wrong_endpoint', { endpoint: 'too_large', ...where });
  if (e.wrongShape) return is('wrong_endpoint', { endpoint: 'not_api', bodyKind: e.wrongShape, message: summariseText(e), ...where });
  // A 5xx page from the edge (OpenAI's CDN too) stays a server error, classified by status below.
  if (e.fromOpenAI === false && (e.status ?? 0) < 500) {
    const status = e.status ?? 0;
    // A path that does not exist there: the base URL does not point at an API.
    if (status === 404 || status === 405) return is('wrong_endpoint', { endpoint: 'not_api', notOpenAI: true, message: summariseText(e), ...where });
    return is('server_error', { notOpenAI: true, message: summariseText(e), ...where });
  }

  // 1. error.code.
  if (/spend_limit_exceeded|usage_limit_exceeded|billing_hard_limit_reached|^usage_limit/.test(code)) return is('spend_limit_reached');
  if (code === 'insufficient_quota' || code === 'credit_balance_exhausted') return is('no_credits');
  if (code === 'access_terminated' || code === 'account_deactivated') return is('account_deactivated');
  if (code === 'unsupported_country_region_territory') return is('unsupported_region');
  if (code === 'incorrect_hostname') return is('wrong_endpoint', { endpoint: 'region', host: requestedHost(message) });
  if (code === 'ip_not_authorized') return is('ip_not_allowed');
  if (WRONG_ORG_CODES.includes(code)) return is('wrong_org');
  if (code === 'invalid_api_key') return is('invalid_key', { message });
  if (code === 'model_not_found') return is('model_access_denied', modelFacts(message));
  if (code === 'rate_limit_exceeded') return is('rate_limited', { message });

  // 2. error.type.
  if (type === 'access_terminated') return is('account_deactivated');
  if (type === 'unsupported_country_region_territory') return is('unsupported_region');
  if (type === 'ip_not_authorized') return is('ip_not_allowed');
  if (type === 'requests' || type === 'tokens') return is('rate_limited', { message });
  if (type === 'insufficient_quota') {
    // The type has been stable across three generations of the no-credit error; codes changed.
    return /spend limit|usage limit|hard limit/i.test(message) ? is('spend_limit_reached') : is('no_credits');
  }

  // 3. Phrases that carry meaning, for answers with code: null or without the envelope.
  const scopes = message.match(/Missing scopes?:\s*([a-z0-9_.:, -]+)/i);
  if (scopes) return is('missing_scopes', { scopes: splitScopes(scopes[1]!) });
  if (/insufficient permissions/i.test(message)) return is('missing_scopes', { scopes: [] });
  if (/country, region,? or territory/i.test(message)) return is('unsupported_region');
  if (/regional hostname|make your request to [a-z0-9.-]+\.openai\.com/i.test(message)) {
    return is('wrong_endpoint', { endpoint: 'region', host: requestedHost(message) });
  }
  if (/^Invalid URL \(/i.test(message)) return is('wrong_endpoint', { endpoint: 'missing_v1', message });
  if (/\bIP\b.*not (?:authorized|allowed)|not in the (?:IP )?allow ?list/i.test(message)) return is('ip_not_allowed');
  // Before the organization and billing wording: these messages name the organization and billing.
  if (/^rate limit reached|rate limit exceeded/i.test(message)) return is('rate_limited', { message });
  if (/OpenAI-Organization header|must be a member of an organization|organization .*(?:not found|does not match|invalid)|no organization|access to the organization tied to the API key/i.test(message)) {
    return is('wrong_org');
  }
  if (/deactivated|access (?:was |has been )?terminated/i.test(message)) return is('account_deactivated');
  if (/incorrect api key|invalid api key|invalid authentication/i.test(message)) return is('invalid_key', { message });
  if (/spend(?:ing)? limit|usage limit|hard limit/i.test(message)) return is('spend_limit_reached');
  if (/no credits remaining|exceeded your current quota|credit balance|insufficient.quota/i.test(message)) return is('no_credits');
  // Free-tier rate-limit messages mention billing and "add a payment method": still a rate limit.
  if (/rate limit|too many requests|per min|per day/i.test(message)) return is('rate_limited', { message });
  if (/does not have access to model|do not have access to it|must be verified|not allowed to (?:sample|use)|model .*does not exist|model not found/i.test(message)) {
    return is('model_access_denied', modelFacts(message));
  }

  // 4. The status, last.
  const status = e.status ?? 0;
  const html = bodyKind(e.text) === 'html';
  if (status >= 500) return is('server_error', { message: summariseText(e), htmlPage: html });
  if (html) return is('unknown', { message: summariseText(e), htmlPage: true });
  if (status === 401) return is('invalid_key', { message });
  if (status === 429) return is('rate_limited', { message });
  return is('unknown', { message: summariseText(e) });
}

/** "…Please make your request to us.api.openai.com" → "us.api.openai.com". */
function requestedHost(message: string): string | undefined {
  return message.match(/request to ([a-z0-9-]+(?:\.[a-z0-9-]+)*\.openai\.com)/i)?.[1]?.toLowerCase();
}

function splitScopes(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.replace(/\.$/, ''))
    .filter((s) => /^[a-z]+(?:\.[a-z_]+)+$/i.test(s));
}

function modelFacts(message: string): Facts {
  // "Model not found gpt-x", "the model `x` does not exist", "does not have access to model `x`".
  const model =
    message.match(/model not found:?\s*[`'"]?([A-Za-z0-9._:/-]+?)[`'"]?(?:[.,]?\s|[.,]?$)/i)?.[1] ??
    message.match(/model [`'"]([^`'"\s]+)[`'"]/i)?.[1] ??
    message.match(/model ([A-Za-z0-9._:-]*\d[A-Za-z0-9._:-]*)/i)?.[1];
  return { ...(model ? { model } : {}), verification: /verif/i.test(message) };
}

/** A short, single-line excerpt of an answer, tags stripped (gateway pages are HTML). */
export function summariseText(e: ProbeError): string | undefined {
  const raw = e.message ?? e.text;
  if (!raw) return undefined;
  const title = raw.match(/<title>([^<]*)<\/title>/i)?.[1];
  const text = (title ?? raw.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * OpenAI's 401 echoes the key it received as first 8 + '*'x(length-12) + last 4. When the echo's
 * length or last four differ from the key we sent, a different key reached OpenAI.
 */
export function echoDiffers(message: string | undefined, sent: { length: number; last4: string }): boolean {
  const echo = message?.match(/Incorrect API key provided:\s*([^\s]+?)\.?(?:\s|$)/)?.[1];
  if (!echo || !echo.includes('*')) return false;
  return echo.length !== sent.length || echo.slice(-4) !== sent.last4;
}

// When both probes fail, the more fundamental cause wins (a dead network explains everything after
// it; a wrong endpoint explains any answer it gave). A Record, so a new code without a rank does not
// compile. The local codes never come from a probe; they rank first for completeness.
const PRECEDENCE: Record<Diagnosis, number> = {
  ok: 0,
  missing_key: 0,
  malformed_key: 0,
  wrong_provider_key: 0,
  proxy: 1,
  tls: 2,
  network: 3,
  wrong_endpoint: 4,
  ip_not_allowed: 5,
  invalid_key: 6,
  account_deactivated: 7,
  wrong_org: 8,
  unsupported_region: 9,
  no_credits: 10,
  spend_limit_reached: 11,
  missing_scopes: 12,
  model_access_denied: 13,
  rate_limited: 14,
  server_error: 15,
  unknown: 16,
};

export interface DiagnoseInput {
  auth: ProbeOutcome;
  billing?: ProbeOutcome;
  proxy?: ProxyInfo;
  sent: { length: number; last4: string };
}

export function classifyOutcome(o: ProbeOutcome, proxy: ProxyInfo | undefined): Finding {
  const e = o.error ?? {};
  if (e.connection) {
    const c = classifyConnection(e.connection, proxy);
    return { diagnosis: c.diagnosis, facts: { probe: o.name, netCode: c.netCode, timeout: c.timeout } };
  }
  const f = classifyHttpError(e);
  return { diagnosis: f.diagnosis, facts: { ...f.facts, probe: o.name } };
}

export function diagnose(input: DiagnoseInput): Finding {
  const { auth, billing } = input;
  if (auth.ok && (!billing || billing.ok)) return { diagnosis: 'ok', facts: { billingSkipped: !billing, authOk: true } };
  const failed = [auth, billing].filter((o): o is ProbeOutcome => Boolean(o && !o.ok));
  const findings = failed.map((o) => classifyOutcome(o, input.proxy));
  findings.sort((a, b) => PRECEDENCE[a.diagnosis] - PRECEDENCE[b.diagnosis]);
  const chosen = findings[0]!;
  const facts: Facts = { ...chosen.facts, authOk: auth.ok, canSpend: billing?.ok, billingSkipped: !billing };
  if (chosen.diagnosis === 'invalid_key') facts.receivedDifferentKey = echoDiffers(chosen.facts.message, input.sent);
  return { diagnosis: chosen.diagnosis, facts };
}
