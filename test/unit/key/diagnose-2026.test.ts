// The newer answer shapes (shared/openai-api-facts.md, "Error bodies"): every HTTP diagnosis reached
// with code: null, the two 2026 codes (wrong_endpoint, ip_not_allowed), and answers that did not come
// from OpenAI at all (no envelope, no x-request-id / openai-version), which must never blame the key.
import * as sdk from 'openai';
import { describe, expect, it } from 'vitest';
import { diagnosisText } from '../../../src/content/diagnosis-text.js';
import { classifyHttpError, diagnose, type Finding } from '../../../src/key/diagnose.js';
import { DIAGNOSIS_CODES, type Diagnosis } from '../../../src/key/diagnoses.js';
import { type ProbeError, type ProbeOutcome, toProbeError } from '../../../src/key/probes.js';

const OPENAI_HEADERS = { 'x-request-id': 'req_test', 'openai-version': '2020-10-01' };

/** What the SDK throws for an HTTP answer with this body (JSON or raw text) and these headers. */
function classify(status: number, body: unknown, headers: Record<string, string> = OPENAI_HEADERS): Finding {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  let json: object | undefined;
  try {
    json = JSON.parse(text) as object;
  } catch {
    json = undefined;
  }
  const error = sdk.APIError.generate(status, json, json ? undefined : text, new Headers(headers));
  return classifyHttpError(toProbeError(sdk, error, text));
}

const noCode = (message: string, type: string | null = null) => ({ error: { message, type, param: null, code: null } });

// One code-less body per diagnosis an HTTP answer can carry: the classifier must read the meaning.
const CODE_LESS: [Diagnosis, number, unknown][] = [
  ['invalid_key', 401, noCode('Incorrect API key provided: sk-proj-****AbCd. You can find your API key at https://platform.openai.com/account/api-keys.')],
  ['wrong_org', 401, noCode('You do not have access to the organization tied to the API key.')],
  ['missing_scopes', 401, noCode('You have insufficient permissions for this operation. Missing scopes: model.request. Check that you have the correct role in your organization.')],
  ['model_access_denied', 404, noCode('Model not found gpt-9-mini', 'invalid_request_error')],
  ['unsupported_region', 403, noCode('Country, region, or territory not supported')],
  ['wrong_endpoint', 401, noCode('Attempted to access resource with incorrect regional hostname. Please make your request to us.api.openai.com')],
  ['ip_not_allowed', 401, noCode('Your IP is not authorized to access this organization.')],
  ['no_credits', 429, noCode('You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/overview.')],
  ['spend_limit_reached', 429, noCode('You have reached the hard spend limit set for this project.')],
  ['account_deactivated', 401, noCode('The OpenAI account associated with this API key has been deactivated.')],
  ['rate_limited', 429, noCode('Rate limit reached for text-embedding-3-small in organization org-abc on requests per min (RPM): Limit 3, Used 3, Requested 1.')],
  ['server_error', 500, noCode('The server had an error processing your request.')],
  ['unknown', 418, noCode('I am a teapot')],
];

describe('code-less bodies: every diagnosis by meaning', () => {
  it.each(CODE_LESS)('%s', (expected, status, body) => {
    expect(classify(status, body).diagnosis).toBe(expected);
  });

  it('covers every diagnosis that comes from an HTTP answer', () => {
    const local = ['ok', 'missing_key', 'malformed_key', 'wrong_provider_key', 'network', 'tls', 'proxy'];
    expect(new Set(CODE_LESS.map(([d]) => d))).toEqual(new Set(DIAGNOSIS_CODES.filter((d) => !local.includes(d))));
  });

  it('reads the model out of "Model not found <id>"', () => {
    expect(classify(404, noCode('Model not found gpt-9-mini')).facts.model).toBe('gpt-9-mini');
  });
});

describe('wrong_endpoint', () => {
  it('401 incorrect_hostname names the host the project needs, and the fix has /v1', () => {
    const f = classify(401, { error: { message: 'Attempted to access resource with incorrect regional hostname. Please make your request to eu.api.openai.com', type: 'invalid_request_error', param: null, code: 'incorrect_hostname' } });
    expect(f).toMatchObject({ diagnosis: 'wrong_endpoint', facts: { endpoint: 'region', host: 'eu.api.openai.com' } });
    const text = diagnosisText('wrong_endpoint', { facts: f.facts, baseUrl: 'https://api.openai.com/v1' });
    expect(text.fix).toContain('OPENAI_BASE_URL=https://eu.api.openai.com/v1');
    expect(`${text.summary} ${text.fix}`).not.toMatch(/create a new key|rejected the key/i);
  });

  it('404 "Invalid URL (GET /models)" is a base URL without /v1, with its own fix', () => {
    const f = classify(404, noCode('Invalid URL (GET /models)', 'invalid_request_error'));
    expect(f).toMatchObject({ diagnosis: 'wrong_endpoint', facts: { endpoint: 'missing_v1' } });
    const text = diagnosisText('wrong_endpoint', { facts: f.facts, baseUrl: 'https://api.openai.com', baseUrlFrom: 'OPENAI_BASE_URL' });
    expect(text.fix).toContain('OPENAI_BASE_URL=https://api.openai.com/v1');
  });

  it.each<[string, ProbeError]>([
    ['an HTML page', { status: 200, wrongShape: 'html', text: '<!doctype html><html>Vite app</html>' }],
    ['a 200 carrying an error envelope', { status: 200, wrongShape: 'json', code: 'invalid_api_key', text: '{"error":{"code":"invalid_api_key"}}' }],
    ['an answer over the size cap', { status: 200, tooLarge: true }],
  ])('a 2xx that is %s is wrong_endpoint, not ok and not invalid_key', (_name, e) => {
    expect(classifyHttpError(e).diagnosis).toBe('wrong_endpoint');
  });

  it('ranks above the key diagnoses when both probes fail', () => {
    const out = (name: 'auth' | 'billing', error: ProbeError): ProbeOutcome => ({ name, ok: false, status: error.status, ms: 1, error });
    const d = diagnose({
      auth: out('auth', { status: 200, wrongShape: 'html' }),
      billing: out('billing', { status: 401, code: 'invalid_api_key', fromOpenAI: true }),
      sent: { length: 164, last4: 'AbCd' },
    });
    expect(d.diagnosis).toBe('wrong_endpoint');
  });
});

describe('ip_not_allowed', () => {
  it('401 with type ip_not_authorized is not invalid_key, and points at the allowlist', () => {
    const f = classify(401, { error: { message: 'Your IP is not authorized to access this organization.', type: 'ip_not_authorized', param: null, code: null } });
    expect(f.diagnosis).toBe('ip_not_allowed');
    const text = diagnosisText('ip_not_allowed', { facts: f.facts, baseUrl: 'https://api.openai.com/v1' });
    expect(text.fix).toContain('https://platform.openai.com/settings/organization/security/ip-allowlist');
  });
});

describe('billing codes: the code decides, the shared type does not', () => {
  const quota = 'You exceeded your current quota, please check your plan and billing details.';
  it.each([
    ['credit_balance_exhausted', 'no_credits'],
    ['organization_spend_limit_exceeded', 'spend_limit_reached'],
    ['project_spend_limit_exceeded', 'spend_limit_reached'],
    ['organization_usage_limit_exceeded', 'spend_limit_reached'],
  ])('429 insufficient_quota with code %s and the old quota message is %s', (code, expected) => {
    expect(classify(429, { error: { message: quota, type: 'insufficient_quota', param: null, code } }).diagnosis).toBe(expected);
  });
});

describe('answers that did not come from OpenAI', () => {
  const gateway = { server: 'corp-gateway/2.1', 'content-type': 'application/json' };

  it.each<[string, number, unknown]>([
    ['a JSON body without the envelope', 403, { error: 'Access denied by security policy.' }],
    ['an HTML block page', 403, '<!DOCTYPE html><html><head><title>Blocked by policy</title></head><body>Blocked</body></html>'],
    ['a bare 401', 401, ''],
    ['a 401 that says "invalid api key" without the envelope', 401, { message: 'Invalid API key' }],
  ])('%s is never invalid_key: it names what answered', (_name, status, body) => {
    const f = classify(status, body, gateway);
    expect(f.diagnosis).toBe('server_error');
    expect(f.facts).toMatchObject({ notOpenAI: true, server: 'corp-gateway/2.1', status });
    const text = diagnosisText(f.diagnosis, { facts: f.facts, baseUrl: 'https://api.openai.com/v1' });
    expect(text.summary).toMatch(/^Not OpenAI: .*HTTP \d{3} \(server: corp-gateway\/2\.1\)/);
    expect(text.fix).toMatch(/gateway/);
  });

  it('a 404 from something that is not OpenAI is wrong_endpoint', () => {
    expect(classify(404, 'Cannot GET /models', { server: 'Express' })).toMatchObject({ diagnosis: 'wrong_endpoint', facts: { endpoint: 'not_api' } });
  });

  it('the envelope alone is enough to be read as OpenAI (a compatible relay without request IDs)', () => {
    expect(classify(401, noCode('Incorrect API key provided: sk-abc***xyz1.'), {}).diagnosis).toBe('invalid_key');
  });
});
