// The real checker, in process, against the loopback fake: concurrency, --no-spend, what is sent.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { analyseKey } from '../../../src/key/analyse.js';
import { createKeyChecker } from '../../../src/key/check.js';
import { optionsSchema } from '../../../src/options.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { apiError, invalidKey, ok, type FakeOpenAI, startFakeOpenAI } from '../../fakes/fake-openai-server.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  server.set('models', ok.models());
  server.set('embeddings', ok.embeddings());
});

const checker = (env: Record<string, string> = {}, options: Record<string, unknown> = {}) =>
  createKeyChecker({ options: optionsSchema.parse(options), env: { OPENAI_BASE_URL: server.url, ...env } });
const key = (value = fakeKeys.project()) => ({ value, source: 'env:OPENAI_API_KEY' as const });

describe('createKeyChecker', () => {
  it('has both probes in flight at once', async () => {
    server.set('models', { ...ok.models(), delayMs: 400 });
    server.set('embeddings', { ...ok.embeddings(), delayMs: 400 });
    const result = await checker().check(key(), { noSpend: false });
    expect(result.diagnosis).toBe('ok');
    expect(server.maxInFlight()).toBe(2);
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/v1/embeddings', '/v1/models']);
  });

  it('sends the cleaned key, the one-token embedding, and reports headers', async () => {
    const k = fakeKeys.project(3);
    const result = await checker().check(key(` "${k}"\n`), { noSpend: false });
    const emb = server.requests.find((r) => r.path === '/v1/embeddings')!;
    expect(emb.keyLength).toBe(k.length);
    expect(JSON.parse(emb.body!)).toMatchObject({ model: 'text-embedding-3-small', input: 'hi' });
    expect(result).toMatchObject({
      ok: true,
      organization: 'org-fake123',
      project: 'proj_fake123',
      rateLimits: { requests: 3000, tokens: 1000000 },
      key: { source: 'env:OPENAI_API_KEY', kind: 'project', length: 164, masked: `${k.slice(0, 8)}…${k.slice(-4)}` },
    });
    expect(result.checks.map((c) => [c.name, c.ok, c.status])).toEqual([['format', true, undefined], ['auth', true, 200], ['billing', true, 200]]);
  });

  it('--no-spend skips the billable probe and says billing was not checked', async () => {
    const result = await checker().check(key(), { noSpend: true });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/models']);
    expect(result.diagnosis).toBe('ok');
    expect(result.summary).toMatch(/Billing was not checked/);
    expect(result.checks.at(-1)).toEqual({ name: 'billing', ok: false, skipped: true });
  });

  it('does not retry a 429', async () => {
    server.set('embeddings', apiError(429, { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' }));
    const result = await checker().check(key(), { noSpend: false });
    expect(result.diagnosis).toBe('no_credits');
    expect(server.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(1);
  });

  it('sends OPENAI_ORG_ID / OPENAI_PROJECT_ID from its env only, and names them', async () => {
    process.env.OPENAI_ORG_ID = 'org-from-process-env';
    try {
      await checker().check(key(), { noSpend: true });
      expect(server.requests[0]!.organization).toBeUndefined();
    } finally {
      delete process.env.OPENAI_ORG_ID;
    }
    server.set('models', apiError(401, { message: 'OpenAI-Organization header should match organization for API key', type: 'invalid_request_error', code: 'mismatched_organization' }));
    const result = await checker({ OPENAI_ORG_ID: 'org-stale', OPENAI_PROJECT_ID: 'proj_x' }).check(key(), { noSpend: true });
    expect(server.requests.at(-1)).toMatchObject({ organization: 'org-stale', project: 'proj_x' });
    expect(result).toMatchObject({ diagnosis: 'wrong_org', organization: 'org-stale', project: 'proj_x' });
    expect(result.summary).toMatch(/OPENAI_ORG_ID is set to org-stale/);
    expect(result.environment).toEqual(expect.arrayContaining(['OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID']));
  });

  it('--base-url wins over OPENAI_BASE_URL', async () => {
    const result = await checker({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, { baseUrl: server.url }).check(key(), { noSpend: true });
    expect(result).toMatchObject({ diagnosis: 'ok', baseUrl: server.url });
  });

  it('notices when OpenAI received a different key than the one pasted', async () => {
    const other = fakeKeys.project(5).slice(0, 120);
    server.set('models', (req) => invalidKey({ ...req, keyEcho: `${other.slice(0, 8)}${'*'.repeat(108)}${other.slice(-4)}` }));
    const result = await checker().check(key(), { noSpend: true });
    expect(result.diagnosis).toBe('invalid_key');
    expect(result.summary).toMatch(/OpenAI received a different key than the one you pasted/);
  });

  it('does not claim a different key when the echo matches', async () => {
    server.set('models', invalidKey);
    const result = await checker().check(key(), { noSpend: true });
    expect(result.summary).not.toMatch(/different key/);
  });

  it('never sends a string the analysis rejected (generated strings)', async () => {
    const interesting = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.tuple(fc.integer({ min: 1, max: 160 }), fc.constantFrom(' ', '\u2026', '\u00e9', '\u{1f511}', '\n', '***')).map(([at, bad]) => {
        const k = fakeKeys.project(at);
        return k.slice(0, at) + bad + k.slice(at);
      }),
      fc.constantFrom(fakeKeys.anthropic(), fakeKeys.google(), fakeKeys.deepseek(), 'your-api-key', 'sk-...', `sess-${'a'.repeat(40)}`),
    );
    const c = checker();
    await fc.assert(
      fc.asyncProperty(interesting, async (s) => {
        const before = server.requests.length;
        const result = await c.check(key(s), { noSpend: false });
        const rejected = !analyseKey(s).ok;
        return rejected ? server.requests.length === before && result.checks.length === 1 : true;
      }),
      { numRuns: 400 },
    );
  });
});

describe('cancellation', () => {
  it('Ctrl-C during the probes is a CancelledError, not a diagnosis', async () => {
    server.set('models', { ...ok.models(), delayMs: 2000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 100);
    await expect(checker().check(key(), { noSpend: true, signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
  });
});
