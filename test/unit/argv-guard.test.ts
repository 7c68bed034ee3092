import { describe, expect, it } from 'vitest';
import { unsafeArgument } from '../../src/argv-guard.js';
import { fakeKeys } from '../fakes/fake-keys.js';

const refusedAsKey = (argv: string[]) => unsafeArgument(argv)?.message.includes('A key was given') ?? false;

describe('the argv guard', () => {
  it.each(Object.entries(fakeKeys))('refuses a %s key, alone or inside an argument', (_kind, make) => {
    const key = make(60);
    for (const argv of [[key], ['--check-key', `--key=${key}`], ['status', `OPENAI_API_KEY=${key}`], [`Bearer ${key}`]]) {
      expect(refusedAsKey(argv)).toBe(true);
    }
  });

  it.each([
    [['status', '--dotenv', '~/sk-learn-experiments-project/.env']],
    [['status', '--dotenv=~/sk-learn-experiments-project/.env']],
    [['--check-key', '--base-url', 'https://gw.example/sk-route-for-team-experiments/v1']],
    [['--save', 'env,shell', '--shell', 'bash']],
    [['reset', '--yes']],
  ])('lets ordinary arguments through: %o', (argv) => {
    expect(unsafeArgument(argv)).toBeUndefined();
  });

  it('refuses an OpenAI key given as a path or URL value', () => {
    const key = fakeKeys.project(61);
    expect(refusedAsKey(['--dotenv', key])).toBe(true);
    expect(refusedAsKey([`--base-url=https://h/${key}`])).toBe(true);
  });

  it('refuses --env-file and --env-file-if-exists, with the reason', () => {
    for (const argv of [['--env-file', '.env'], ['--env-file=.env'], ['status', '--env-file-if-exists=.env']]) {
      const error = unsafeArgument(argv);
      expect(error?.message).toMatch(/Node\.js itself reads --env-file/);
      expect(error?.hint).toContain('--dotenv');
    }
  });
});
