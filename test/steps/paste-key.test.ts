import { describe, expect, it } from 'vitest';
import { DiagnosisError, UsageError } from '../../src/errors.js';
import { analyseKey, describeKind } from '../../src/key/analyse.js';
import { URLS } from '../../src/platform/urls.js';
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

  it('after a URL, says why and to copy the key again', async () => {
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: 'https://platform.openai.com/api-keys' },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key?.value).toBe(key);
    const text = ctx.io.stderrText();
    expect(text).toContain(analyseKey('https://platform.openai.com/api-keys').reason);
    expect(text).toContain('Copy the key again');
    ctx.prompter.assertDone();
  });

  it('after a masked copy from the keys list, says to create a new key (copying again cannot help)', async () => {
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: `${key.slice(0, 8)}…${key.slice(-4)}` },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toMatch(/shown only once[\s\S]*Create a new key/);
    expect(text).toContain(`API keys: ${URLS.apiKeys}`);
    expect(text).not.toContain('Copy the key again');
    expect(ctx.browser.opened).toEqual([]);
  });

  it("after another provider's key, names the provider and the page that makes an OpenAI key", async () => {
    const other = fakeKeys.anthropic();
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: other },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    const text = ctx.io.stderrText();
    expect(text).toMatch(/Anthropic/);
    expect(text).toContain(`OpenAI keys are made on the API keys page:\n  API keys: ${URLS.apiKeys}`);
    expect(text).not.toContain('Copy the key again');
    expect(text).not.toContain(other.slice(10, 40));
  });

  it('after an empty paste, offers to reopen the API keys page', async () => {
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: '   ' },
      { kind: 'confirm', match: 'Open the API keys page again?', answer: true },
      { kind: 'password', match: 'Paste your API key', answer: '' },
      { kind: 'confirm', match: 'Open the API keys page again?', answer: false },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    expect(ctx.io.stderrText()).toContain('Nothing was pasted.');
    expect(ctx.browser.opened).toEqual([URLS.apiKeys]);
    ctx.prompter.assertDone();
  });

  it('a paste that began with a line break: its rest, kept at the next question, is the key (no second paste)', async () => {
    const ctx = interactiveContext([
      // The line break submitted the hidden prompt empty; the rest of the paste reached the next question.
      { kind: 'password', match: 'Paste your API key', answer: '' },
      { kind: 'confirm', match: 'Open the API keys page again?', pasted: key, answer: false },
    ]);
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key).toEqual({ value: key, source: 'prompt' });
    ctx.prompter.assertDone();
  });

  it('refuses an admin key locally, with the reason, and asks again: it is never sent', async () => {
    const ctx = interactiveContext([
      { kind: 'password', match: 'Paste your API key', answer: fakeKeys.admin() },
      { kind: 'password', match: 'Paste your API key', answer: key },
    ]);
    await run(pasteKeyStep, ctx);
    expect(ctx.state.key?.value).toBe(key);
    const text = ctx.io.stderrText();
    expect(text).toContain('✖ This is an admin key: it manages the organization and cannot call models.');
    expect(text).toContain(`API keys: ${URLS.apiKeys}`);
    expect(text).not.toContain(fakeKeys.admin().slice(10, 40));
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
    expect(ctx.io.stderrText()).toContain('from the OPENAI_API_KEY environment variable');
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

  it('refuses an admin key from OPENAI_API_KEY before any check', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: fakeKeys.admin() } });
    const error = await run(pasteKeyStep, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosisError);
    expect((error as DiagnosisError).message).toContain('admin key');
    expect(ctx.state.key).toBeUndefined();
  });

  it('refuses a string that cannot be a key with its diagnosis, never echoing it', async () => {
    const ctx = nonInteractiveContext({ env: { OPENAI_API_KEY: fakeKeys.google() } });
    const error = await run(pasteKeyStep, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiagnosisError);
    expect((error as DiagnosisError).diagnosis).toBe('wrong_provider_key');
    expect((error as DiagnosisError).message).not.toContain(fakeKeys.google());
  });
});
