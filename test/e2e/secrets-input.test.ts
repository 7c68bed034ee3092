// Issue 10, "Secrets" and "Answers and input", on the built CLI: what is printed never carries a
// secret (short strings masked to a quarter, base URLs without credentials or query values, verbose
// output redacted), server text never reaches the terminal raw, and oversized input is refused
// before anything is sent. Each case was seen failing on the code before the fix.
import { checkResultSchema } from '../../src/schemas/check-result.js';
import { afterEach, describe, expect, it } from 'vitest';
import { assertKeyAbsent, runCheck } from '../fakes/check-cli.js';
import { body, fakeKeys } from '../fakes/fake-keys.js';
import { apiError, ok } from '../fakes/fake-openai-server.js';
import { runCli, useFakeMachine } from './modes-harness.js';

const { sandbox, fake } = useFakeMachine();
afterEach(() => {
  fake().requests.length = 0;
  fake().set('models', ok.models());
  fake().set('embeddings', ok.embeddings());
});

// Any escape or control character other than a line feed (ESC, BEL, CR, C1).
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('masking a string that is not a key (repro 09)', () => {
  it.each(['hunter2hunter2', 'MyS3cretPassw0rd!', 'AKIAIOSFODNN7EXAMPLE'])('%s: at most a quarter is shown', async (secret) => {
    const box = sandbox();
    const human = await runCli(['--check-key', '--key-stdin'], { box, env: { CI: 'true' }, stdin: { text: `${secret}\n` } });
    const line = human.stdout.split('\n').find((l) => l.includes('Key:'))!;
    const masked = line.match(/Key:\s+(\S+)/)![1]!;
    expect(masked.replace('…', '').length).toBeLessThanOrEqual(secret.length / 4);
    const json = await runCheck(box, { key: secret, via: 'stdin' });
    expect((json.json.key as { masked: string }).masked).toBe(masked);
    for (let i = 0; i + 6 <= secret.length; i++) expect(human.stdout + human.stderr + json.stdout).not.toContain(secret.slice(i, i + 6));
  });

  it('keeps the long form (first 8, last 4) for a real key shape', async () => {
    const key = fakeKeys.project(31);
    const r = await runCheck(sandbox(), { key });
    expect((r.json.key as { masked: string }).masked).toBe(`${key.slice(0, 8)}…${key.slice(-4)}`);
  });
});

describe('the base URL is printed without credentials or query values (repro 10)', () => {
  const key = fakeKeys.project(32);

  it('a key in the path, a password and ?api-key=: in the human report, the JSON and --verbose', async () => {
    const box = sandbox();
    const port = new URL(fake().url).port;
    for (const baseUrl of [`http://127.0.0.1:${port}/${key}`, `http://user:hunter2pass@127.0.0.1:${port}/v1?api-key=AZURESECRET0123`]) {
      const env = { CI: 'true', OPENAI_BASE_URL: baseUrl };
      const human = await runCli(['--check-key', '--key-stdin', '--verbose'], { box, env, stdin: { text: key } });
      const json = await runCheck(box, { key, via: 'stdin', env: { OPENAI_BASE_URL: baseUrl } });
      const all = human.stdout + human.stderr + json.stdout + json.stderr;
      assertKeyAbsent(key, all);
      expect(all).not.toContain('hunter2pass');
      expect(all).not.toContain('AZURESECRET');
      expect(all).not.toContain('user:');
      if (baseUrl.includes('api-key')) {
        expect(json.json.baseUrl).toBe(`http://***@127.0.0.1:${port}/v1?api-key=***`);
        expect(human.stdout).toContain(`Base URL:     http://***@127.0.0.1:${port}/v1?api-key=*** (from OPENAI_BASE_URL)`);
        expect(human.stderr).toContain(`[verbose] API base URL: http://***@127.0.0.1:${port}/v1?api-key=***`);
      }
    }
  });

  it('an OPENAI_BASE_URL that is not a URL: the error shows no query value', async () => {
    const r = await runCli(['--check-key', '--key-stdin'], { box: sandbox(), env: { CI: 'true', OPENAI_BASE_URL: 'ftp://h/x?token=SECRETVALUE1' }, stdin: { text: key } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not an http(s) URL');
    expect(r.stderr).not.toContain('SECRETVALUE1');
  });
});

describe('server text reaches the terminal only without control characters (repro 15)', () => {
  const key = fakeKeys.project(33);
  const HOSTILE = 'Bad key \u001b[2J\u001b[31mPWNED\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007 \r\rline\u009b2J';

  it('in "Server said", the summary and the JSON detail', async () => {
    fake().set('models', apiError(401, { message: HOSTILE, type: 'invalid_request_error', code: 'invalid_api_key' }, { 'x-request-id': 'req_hostile' }));
    fake().set('embeddings', apiError(401, { message: HOSTILE, type: 'invalid_request_error', code: 'invalid_api_key' }));
    const box = sandbox();
    const human = await runCli(['--check-key', '--key-stdin'], { box, env: { CI: 'true' }, stdin: { text: key } });
    expect(human.stdout).toContain('Server said:  Bad key PWNEDclick line2J');
    expect(human.stdout + human.stderr).not.toMatch(CONTROL);
    expect(human.stdout).not.toContain('evil.example');
    const json = await runCheck(box, { key, via: 'stdin' });
    expect(json.json.diagnosis).toBe('invalid_key');
    expect(JSON.stringify(json.json)).not.toMatch(/\\u001b|\\u0007|\\r|\\u009b/);
    expect((json.json.detail as { message: string }).message).toBe('Bad key PWNEDclick line2J');
  });

  it('in an unrecognised answer, whose message becomes part of the summary', async () => {
    fake().set('models', apiError(418, { message: HOSTILE, type: 'teapot\u001b[5m', code: null }));
    fake().set('embeddings', apiError(418, { message: HOSTILE, type: 'teapot\u001b[5m', code: null }));
    const json = await runCheck(sandbox(), { key, via: 'stdin' });
    expect(json.json.diagnosis).toBe('unknown');
    expect(JSON.stringify(json.json)).not.toMatch(/\\u001b|\\u0007|\\r|\\u009b/);
    expect(json.json.summary).toContain('Bad key PWNEDclick line');
  });
});

describe('oversized input is refused before anything is sent (repro 14)', () => {
  it('10 MB on --key-stdin: malformed_key, "more than any key", no request', async () => {
    const key = fakeKeys.project(34);
    const huge = key + 'A'.repeat(10_000_000);
    const r = await runCli(['--check-key', '--key-stdin'], { box: sandbox(), env: { CI: 'true' }, stdin: { text: huge }, timeoutMs: 20_000 });
    expect(r.code).toBe(4);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(`Standard input held ${Buffer.byteLength(huge)} bytes: far more than any key`);
    expect(fake().requests).toEqual([]);
    assertKeyAbsent(key, r.stdout, r.stderr);
  });

  it('with --json: the one check-result object the contract promises (diagnosis, summary, fix, key, checks)', async () => {
    const r = await runCli(['--check-key', '--key-stdin', '--json'], { box: sandbox(), env: { CI: 'true' }, stdin: { text: 'A'.repeat(5000) } });
    expect(r.code).toBe(4);
    const json = checkResultSchema.parse(JSON.parse(r.stdout));
    expect(json).toMatchObject({ ok: false, diagnosis: 'malformed_key', key: { source: 'stdin', masked: '' }, checks: [{ name: 'format', ok: false }] });
    expect(json.summary).toContain('far more than any key');
  });

  it('a key longer than any format allows (in the environment): malformed_key, no request', async () => {
    const key = fakeKeys.project(35);
    const r = await runCheck(sandbox(), { key: key + body(100, 35) });
    expect(r.json.diagnosis).toBe('malformed_key');
    expect(r.json.summary + r.json.fix).toMatch(/longer than any API key/);
    expect(fake().requests).toEqual([]);
  });
});

describe('--verbose is redacted', () => {
  it('a 401 that echoes a whole key back is masked in verbose output', async () => {
    const key = fakeKeys.project(37);
    fake().set('models', (req) => apiError(401, { message: `Incorrect API key provided: ${key}. ${req.path}`, type: 'invalid_request_error', code: 'invalid_api_key' }));
    const r = await runCli(['--check-key', '--key-stdin', '--verbose'], { box: sandbox(), env: { CI: 'true' }, stdin: { text: key } });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[verbose]');
    assertKeyAbsent(key, r.stdout, r.stderr);
  });
});

describe('NODE_DEBUG', () => {
  it('=http: a warning says Node prints request headers, the key included', async () => {
    const r = await runCli(['--check-key', '--no-spend'], { box: sandbox(), env: { CI: 'true', NODE_DEBUG: 'http' } });
    expect(r.stderr).toContain('NODE_DEBUG=http makes Node.js print request headers to stderr, the API key included');
  });
});

describe('--check-key --save', () => {
  it('is a usage error, not a silently ignored --save', async () => {
    const box = sandbox();
    const r = await runCli(['--check-key', '--key-stdin', '--save', 'env'], { box, env: { CI: 'true' }, stdin: { text: fakeKeys.project(38) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot be combined with --save');
    expect(fake().requests).toEqual([]);
  });
});
