import { describe, expect, it } from 'vitest';
import { DiagnosisError, UsageError } from '../../src/errors.js';
import { analyseKey, describeKind } from '../../src/key/analyse.js';
import { pasteKeyStep } from '../../src/steps/paste-key.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { interactiveContext, nonInteractiveContext, run } from './helpers.js';

const key = fakeKeys.project(11);

describe('paste-key, interactive', () => {
  it('takes the key from a masked prompt and shows only its length, ending and kind', async () => {
    const ctx = interactiveContext([{ kind: 'password', match: 'Paste your API key', answer: `  ${key}\n` }]);
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key).toEqual({ value: key, source: 'prompt' });
    const text = ctx.io.stderrText();
    expect(text).toContain(`Received ${key.length} characters, ending …${key.slice(-4)}: ${describeKind(analyseKey(key))}.`);
    expect(describeKind(analyseKey(key))).toBe('a project key');
    expect(text).not.toContain(key.slice(8, 30));
    expect(ctx.io.stdoutText()).toBe('');
  });

  it('catches a wrong paste locally, says why, and asks again', async () => {
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: 'https://platform.openai.com/api-keys' },
      { kind: 'password', match: 'Paste your API key', answer: fakeKeys.anthropic() },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key?.value).toBe(key);
    const text = ctx.io.stderrText();
    expect(text).toContain(analyseKey('https://platform.openai.com/api-keys').reason);
    expect(text).toMatch(/Anthropic/);
    expect(text.match(/Copy it again/g)).toHaveLength(2);
    expect(text).not.toContain(fakeKeys.anthropic().slice(10, 40));
    ctx.prompter.assertDone();
  });

  it('uses a key pasted at an earlier prompt instead of asking for it again', async () => {
    const ctx = interactiveContext([{ kind: 'pressEnter', match: 'copied the key', answer: true, pasted: key }]);
    await ctx.prompter.pressEnter('Press Enter when you have copied the key');
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key).toEqual({ value: key, source: 'prompt' });
    expect(ctx.io.stderrText()).toContain(`Received ${key.length} characters, ending …${key.slice(-4)}: a project key.`);
    expect(ctx.prompter.asked.map((p) => p.kind)).toEqual(['pressEnter']); // no password prompt
    expect(ctx.prompter.takePastedKey()).toBeUndefined(); // handed over once
  });

  it('judges an earlier paste like a typed one: another provider\'s key is refused, then the prompt asks', async () => {
    const ctx = interactiveContext([
      { kind: 'pressEnter', match: 'copied the key', answer: true, pasted: fakeKeys.anthropic() },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await ctx.prompter.pressEnter('Press Enter when you have copied the key');
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key?.value).toBe(key);
    expect(ctx.io.stderrText()).toMatch(/Anthropic/);
    ctx.prompter.assertDone();
  });

  it('prompts even when OPENAI_API_KEY is set (the welcome step offered that one)', async () => {
    const ctx = interactiveContext([{ kind: 'password', match: 'Paste your API key', answer: key }], { env: { OPENAI_API_KEY: fakeKeys.project(2) } });
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key?.source).toBe('prompt');
  });
});

describe('paste-key, non-interactive', () => {
  it('takes OPENAI_API_KEY and says where it came from', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: key } });
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key).toEqual({ value: key, source: 'env:OPENAI_API_KEY' });
    expect(ctx.io.stderrText()).toContain('from the environment variable OPENAI_API_KEY');
  });

  it('takes --key-stdin first', async () => {
    const ctx = nonInteractiveContext({ stdin: `${key}\n`, options: { keyStdin: true }, env: { OPENAI_API_KEY: fakeKeys.project(2) } });
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key).toEqual({ value: key, source: 'stdin' });
  });

  it('without a key, fails with a usage error naming --key-stdin and OPENAI_API_KEY', async () => {
    const ctx = nonInteractiveContext();
    const error = await run(pasteKeyStep, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const text = `${(error as UsageError).message} ${(error as UsageError).hint}`;
    expect(text).toContain('--key-stdin');
    expect(text).toContain('OPENAI_API_KEY');
  });

  it('refuses a string that cannot be a key with its diagnosis, never echoing it', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: fakeKeys.google() } });
    const error = await run(pasteKeyStep, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosisError);
    expect((error as DiagnosisError).diagnosis).toBe('wrong_provider_key');
    expect((error as DiagnosisError).message).not.toContain(fakeKeys.google());
  });
});
