// From probe outcomes to exactly one diagnosis. One HTTP status carries several diagnoses (429 is
// no credits, a spend limit, a terminated account or a rate limit), so we classify on error.type and
// error.code first, then on the message, and only last on the status (see the contract's Key check).
import type { Diagnosis } from './diagnoses.js';
import type { ProxyInfo } from './http.js';
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
}

export interface Finding {
  diagnosis: Diagnosis;
  facts: Facts;
}

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

/** Classifies one HTTP error answer. */
export function classifyHttpError(e: ProbeError): Finding {
  const type = lower(e.type);
  const code = lower(e.code);
  const message = e.message ?? '';
  const facts: Facts = { status: e.status, type: e.type, code: e.code, requestId: e.requestId };
  const is = (diagnosis: Diagnosis, extra: Facts = {}): Finding => ({ diagnosis, facts: { ...facts, ...extra } });

  // 1. error.code and error.type: the stable part of the API.
  if (/spend_limit_exceeded|usage_limit_exceeded|billing_hard_limit_reached|^usage_limit/.test(code)) return is('spend_limit_reached');
  if (code === 'insufficient_quota' || code === 'credit_balance_exhausted') return is('no_credits');
  if (type === 'access_terminated' || code === 'access_terminated' || code === 'account_deactivated') return is('account_deactivated');
  if (code === 'unsupported_country_region_territory' || type === 'unsupported_country_region_territory') return is('unsupported_region');
  if (['mismatched_organization', 'invalid_organization', 'no_organization', 'mismatched_project', 'invalid_project'].includes(code)) {
    return is('wrong_org');
  }
  if (code === 'invalid_api_key') return is('invalid_key', { message });
  if (code === 'model_not_found') return is('model_access_denied', modelFacts(message));
  if (code === 'rate_limit_exceeded' || type === 'requests' || type === 'tokens') return is('rate_limited', { message });
  if (type === 'insufficient_quota') {
    // The type has been stable across three generations of the no-credit error; codes changed.
    return /spend limit|usage limit|hard limit/i.test(message) ? is('spend_limit_reached') : is('no_credits');
  }

  // 2. The message, for answers with code: null or without the envelope.
  const scopes = message.match(/Missing scopes?:\s*([a-z0-9_.:, -]+)/i);
  if (scopes) return is('missing_scopes', { scopes: splitScopes(scopes[1]!) });
  if (/insufficient permissions/i.test(message)) return is('missing_scopes', { scopes: [] });
  if (/country, region,? or territory/i.test(message)) return is('unsupported_region');
  // Before the organization and billing wording: these messages name the organization and billing.
  if (/^rate limit reached|rate limit exceeded/i.test(message)) return is('rate_limited', { message });
  if (/OpenAI-Organization header|must be a member of an organization|organization .*(?:not found|does not match|invalid)|no organization/i.test(message)) {
    return is('wrong_org');
  }
  if (/deactivated|access (?:was |has been )?terminated/i.test(message)) return is('account_deactivated');
  if (/incorrect api key|invalid api key|invalid authentication/i.test(message)) return is('invalid_key', { message });
  if (/spend(?:ing)? limit|usage limit|hard limit/i.test(message)) return is('spend_limit_reached');
  if (/no credits remaining|exceeded your current quota|credit balance|insufficient.quota/i.test(message)) return is('no_credits');
  // Free-tier rate-limit messages mention billing and "add a payment method": still a rate limit.
  if (/rate limit|too many requests|per min|per day/i.test(message)) return is('rate_limited', { message });
  if (/does not have access to model|do not have access to it|must be verified|not allowed to (?:sample|use)|model .*does not exist/i.test(message)) {
    return is('model_access_denied', modelFacts(message));
  }

  // 3. The status, last.
  const status = e.status ?? 0;
  const html = /<html|<!doctype/i.test(e.text ?? '');
  if (status >= 500) return is('server_error', { message: summariseText(e), htmlPage: html });
  if (html) return is('unknown', { message: summariseText(e), htmlPage: true });
  if (status === 401) return is('invalid_key', { message });
  if (status === 429) return is('rate_limited', { message });
  return is('unknown', { message: summariseText(e) });
}

function splitScopes(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((s) => s.replace(/\.$/, ''))
    .filter((s) => /^[a-z]+(?:\.[a-z_]+)+$/i.test(s));
}

function modelFacts(message: string): Facts {
  const model = message.match(/model [`'"]?([A-Za-z0-9._:-]+)[`'"]?/i)?.[1];
  return { model, verification: /verif/i.test(message) };
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

// When both probes fail, the more fundamental cause wins (a dead network explains everything after it).
const PRECEDENCE: Diagnosis[] = [
  'proxy', 'tls', 'network', 'invalid_key', 'account_deactivated', 'wrong_org', 'unsupported_region', 'no_credits',
  'spend_limit_reached', 'missing_scopes', 'model_access_denied', 'rate_limited', 'server_error', 'unknown',
];

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
  findings.sort((a, b) => PRECEDENCE.indexOf(a.diagnosis) - PRECEDENCE.indexOf(b.diagnosis));
  const chosen = findings[0]!;
  const facts: Facts = { ...chosen.facts, authOk: auth.ok, canSpend: billing?.ok, billingSkipped: !billing };
  if (chosen.diagnosis === 'invalid_key') facts.receivedDifferentKey = echoDiffers(chosen.facts.message, input.sent);
  return { diagnosis: chosen.diagnosis, facts };
}
