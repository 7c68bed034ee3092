// The newer answers, end to end on the built CLI with the real SDK over loopback HTTP: data residency
// (incorrect_hostname), a base URL without /v1, the IP allowlist, the 2026 billing codes, a model list
// with shutdown dates, a gateway in front of OpenAI, a 2xx that is not the API's (repro 07) and a gzip
// bomb (repro 13).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/key/diagnoses.js';
import { runCheck } from '../fakes/check-cli.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { answers2026, apiError, type FakeOpenAI, gatewayAnswer, gzipBomb, model, ok, type Route, startFakeOpenAI, wrongShape } from '../fakes/fake-openai-server.js';
import { runCli, type Sandbox, sandbox } from './modes-harness.js';

let server: FakeOpenAI;
let box: Sandbox;
beforeAll(async () => {
  server = await startFakeOpenAI();
  box = sandbox(server.url);
});
afterAll(() => server.close());
afterEach(() => {
  server.set('models', ok.models());
  server.set('embeddings', ok.embeddings());
});

const key = fakeKeys.project(26);
const both = (r: Route) => ({ models: r, embeddings: r });

interface Case {
  name: string;
  models?: Route;
  embeddings?: Route;
  expected: Diagnosis;
  /** Must appear in summary + fix. */
  says?: RegExp;
  /** Must not appear in summary + fix. */
  neverSays?: RegExp;
}

const BLAMES_KEY = /rejected the key|create a new key/i;

const CASES: Case[] = [
  {
    name: 'a data-residency key at the wrong host (401 incorrect_hostname)',
    ...both(answers2026.incorrectHostname('us.api.openai.com')),
    expected: 'wrong_endpoint',
    says: /must call us\.api\.openai\.com[\s\S]*OPENAI_BASE_URL=https:\/\/us\.api\.openai\.com\/v1/,
    neverSays: BLAMES_KEY,
  },
  {
    name: 'an IP allowlist (401 ip_not_authorized)',
    ...both(answers2026.ipNotAuthorized()),
    expected: 'ip_not_allowed',
    says: /IP allowlist[\s\S]*settings\/organization\/security\/ip-allowlist/,
    neverSays: BLAMES_KEY,
  },
  { name: 'no credit (credit_balance_exhausted)', embeddings: answers2026.creditBalanceExhausted(), expected: 'no_credits' },
  ...(['organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded'] as const).map(
    (code): Case => ({ name: `a limit (${code}) with the old quota message`, embeddings: answers2026.limitExceeded(code), expected: 'spend_limit_reached', says: /Buying credit does not/ }),
  ),
  { name: 'Model not found <id>, code null', embeddings: answers2026.modelNotFound('text-embedding-3-small'), expected: 'model_access_denied', says: /text-embedding-3-small/ },
  {
    name: 'a gateway in front of OpenAI (403 without envelope or request ID)',
    ...both(gatewayAnswer(403, JSON.stringify({ error: 'Access denied by security policy.' }))),
    expected: 'server_error',
    says: /^Not OpenAI: .*HTTP 403 \(server: corp-gateway\/2\.1\): "Access denied by security policy"/,
    neverSays: BLAMES_KEY,
  },
  { name: 'a gateway 401 HTML page', ...both(gatewayAnswer(401, '<html><title>Login required</title></html>')), expected: 'server_error', neverSays: BLAMES_KEY },
  // Reliability repro 07: any 2xx used to be "ok".
  { name: 'a 200 HTML page (a dev server)', ...both(wrongShape('<!doctype html><html>Vite app</html>')), expected: 'wrong_endpoint', says: /an HTML page/ },
  { name: 'a 200 "OK"', ...both(wrongShape('OK', 'text/plain')), expected: 'wrong_endpoint' },
  { name: 'a 200 "{}"', ...both(wrongShape('{}', 'application/json')), expected: 'wrong_endpoint' },
  { name: 'a 200 carrying an error envelope', ...both(wrongShape(JSON.stringify({ error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }), 'application/json')), expected: 'wrong_endpoint', neverSays: BLAMES_KEY },
  { name: 'a model list but a 200 without an embedding', embeddings: wrongShape('{"object":"list","data":[]}', 'application/json'), expected: 'wrong_endpoint' },
  // Reliability repro 13: a gzip bomb is cut off at 1 MiB.
  { name: 'a gzip bomb', ...both(gzipBomb()), expected: 'wrong_endpoint', says: /sent more than 1 MB/ },
];

describe('--check-key --json: the 2026 answers', () => {
  it.each(CASES)('$name -> $expected', async (c) => {
    if (c.models) server.set('models', c.models);
    if (c.embeddings) server.set('embeddings', c.embeddings);
    const run = await runCheck(box, { key });
    expect(run.json.diagnosis).toBe(c.expected);
    const words = `${run.json.summary} ${run.json.fix}`;
    if (c.says) expect(words).toMatch(c.says);
    if (c.neverSays) expect(words).not.toMatch(c.neverSays);
  });

  it('a base URL without /v1 (404 "Invalid URL (GET /models)") is wrong_endpoint, and the fix adds /v1', async () => {
    server.set('models', answers2026.invalidUrl());
    server.set('embeddings', answers2026.invalidUrl());
    const origin = server.url.replace(/\/v1$/, '');
    const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: origin } });
    expect(run.json.diagnosis).toBe('wrong_endpoint');
    expect(run.json.fix).toContain(`OPENAI_BASE_URL=${origin}/v1`);
  });

  it('the scopes and the model are read once, into detail (not re-parsed later)', async () => {
    server.set('models', apiError(401, { message: 'You have insufficient permissions for this operation. Missing scopes: model.request, api.model.read.' }));
    let run = await runCheck(box, { key });
    expect(run.json).toMatchObject({ diagnosis: 'missing_scopes', detail: { scopes: ['model.request', 'api.model.read'] } });
    expect(run.json.fix).toMatch(/Model capabilities: Request and List models: Read/);
    server.set('models', ok.models());
    server.set('embeddings', answers2026.modelNotFound('text-embedding-3-small'));
    run = await runCheck(box, { key });
    expect(run.json).toMatchObject({ diagnosis: 'model_access_denied', detail: { model: 'text-embedding-3-small' } });
  });

  it('the example model comes from the key\'s model list: no shutdown date, newest small model', async () => {
    server.set('models', ok.models([model('gpt-4o-mini', '2027-01-14'), model('gpt-5-mini'), model('gpt-5.1-mini'), model('gpt-5.2-mini', '2027-06-01')]));
    const run = await runCheck(box, { key });
    expect(run.json).toMatchObject({ diagnosis: 'ok', exampleModel: 'gpt-5.1-mini' });
  });

  it('the default fake list (gpt-4o-mini and gpt-5-mini retiring) suggests neither', async () => {
    const run = await runCheck(box, { key });
    expect(run.json.exampleModel).toBe('gpt-6-luna');
  });
});

describe('the wizard never saves a key checked against something that is not the API', () => {
  it('a 200 HTML page: exit 6, wrong_endpoint, no .env written (repro 07)', async () => {
    server.set('models', wrongShape('<!doctype html><html>Vite app</html>'));
    server.set('embeddings', wrongShape('<!doctype html><html>Vite app</html>'));
    const wizardBox = sandbox(server.url);
    const r = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--json'], { box: wizardBox, env: { CI: 'true' }, stdin: { text: `${key}\n` } });
    const json = JSON.parse(r.stdout) as { diagnosis: string; savedTo: string[]; exitCode: number };
    expect(json).toMatchObject({ diagnosis: 'wrong_endpoint', savedTo: [], exitCode: 6 });
    expect(r.code).toBe(6);
    expect(existsSync(join(wizardBox.cwd, '.env'))).toBe(false);
  });

  it('a working key: the wizard JSON names the example model', async () => {
    const wizardBox = sandbox(server.url);
    const r = await runCli(['--non-interactive', '--key-stdin', '--json'], { box: wizardBox, env: { CI: 'true' }, stdin: { text: `${key}\n` } });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, exampleModel: 'gpt-6-luna', check: { exampleModel: 'gpt-6-luna' } });
  });
});

describe('human output', () => {
  it('wrong_endpoint prints the exact fix with /v1', async () => {
    server.set('models', answers2026.incorrectHostname('eu.api.openai.com'));
    server.set('embeddings', answers2026.incorrectHostname('eu.api.openai.com'));
    const r = await runCli(['--check-key'], { box, env: { CI: 'true', OPENAI_API_KEY: key } });
    expect(r.code).toBe(6);
    expect(r.stdout).toContain('OPENAI_BASE_URL=https://eu.api.openai.com/v1');
  });
});
