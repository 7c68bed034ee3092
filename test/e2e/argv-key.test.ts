// A key is never accepted as a command-line argument. Whatever form it takes there, the CLI refuses
// with a usage error (exit 2) that says how to pass it, and never echoes the key back.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, useFakeMachine } from './modes-harness.js';

const { sandbox, fake } = useFakeMachine();
const key = fakeKeys.project(91);
const other = fakeKeys.anthropic(92);

describe('a key on the command line', () => {
  it.each([
    ['as a stray argument', ['--check-key', key]],
    ['as an unknown option value', ['--check-key', `--key=${key}`]],
    ['after a subcommand', ['status', `--api-key=${key}`]],
    ['with --json', ['--check-key', '--json', key]],
    ["of another provider", ['--check-key', other]],
  ])('%s: exit 2, a hint to pipe it, and the key echoed nowhere', async (_name, args) => {
    const r = await runCli(args, { box: sandbox() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('never accepts one there');
    expect(r.stderr).toContain('--key-stdin');
    for (const secret of [key, other]) {
      expect(r.stdout + r.stderr).not.toContain(secret);
      expect(r.stdout + r.stderr).not.toContain(secret.slice(12, -12));
    }
    if (args.includes('--json')) expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { kind: 'usage' }, exitCode: 2 });
    // Refused before anything was sent.
    expect(fake().requests).toEqual([]);
  });
});

describe('ordinary arguments that only look a little like keys (issue 9 §5)', () => {
  it.each([
    ['a path with "sk-" in a folder name', ['status', '--dotenv', '~/sk-learn-experiments-project/.env']],
    ['the same, as --dotenv=', ['status', '--dotenv=~/sk-learn-experiments-project/.env']],
    ['a base URL with an sk- path segment', ['status', '--base-url', 'https://gateway.example/sk-team-experiments-route/v1']],
  ])('%s is not refused', async (_name, args) => {
    const r = await runCli(args, { box: sandbox(), env: { CI: 'true' } });
    expect(r.stderr).not.toContain('never accepts one there');
    expect(r.code).toBe(0);
  });

  it('a key as the value of --dotenv is still refused', async () => {
    const r = await runCli(['--check-key', '--dotenv', key], { box: sandbox() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('never accepts one there');
  });
});

describe('--env-file (repro 06): Node itself reads it and applies NODE_OPTIONS from it', () => {
  const evil = (box: { root: string; cwd: string }) => {
    writeFileSync(join(box.root, 'evil.cjs'), `require('fs').writeFileSync(${JSON.stringify(join(box.root, 'PWNED'))}, 'ran')`);
    writeFileSync(join(box.cwd, '.env'), `NODE_OPTIONS="--require ${join(box.root, 'evil.cjs')}"\n`);
  };

  it('is refused with the reason, and --help does not offer it', async () => {
    const box = sandbox();
    evil(box);
    for (const args of [['--check-key', '--env-file', '.env'], ['status', '--env-file=.env'], ['--check-key', '--json', '--env-file', '.env']]) {
      const r = await runCli(args, { box, env: { CI: 'true' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--env-file is not an openai-onboard option');
      expect(r.stderr).toContain('NODE_OPTIONS');
      expect(r.stderr).toContain('--dotenv');
      if (args.includes('--json')) expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { kind: 'usage' }, exitCode: 2 });
    }
    const help = await runCli(['--help'], { box });
    expect(help.stdout).toContain('--dotenv <path>');
    expect(help.stdout).not.toContain('--env-file');
    const long = await runCli(['--check-key', '--help'], { box });
    expect(long.stdout).not.toContain('--env-file');
  });

  it('--dotenv reads the same file as data: no code from it runs', async () => {
    const box = sandbox();
    evil(box);
    const r = await runCli(['--check-key', '--dotenv', '.env'], { box, env: { CI: 'true' } });
    expect(r.code).toBe(3); // no key in that file
    expect(existsSync(join(box.root, 'PWNED'))).toBe(false);
  });
});
