// Every diagnosis the API can cause, end to end: the built CLI, the real openai SDK, real HTTP to the
// loopback fake answering with bodies the real API has sent over the years.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/key/diagnoses.js';
import { runCheck } from '../fakes/check-cli.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { apiError, type FakeOpenAI, type FakeResponse, invalidKey, ok, type Route, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { runInPty } from '../fakes/pty-run.js';
import { CLI, runCli, type Sandbox, sandbox } from './modes-harness.js';

let server: FakeOpenAI;
let box: Sandbox;
beforeAll(async () => {
  server = await startFakeOpenAI();
  box = sandbox(server.url);
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.set('models', ok.models());
  server.set('embeddings', ok.embeddings());
});

const env = (status: number, message: string, type: string | null, code: string | null) => apiError(status, { message, type, code });
const QUOTA = 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.';
const CREDITS = 'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/overview.';
const FREE_RATE =
  'Rate limit reached for text-embedding-3-small in organization org-abc on requests per day (RPD): Limit 200, Used 200, Requested 1. Please try again in 7m12s. You can increase your rate limit by adding a payment method to your account at https://platform.openai.com/account/billing.';
const GATEWAY_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

interface Case {
  name: string;
  models?: Route;
  embeddings?: Route;
  expected: Diagnosis;
  env?: Record<string, string>;
  summary?: RegExp;
}

const both = (r: Route) => ({ models: r, embeddings: r });

const CASES: Case[] = [
  { name: 'a working, funded key', expected: 'ok', summary: /works/ },
  { name: 'invalid key (401 with the echo of the key received)', ...both(invalidKey), expected: 'invalid_key', summary: /^OpenAI rejected the key/ },
  { name: 'invalid key, code null', ...both(env(401, 'Incorrect API key provided: sk-abc***.', 'invalid_request_error', null)), expected: 'invalid_key' },
  { name: 'invalid key, bare 401 without a body (but with OpenAI\'s request ID)', ...both({ status: 401, text: '', headers: { 'x-request-id': 'req_bare' } }), expected: 'invalid_key' },
  {
    name: 'wrong organization (OPENAI_ORG_ID stale)',
    ...both(env(401, 'OpenAI-Organization header should match organization for API key', 'invalid_request_error', 'mismatched_organization')),
    env: { OPENAI_ORG_ID: 'org-stale123' },
    expected: 'wrong_org',
    summary: /OPENAI_ORG_ID is set to org-stale123/,
  },
  { name: 'no organization', ...both(env(401, 'You must be a member of an organization to use the API.', 'invalid_request_error', 'no_organization')), expected: 'wrong_org' },
  {
    name: 'restricted key without Models: Read',
    models: env(401, 'You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if you\'re using a restricted API key, that it has the necessary scopes.', 'invalid_request_error', null),
    expected: 'missing_scopes',
    summary: /List models: Read \(api\.model\.read\)/,
  },
  { name: 'model not found (404)', embeddings: env(404, 'The model `text-embedding-3-small` does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found'), expected: 'model_access_denied', summary: /text-embedding-3-small/ },
  { name: 'project lacks the model (403, code null)', embeddings: env(403, 'Project `proj_abc` does not have access to model `text-embedding-3-small`', 'invalid_request_error', null), expected: 'model_access_denied' },
  { name: 'unsupported region', ...both(env(403, 'Country, region, or territory not supported', 'request_forbidden', 'unsupported_country_region_territory')), expected: 'unsupported_region' },
  { name: 'no credits (2023-2025 wording)', embeddings: env(429, QUOTA, 'insufficient_quota', 'insufficient_quota'), expected: 'no_credits', summary: /valid, but the API account has no credit/ },
  { name: 'no credits (2026 code)', embeddings: env(429, CREDITS, 'insufficient_quota', 'credit_balance_exhausted'), expected: 'no_credits' },
  { name: 'no credits, code null', embeddings: env(429, QUOTA, 'insufficient_quota', null), expected: 'no_credits' },
  { name: 'no credits without the error envelope', embeddings: { status: 429, body: { message: QUOTA, type: 'insufficient_quota', code: 'insufficient_quota' }, headers: { 'x-request-id': 'req_bare' } }, expected: 'no_credits' },
  { name: 'no credits, message only', embeddings: { status: 429, body: { error: { message: CREDITS } } }, expected: 'no_credits' },
  { name: 'organization spend limit', embeddings: env(429, 'You have reached your organization spend limit.', 'insufficient_quota', 'organization_spend_limit_exceeded'), expected: 'spend_limit_reached' },
  { name: 'legacy billing hard limit (400)', embeddings: env(400, 'Billing hard limit has been reached', 'invalid_request_error', 'billing_hard_limit_reached'), expected: 'spend_limit_reached' },
  { name: 'account deactivated (401)', ...both(env(401, 'The OpenAI account associated with this API key has been deactivated. If you are the developer for this OpenAI app, please check your email for more information.', 'invalid_request_error', 'account_deactivated')), expected: 'account_deactivated' },
  { name: 'access terminated (429)', ...both(env(429, 'Your access was terminated due to violation of our policies, please check your email for more information.', 'access_terminated', null)), expected: 'account_deactivated' },
  { name: 'free-tier rate limit mentioning a payment method', embeddings: env(429, FREE_RATE, 'requests', 'rate_limit_exceeded'), expected: 'rate_limited', summary: /not a billing problem/ },
  { name: 'rate limit with code and type null', embeddings: env(429, FREE_RATE, null, null), expected: 'rate_limited' },
  { name: 'server error (500)', ...both(env(500, 'The server had an error processing your request. Sorry about that!', 'server_error', null)), expected: 'server_error' },
  { name: 'HTML 502 gateway page', ...both({ status: 502, text: GATEWAY_502 } satisfies FakeResponse), expected: 'server_error', summary: /gateway page/ },
  { name: 'unexpected answer', ...both(env(409, 'Something unusual happened', 'odd_error', 'odd_code')), expected: 'unknown', summary: /HTTP 409/ },
];

describe('--check-key --json against the fake API', () => {
  it.each(CASES)('$name -> $expected', async (c) => {
    if (c.models) server.set('models', c.models);
    if (c.embeddings) server.set('embeddings', c.embeddings);
    const key = fakeKeys.project(7);
    const run = await runCheck(box, { key, env: c.env });
    expect(run.json.diagnosis).toBe(c.expected);
    expect(run.json.ok).toBe(c.expected === 'ok');
    if (c.summary) expect(run.json.summary).toMatch(c.summary);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/v1/embeddings', '/v1/models']);
  });

  it('reads the key from --key-stdin', async () => {
    const key = fakeKeys.serviceAccount();
    const run = await runCheck(box, { key, via: 'stdin', env: { OPENAI_API_KEY: fakeKeys.legacyUser() } });
    expect(run.json).toMatchObject({ diagnosis: 'ok', key: { source: 'stdin', kind: 'service_account', length: 167 } });
    expect(server.requests[0]!.keyLength).toBe(167);
  });

  it('reads the key from ./.env when nothing else has one', async () => {
    const key = fakeKeys.project(11);
    writeFileSync(join(box.cwd, '.env'), `OPENAI_API_KEY=${key}\n`, { mode: 0o600 });
    try {
      const run = await runCheck(box, { env: {} });
      expect(run.json).toMatchObject({ diagnosis: 'ok', key: { source: 'file:.env' } });
      expect(run.stdout + run.stderr).not.toContain(key);
    } finally {
      writeFileSync(join(box.cwd, '.env'), '');
    }
  });

  it('--no-spend checks auth only and says billing was not checked', async () => {
    server.set('embeddings', env(429, QUOTA, 'insufficient_quota', 'insufficient_quota'));
    const run = await runCheck(box, { key: fakeKeys.project(), args: ['--no-spend'] });
    expect(run.json.diagnosis).toBe('ok');
    expect(run.json.summary).toMatch(/Billing was not checked/);
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/models']);
  });

  it('missing_key: no source at all exits 3 and names OPENAI_API_KEY and --key-stdin', async () => {
    const run = await runCheck(box, {});
    expect(run.json).toMatchObject({ diagnosis: 'missing_key', key: { source: 'none' } });
    expect(`${run.json.summary} ${run.json.fix}`).toMatch(/OPENAI_API_KEY[\s\S]*--key-stdin/);
    expect(server.requests).toHaveLength(0);
  });

  it('missing_key: an empty --key-stdin', async () => {
    const run = await runCheck(box, { via: 'stdin', key: '' });
    expect(run.json.diagnosis).toBe('missing_key');
  });

  it.each([
    ['malformed_key', 'your-api-key'],
    ['malformed_key', `${fakeKeys.project().slice(0, 60)}\u2026${fakeKeys.project().slice(61)}`],
    ['malformed_key', `${fakeKeys.project().slice(0, 60)}\u0430${fakeKeys.project().slice(61)}`],
    ['wrong_provider_key', fakeKeys.anthropic()],
    ['wrong_provider_key', fakeKeys.deepseek()],
  ] as const)('%s is decided locally and nothing is sent', async (expected, key) => {
    const run = await runCheck(box, { key, via: 'stdin' });
    expect(run.json.diagnosis).toBe(expected);
    expect(run.json.checks).toEqual([{ name: 'format', ok: false }]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('--check-key for people (no --json)', () => {
  it('prints the diagnosis, the fix, the page, the key masked and the troubleshooting section on stdout', async () => {
    server.set('embeddings', env(429, CREDITS, 'insufficient_quota', 'credit_balance_exhausted'));
    const key = fakeKeys.project(21);
    const r = await runCli(['--check-key'], { box, env: { CI: 'true', OPENAI_API_KEY: key } });
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('no_credits');
    expect(r.stdout).toContain('https://platform.openai.com/settings/organization/billing/overview');
    expect(r.stdout).toContain(`${key.slice(0, 8)}…${key.slice(-4)}`);
    // The troubleshooting section is a command away, not a path inside a package nobody sees.
    expect(r.stdout).toContain('Run:          openai-onboard explain no_credits');
    expect(r.stdout).not.toContain('docs/troubleshooting.md');
    expect(r.stderr).toContain('Checking the key');
    expect(r.stdout + r.stderr).not.toContain(key.slice(8, -4));
  });

  it('--key-stdin with a terminal on stdin is a usage error (exit 2) with the pipe hint', async () => {
    const r = await runInPty([process.execPath, CLI, '--check-key', '--key-stdin'], { env: { ...box.env, CI: 'true' }, cwd: box.cwd });
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.screen).toContain('printenv OPENAI_API_KEY | openai-onboard --check-key --key-stdin');
  });

  it('--key-stdin with /dev/null is no key (exit 3)', async () => {
    const r = await runCli(['--check-key', '--key-stdin'], { box, env: { CI: 'true' }, stdin: 'devnull' });
    expect(r.code).toBe(3);
  });
});
