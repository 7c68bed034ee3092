// A key is never accepted as a command-line argument. Whatever form it takes there, the CLI refuses
// with a usage error (exit 2) that says how to pass it, and never echoes the key back.
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
