import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { welcomeStep } from '../../src/steps/welcome.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

describe('welcome', () => {
  it('greets and asks nothing on a first run without a key', async () => {
    const ctx = interactiveContext([]);
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'continue' });
    expect(ctx.io.stderrText()).toContain('openai-onboard');
    expect(ctx.prompter.asked).toEqual([]);
    expect(ctx.io.stdoutText()).toBe('');
  });

  it("finds a key in the work tree root's .env when started in a subfolder", async () => {
    const key = fakeKeys.project(4);
    const ctx = interactiveContext([{ kind: 'confirm', match: 'Check this key instead of starting over?', answer: true }], { env: { PATH: process.env.PATH ?? '' } });
    const root = ctx.cwd;
    mkdirSync(join(root, 'src'), { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(root, '.env'), `OPENAI_API_KEY=${key}\n`);
    ctx.cwd = join(root, 'src');
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'goto', step: 'check-key' });
    expect(ctx.state.key).toEqual({ value: key, source: `file:${join(root, '.env')}` });
    expect(ctx.io.stderrText()).toContain(join(root, '.env'));
  });

  it('offers to check an existing OPENAI_API_KEY instead of starting over', async () => {
    const key = fakeKeys.project(3);
    const ctx = interactiveContext([{ kind: 'confirm', match: 'Check this key instead of starting over?', answer: true }], { env: { OPENAI_API_KEY: key } });
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'goto', step: 'check-key' });
    expect(ctx.state.key).toEqual({ value: key, source: 'env:OPENAI_API_KEY' });
    const text = ctx.io.stderrText();
    expect(text).toContain('the OPENAI_API_KEY environment variable');
    expect(text).toContain(`${key.slice(0, 8)}…${key.slice(-4)}`);
    expect(text).not.toContain(key);
  });

  it('finds a key in the project .env too', async () => {
    const key = fakeKeys.serviceAccount(4);
    const ctx = interactiveContext([{ kind: 'confirm', match: 'Check this key instead of starting over?', answer: true }]);
    mkdirSync(ctx.cwd, { recursive: true });
    writeFileSync(join(ctx.cwd, '.env'), `# app settings\nOPENAI_API_KEY="${key}"\n`);
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'goto', step: 'check-key' });
    expect(ctx.state.key?.value).toBe(key);
    expect(ctx.state.key?.source).toMatch(/^file:/);
    expect(ctx.io.stderrText()).toContain('a service account key in the file .env');
  });

  it('starts over when the existing key is declined', async () => {
    const ctx = interactiveContext([{ kind: 'confirm', match: 'Check this key', answer: false }], { env: { OPENAI_API_KEY: fakeKeys.project(3) } });
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'continue' });
    expect(ctx.state.key).toBeUndefined();
  });

  it('says why an existing value cannot be used, without offering it', async () => {
    const ctx = interactiveContext([], { env: { OPENAI_API_KEY: 'your-key-here' } });
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'continue' });
    expect(ctx.io.stderrText()).toContain('cannot be used');
    expect(ctx.prompter.asked).toEqual([]);
  });

  it('never prompts or resumes in non-interactive mode', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: fakeKeys.project(3) } });
    await ctx.config.update((c) => {
      c.progress = { done: ['explain-plans'], choices: {}, updatedAt: '2026-11-20T09:30:00.000Z' };
    });
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'continue' });
    expect(ctx.io.stderrText()).toContain('--key-stdin or OPENAI_API_KEY');
    expect(ctx.prompter.asked).toEqual([]);
  });
});

describe('welcome, with a key pasted at its question', () => {
  it('checks the key just pasted, not the stored one (a newcomer who pastes a new key means it)', async () => {
    const stored = fakeKeys.project(21);
    const pasted = fakeKeys.project(22);
    const ctx = interactiveContext([{ kind: 'confirm', match: 'Check this key instead of starting over?', pasted, answer: true }], { env: { OPENAI_API_KEY: stored } });
    expect(await run(welcomeStep, ctx)).toEqual({ next: 'goto', step: 'check-key' });
    expect(ctx.state.key).toEqual({ value: pasted, source: 'prompt' });
    expect(ctx.io.stderrText()).toContain(`Using the key you just pasted (${pasted.slice(0, 8)}…${pasted.slice(-4)})`);
    expect(ctx.io.stderrText()).not.toContain(pasted);
  });
});
