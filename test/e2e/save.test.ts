// The built CLI saving a checked key without a terminal: the key arrives on stdin, is checked against
// the loopback fake, written to ./.env and the bash profile, and a real bash then sees it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/key/mask.js';
import { configSchema } from '../../src/store/config-schema.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { anyFileContains, runCli, useFakeMachine } from './modes-harness.js';

const key = fakeKeys.project(61);
const machine = useFakeMachine();
const { sandbox } = machine;

describe('--non-interactive --key-stdin --save env,shell', () => {
  it('writes ./.env (0600) and a ~/.bashrc block that a new bash reads, and records both without the key', async () => {
    const box = sandbox();
    const r = await runCli(['--non-interactive', '--key-stdin', '--save', 'env,shell'], { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(r.timedOut, r.stderr).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(key);

    const envFile = join(box.cwd, '.env');
    expect(parseEnv(readFileSync(envFile, 'utf8')).OPENAI_API_KEY).toBe(key);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);

    const bash = spawnSync('bash', ['-ic', 'printf %s "$OPENAI_API_KEY" | sha256sum'], { env: { PATH: process.env.PATH, HOME: box.home }, encoding: 'utf8', timeout: 10_000 });
    expect(bash.stdout.slice(0, 12)).toBe(fingerprint(key));

    const config = configSchema.parse(JSON.parse(readFileSync(join(box.configDir, 'config.json'), 'utf8')));
    expect(config.saved.map((e) => e.target).sort()).toEqual(['env', 'shell']);
    expect(config.saved.every((e) => e.fingerprint === fingerprint(key))).toBe(true);
    expect(anyFileContains(box.configDir, key)).toBe(false);
  });

  it('--dotenv names an existing file or one that does not exist yet', async () => {
    const box = sandbox();
    writeFileSync(join(box.cwd, 'app.env'), 'PORT=3000\n');
    const existing = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--dotenv', 'app.env'], { box, stdin: { text: key } });
    expect(existing.code, existing.stderr).toBe(0);
    expect(readFileSync(join(box.cwd, 'app.env'), 'utf8')).toBe(`PORT=3000\nOPENAI_API_KEY=${key}\n`);

    // Node itself would stop on `--env-file new.env` (nodejs/node#54232): we offer only --dotenv.
    const fresh = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--dotenv', 'new.env'], { box, stdin: { text: key } });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(parseEnv(readFileSync(join(box.cwd, 'new.env'), 'utf8')).OPENAI_API_KEY).toBe(key);
    expect(statSync(join(box.cwd, 'new.env')).mode & 0o777).toBe(0o600);
  });

  it('a requested save that fails ends a non-interactive run with exit 1 and says why, in plain words', async () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'adir'));
    const r = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--dotenv', 'adir'], { box, stdin: { text: key } });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/not saved \(.*adir is a directory, not a regular file/);
    expect(r.stderr).toMatch(/could not be saved: .*adir: .*is a directory/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout + r.stderr).not.toContain(key);
  });

  it('replacing a different key in .env is reported in the output and in the JSON (replaced: masked only)', async () => {
    const box = sandbox();
    const old = fakeKeys.project(63);
    writeFileSync(join(box.cwd, '.env'), `OPENAI_API_KEY=${old}\n`);
    const r = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--json'], { box, stdin: { text: key } });
    expect(r.code, r.stderr).toBe(0);
    const masked = (k: string) => `${k.slice(0, 8)}…${k.slice(-4)}`;
    expect(r.stderr).toContain(`replacing ${masked(old)} with ${masked(key)}`);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, replaced: [{ target: 'env', location: join(box.cwd, '.env'), previous: masked(old) }] });
    expect(r.stdout + r.stderr).not.toContain(old);
    expect(r.stdout + r.stderr).not.toContain(key);
  });

  it('refuses to write a key into a .env that git tracks, unless --yes', async () => {
    const box = sandbox();
    const gitEnv = { PATH: process.env.PATH, HOME: box.home, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    writeFileSync(join(box.cwd, '.env'), 'DEBUG=1\n');
    for (const args of [['init', '-q'], ['add', '.env'], ['commit', '-qm', 'env']]) spawnSync('git', args, { cwd: box.cwd, env: gitEnv });
    const refused = await runCli(['--non-interactive', '--key-stdin', '--save', 'env'], { box, stdin: { text: key } });
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('is tracked by git');
    expect(refused.stderr).toContain('--yes');
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toBe('DEBUG=1\n');
    const forced = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--yes'], { box, stdin: { text: key } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toContain(key);
  });
});
