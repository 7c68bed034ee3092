// diagnose() over the SDK's own error objects: answers as the real API has sent them over the years,
// with code: null, older and newer wording, missing fields and no envelope.
import * as sdk from 'openai';
import { describe, expect, it } from 'vitest';
import { classifyHttpError, diagnose, echoDiffers, type Finding } from '../../../src/key/diagnose.js';
import type { ProxyInfo } from '../../../src/key/http.js';
import { classifyConnection } from '../../../src/key/net-errors.js';
import { proxyRefusal } from '../../../src/key/node-fetch-proxy.js';
import { type ProbeOutcome, toProbeError } from '../../../src/key/probes.js';

/** What the SDK throws for an HTTP answer with this JSON body (or raw text). */
function sdkError(status: number, body: unknown): sdk.APIError {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: object | undefined;
  try {
    json = JSON.parse(text) as object;
  } catch {
    json = undefined;
  }
  const headers = new Headers({ 'x-request-id': 'req_test' });
  return sdk.APIError.generate(status, json, json ? undefined : text, headers);
}

const env = (message: string, type: string | null, code: string | null) => ({ error: { message, type, param: null, code } });

function classify(status: number, body: unknown): Finding {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return classifyHttpError(toProbeError(sdk, sdkError(status, body), text));
}

const QUOTA_2023 = 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
const CREDITS_2026 = 'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/overview.';
const FREE_TIER_RATE = 'Rate limit reached for text-embedding-3-small in organization org-abc on requests per day (RPD): Limit 200, Used 200, Requested 1. Please try again in 7m12s. Visit https://platform.openai.com/account/rate-limits to learn more. You can increase your rate limit by adding a payment method to your account at https://platform.openai.com/account/billing.';

describe('classifyHttpError', () => {
  it.each<[string, number, unknown, string]>([
    ['no credits 2023-2025', 429, env(QUOTA_2023, 'insufficient_quota', 'insufficient_quota'), 'no_credits'],
    ['no credits 2026', 429, env(CREDITS_2026, 'insufficient_quota', 'credit_balance_exhausted'), 'no_credits'],
    ['no credits, code null', 429, env(QUOTA_2023, 'insufficient_quota', null), 'no_credits'],
    ['no credits, type and code missing', 429, { error: { message: QUOTA_2023 } }, 'no_credits'],
    ['no credits without envelope', 429, { message: QUOTA_2023, type: 'insufficient_quota', code: 'insufficient_quota' }, 'no_credits'],
    ['org spend limit', 429, env('You have reached your organization spend limit.', 'insufficient_quota', 'organization_spend_limit_exceeded'), 'spend_limit_reached'],
    ['project spend limit', 429, env('Project budget exceeded.', 'insufficient_quota', 'project_spend_limit_exceeded'), 'spend_limit_reached'],
    ['usage limit', 429, env('Usage limit reached.', 'insufficient_quota', 'organization_usage_limit_exceeded'), 'spend_limit_reached'],
    ['legacy hard limit (400)', 400, env('Billing hard limit has been reached', 'invalid_request_error', 'billing_hard_limit_reached'), 'spend_limit_reached'],
    ['policy termination (429)', 429, env('Your access was terminated due to violation of our policies.', 'access_terminated', null), 'account_deactivated'],
    ['deactivated (401)', 401, env('The OpenAI account associated with this API key has been deactivated.', 'invalid_request_error', 'account_deactivated'), 'account_deactivated'],
    ['rate limit TPM', 429, env('Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29937, Requested 385. Please try again in 644ms.', 'tokens', 'rate_limit_exceeded'), 'rate_limited'],
    ['free-tier rate limit mentioning payment', 429, env(FREE_TIER_RATE, 'requests', 'rate_limit_exceeded'), 'rate_limited'],
    ['free-tier rate limit, code and type null', 429, env(FREE_TIER_RATE, null, null), 'rate_limited'],
    ['invalid key', 401, env('Incorrect API key provided: sk-proj-****AbCd. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key'), 'invalid_key'],
    ['invalid key, code null', 401, env('Incorrect API key provided: sk-abc***xyz1.', 'invalid_request_error', null), 'invalid_key'],
    ['bare 401', 401, '', 'invalid_key'],
    ['mismatched organization', 401, env('OpenAI-Organization header should match organization for API key', 'invalid_request_error', 'mismatched_organization'), 'wrong_org'],
    ['invalid organization', 401, env('No such organization: org-zzz.', 'invalid_request_error', 'invalid_organization'), 'wrong_org'],
    ['no organization', 401, env('You must be a member of an organization to use the API.', 'invalid_request_error', 'no_organization'), 'wrong_org'],
    ['missing scopes', 401, env('You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you\'re using a restricted API key, that it has the necessary scopes.', 'invalid_request_error', null), 'missing_scopes'],
    ['unsupported region', 403, env('Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory'), 'unsupported_region'],
    ['unsupported region, code null', 403, env('Country, region, or territory not supported', 'request_forbidden', null), 'unsupported_region'],
    ['model not found (404)', 404, env('The model `text-embedding-3-small` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found'), 'model_access_denied'],
    ['project lacks model (403)', 403, env('Project `proj_abc` does not have access to model `text-embedding-3-small`', 'invalid_request_error', null), 'model_access_denied'],
    ['server error', 500, env('The server had an error processing your request. Sorry about that!', 'server_error', null), 'server_error'],
    ['HTML 502 gateway page', 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>', 'server_error'],
    ['503 no body', 503, '', 'server_error'],
    ['HTML 403 from a firewall', 403, '<!DOCTYPE html><html><title>Access denied</title></html>', 'unknown'],
    ['an unexpected 418', 418, env('I am a teapot', 'weird', 'teapot'), 'unknown'],
  ])('%s', (_name, status, body, expected) => {
    expect(classify(status, body).diagnosis).toBe(expected);
  });

  it('names the missing scopes', () => {
    const f = classify(401, env('You have insufficient permissions for this operation. Missing scopes: api.model.read, api.model.request.', null, null));
    expect(f.facts.scopes).toEqual(['api.model.read', 'api.model.request']);
  });

  it('names the model and a verification requirement', () => {
    const f = classify(403, env('Your organization must be verified to use the model `o3`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization.', 'invalid_request_error', 'model_not_found'));
    expect(f).toMatchObject({ diagnosis: 'model_access_denied', facts: { model: 'o3', verification: true } });
  });

  it('keeps the title of an HTML page, not its markup', () => {
    const f = classify(502, '<html><head><title>502 Bad Gateway</title></head><body>x</body></html>');
    expect(f.facts).toMatchObject({ message: '502 Bad Gateway', htmlPage: true, status: 502, requestId: 'req_test' });
  });
});

describe('echoDiffers', () => {
  const key = { length: 164, last4: 'AbCd' };
  const echo = (len: number, last4: string) => `Incorrect API key provided: sk-proj-${'*'.repeat(len - 12)}${last4}. You can find…`;
  it('is false when the echo matches the key sent', () => expect(echoDiffers(echo(164, 'AbCd'), key)).toBe(false));
  it('is true when the length differs', () => expect(echoDiffers(echo(51, 'AbCd'), key)).toBe(true));
  it('is true when the last four differ', () => expect(echoDiffers(echo(164, 'WXYZ'), key)).toBe(true));
  it('is false when there is no echo', () => expect(echoDiffers('Invalid authentication', key)).toBe(false));
});

const outcome = (name: 'auth' | 'billing', status: number | undefined, body?: unknown): ProbeOutcome =>
  status === 200
    ? { name, ok: true, status, ms: 1 }
    : { name, ok: false, status, ms: 1, error: toProbeError(sdk, sdkError(status!, body), JSON.stringify(body)) };
const sent = { length: 164, last4: 'AbCd' };

describe('diagnose: combining the two probes', () => {
  it('auth 200 + billing 429 insufficient_quota = no_credits', () => {
    const d = diagnose({ auth: outcome('auth', 200), billing: outcome('billing', 429, env(QUOTA_2023, 'insufficient_quota', 'insufficient_quota')), sent });
    expect(d.diagnosis).toBe('no_credits');
    expect(d.facts.authOk).toBe(true);
  });
  it('both 401 = the auth diagnosis', () => {
    const body = env('Incorrect API key provided: sk-proj-****AbCd.', 'invalid_request_error', 'invalid_api_key');
    expect(diagnose({ auth: outcome('auth', 401, body), billing: outcome('billing', 401, body), sent }).diagnosis).toBe('invalid_key');
  });
  it('auth ok and --no-spend = ok, billing not checked', () => {
    expect(diagnose({ auth: outcome('auth', 200), sent })).toEqual({ diagnosis: 'ok', facts: { billingSkipped: true, authOk: true } });
  });
  it('both ok = ok', () => expect(diagnose({ auth: outcome('auth', 200), billing: outcome('billing', 200), sent }).diagnosis).toBe('ok'));
  it('a restricted key that can embed but not list models = missing_scopes, and says it can spend', () => {
    const d = diagnose({ auth: outcome('auth', 403, env('Missing scopes: api.model.read.', null, null)), billing: outcome('billing', 200), sent });
    expect(d).toMatchObject({ diagnosis: 'missing_scopes', facts: { canSpend: true } });
  });
  it('billing no_credits wins over an auth-side rate limit', () => {
    const d = diagnose({
      auth: outcome('auth', 429, env('Rate limit reached for requests', 'requests', 'rate_limit_exceeded')),
      billing: outcome('billing', 429, env(CREDITS_2026, 'insufficient_quota', 'credit_balance_exhausted')),
      sent,
    });
    expect(d.diagnosis).toBe('no_credits');
  });
  it('reports that OpenAI received a different key', () => {
    const body = env(`Incorrect API key provided: sk-proj-${'*'.repeat(39)}ZZZZ.`, 'invalid_request_error', 'invalid_api_key');
    const d = diagnose({ auth: outcome('auth', 401, body), billing: outcome('billing', 401, body), sent });
    expect(d.facts.receivedDifferentKey).toBe(true);
  });
});

// Shaped like what src/key/node-fetch.ts rejects with: Node's own error, code and all (the SDK then
// wraps it as APIConnectionError.cause). test/unit/key/node-fetch.test.ts checks real ones.
const chain = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`connect ${code}`), { code, ...extra });
const proxy: ProxyInfo = { variable: 'HTTPS_PROXY', display: 'http://127.0.0.1:9', hostname: '127.0.0.1', port: 9 };

describe('connection failures: the cause chain', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'])('%s is network', (code) => {
    const e = toProbeError(sdk, new sdk.APIConnectionError({ cause: chain(code) }));
    expect(classifyConnection(e.connection!, undefined)).toMatchObject({ diagnosis: 'network', netCode: code });
  });
  it("the SDK's own timeout is network", () => {
    const e = toProbeError(sdk, new sdk.APIConnectionTimeoutError());
    expect(classifyConnection(e.connection!, undefined)).toMatchObject({ diagnosis: 'network', timeout: true });
  });
  it.each(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED'])(
    '%s is tls, with or without a proxy',
    (code) => {
      const e = toProbeError(sdk, new sdk.APIConnectionError({ cause: chain(code) }));
      expect(classifyConnection(e.connection!, undefined).diagnosis).toBe('tls');
      expect(classifyConnection(e.connection!, proxy).diagnosis).toBe('tls');
    },
  );
  it('walks an AggregateError of several addresses', () => {
    const agg = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed'), {});
    const e = toProbeError(sdk, new sdk.APIConnectionError({ cause: agg }));
    expect(classifyConnection(e.connection!, undefined).netCode).toBe('ECONNREFUSED');
  });
  it('a refused connection with a proxy configured is the proxy', () => {
    const e = toProbeError(sdk, new sdk.APIConnectionError({ cause: chain('ECONNREFUSED', { address: '127.0.0.1', port: 9 }) }));
    expect(classifyConnection(e.connection!, proxy)).toMatchObject({ diagnosis: 'proxy', netCode: 'ECONNREFUSED' });
  });
  it('a proxy answering 407 is the proxy, asking for credentials', () => {
    const cause = proxyRefusal(407, 'CONNECT api.openai.com:443');
    const e = toProbeError(sdk, new sdk.APIConnectionError({ cause }));
    expect(classifyConnection(e.connection!, proxy)).toMatchObject({ diagnosis: 'proxy', netCode: '407' });
  });
  it('a proxy variable that is not a usable URL is the proxy', () => {
    const cause = Object.assign(new Error('HTTPS_PROXY is not a usable http(s) proxy URL'), { code: 'ERR_PROXY_INVALID_URL' });
    const e = toProbeError(sdk, new sdk.APIConnectionError({ cause }));
    expect(classifyConnection(e.connection!, proxy)).toMatchObject({ diagnosis: 'proxy', netCode: 'ERR_PROXY_INVALID_URL' });
  });
  it('survives a cyclic cause chain', () => {
    const a: Record<string, unknown> = { code: 'ECONNRESET', message: 'a' };
    a.cause = a;
    expect(classifyConnection({ timeout: false, cause: a }, undefined).diagnosis).toBe('network');
  });
});
