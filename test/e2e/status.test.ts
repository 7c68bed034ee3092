// The built CLI's `status`: the JSON object (validated by its schema) and the human text, with keys
// only ever masked.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, maskKey } from '../../src/key/mask.js';
import { statusSchema } from '../../src/store/status-schema.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, useFakeMachine } from './modes-harness.js';

const envKey = fakeKeys.project(71);
const fileKey = fakeKeys.serviceAccount(72);
const fakeMachine = useFakeMachine();
const { sandbox } = fakeMachine;

function machine() {
  const box = sandbox();
  writeFileSync(join(box.cwd, '.env'), `# app\nOPENAI_API_KEY=${fileKey}\n`);
  writeFileSync(join(box.home, '.bashrc'), `export OPENAI_API_KEY="${fileKey}"\n`);
  mkdirSync(join(box.home, '.codex'));
  writeFileSync(join(box.home, '.codex', 'auth.json'), JSON.stringify({ OPENAI_API_KEY: envKey }));
  return box;
}

describe('status (built CLI)', () => {
  it('--json prints one object that matches the schema', async () => {
    const box = machine();
    const r = await runCli(['status', '--json'], { box, env: { OPENAI_API_KEY: envKey } });
    expect(r.code, r.stderr).toBe(0);
    const report = statusSchema.parse(JSON.parse(r.stdout));
    expect(report.definitions.map((d) => d.kind).sort()).toEqual(['dotenv', 'env', 'shell', 'tool']);
    expect(report.winners.node).toMatchObject({ definition: 'env', fingerprint: fingerprint(envKey) });
    expect(report.winners.newShell).toMatchObject({ shell: 'bash', method: 'started', fingerprint: fingerprint(fileKey) });
    expect(report.consistent).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(envKey);
    expect(r.stdout + r.stderr).not.toContain(fileKey);
  });

  it('prints a readable table on stdout, warnings on stderr', async () => {
    const box = machine();
    const r = await runCli(['status'], { box, env: { OPENAI_API_KEY: envKey } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Where OPENAI_API_KEY is defined');
    expect(r.stdout).toContain(maskKey(fileKey));
    expect(r.stdout).toContain('Which one wins');
    expect(r.stderr).toMatch(/dotenv keeps the environment's/);
    expect(r.stdout + r.stderr).not.toContain(envKey);
  });

  it('--check checks the winning key against the API and exits with its code', async () => {
    const box = machine();
    const r = await runCli(['status', '--check', '--json'], { box, env: { OPENAI_API_KEY: envKey } });
    expect(r.code, r.stderr).toBe(0);
    const report = statusSchema.parse(JSON.parse(r.stdout));
    expect(report.check).toMatchObject({ diagnosis: 'ok', key: { source: 'env:OPENAI_API_KEY' } });
    expect(fakeMachine.fake().requests.some((q) => q.path.endsWith('/models'))).toBe(true);
  });
});

describe('status --dotenv (built CLI)', () => {
  it('names a --dotenv file that does not exist instead of only saying "not defined anywhere"', async () => {
    const box = sandbox();
    const r = await runCli(['status', '--dotenv', 'nowhere/.env'], { box });
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('The file given with --dotenv, ');
    expect(r.stderr).toContain('does not exist');
  });

  it("reads a quoted '~/…' path from the home directory, and labels it as the --dotenv file, not ./.env", async () => {
    const box = sandbox();
    mkdirSync(join(box.home, 'sk-learn-experiments'));
    writeFileSync(join(box.home, 'sk-learn-experiments', '.env'), `OPENAI_API_KEY=${fileKey}\n`);
    const r = await runCli(['status', '--dotenv', '~/sk-learn-experiments/.env'], { box });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(maskKey(fileKey));
    expect(r.stdout).toContain('the file given with --dotenv');
    expect(r.stdout).not.toContain('in this directory (what dotenv loads)');
  });
});
