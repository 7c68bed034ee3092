// Non-interactive mode uses NoPrompter: a prompt there is a bug, and it must fail at once, loudly, as
// an internal error (exit 1, kind "internal" in --json), never wait for input that cannot come.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProcessDeps } from '../../src/app.js';
import { reportError } from '../../src/main.js';
import { NoPrompter, type Prompter } from '../../src/ui/prompter.js';

describe('NoPrompter', () => {
  const p: Prompter = new NoPrompter();
  const asks: Array<[string, () => Promise<unknown>]> = [
    ['password', () => p.password('Paste your key')],
    ['select', () => p.select('What next?', [{ value: 'a', name: 'A' }])],
    ['confirm', () => p.confirm('Save it?')],
    ['input', () => p.input('Name?')],
    ['pressEnter', () => p.pressEnter('Press Enter')],
  ];
  it.each(asks)('%s throws at once, naming the prompt', async (_kind, ask) => {
    await expect(ask()).rejects.toThrow(/^internal: prompt ".+" asked in non-interactive mode$/);
  });
  it('is reported as an internal error: exit 1, kind "internal", a request to report it', async () => {
    const error = await p.confirm('Save it?').catch((e: unknown) => e);
    const out: string[] = [];
    const err: string[] = [];
    const stdout = new PassThrough().on('data', (d: Buffer) => out.push(d.toString()));
    const stderr = new PassThrough().on('data', (d: Buffer) => err.push(d.toString()));
    const deps = { stdin: new PassThrough(), stdout, stderr, env: {}, cwd: '/', home: '/', platform: 'linux', signal: new AbortController().signal } as ProcessDeps;
    expect(reportError(error, deps, true, false)).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ ok: false, error: { kind: 'internal', message: expect.stringContaining('Save it?') }, exitCode: 1 });
    expect(err.join('')).toMatch(/Unexpected error: internal: prompt "Save it\?"[\s\S]*report it/);
  });
});
