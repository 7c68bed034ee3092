// runWizard in non-interactive mode, in process: the real steps with a NoPrompter (any prompt throws),
// a fake checker and a temp config dir. The e2e tests (test/e2e/non-interactive*.test.ts) repeat the
// important cases against the built CLI.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWizard } from '../../src/commands/wizard.js';
import type { Mode } from '../../src/platform/environment.js';
import { wizardResultSchema } from '../../src/schemas/index.js';
import { NoPrompter } from '../../src/ui/prompter.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { createTestContext, FakeChecker } from '../fakes/test-context.js';

const key = fakeKeys.project();
const ci: Mode = { interactive: false, reason: 'ci' };
const agent: Mode = { interactive: false, reason: 'agent', agent: 'Claude Code' };

function context(o: { mode?: Mode; json?: boolean; diagnosis?: 'ok' | 'no_credits' | 'rate_limited'; env?: Record<string, string>; stdin?: string; keyStdin?: boolean }) {
  const checker = new FakeChecker([{ diagnosis: o.diagnosis ?? 'ok' }]);
  const ctx = createTestContext({
    mode: o.mode ?? ci,
    prompter: new NoPrompter() as never,
    checker,
    env: o.env ?? { OPENAI_API_KEY: key },
    stdin: o.stdin,
    options: { json: o.json ?? false, keyStdin: o.keyStdin ?? false },
  });
  return { ctx, checker };
}

describe('runWizard, non-interactive', () => {
  it('finishes without a prompt, checks the key from OPENAI_API_KEY and saves nothing by default', async () => {
    const { ctx, checker } = context({});
    expect(await runWizard(ctx)).toBe(0);
    expect(checker.calls.map((c) => c.source)).toEqual(['env:OPENAI_API_KEY']);
    expect(ctx.state.savedTo).toEqual([]);
    expect(ctx.io.stdoutText()).not.toContain(key);
    expect(ctx.io.stderrText()).not.toContain(key);
    // No config was written either: the temp config dir does not even exist.
    expect(() => readdirSync(ctx.config.dir)).toThrow();
  });

  it('with --json prints exactly one valid object on stdout', async () => {
    const { ctx } = context({ json: true });
    expect(await runWizard(ctx)).toBe(0);
    const lines = ctx.io.stdoutText().trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = wizardResultSchema.parse(JSON.parse(lines[0]!));
    expect(result).toMatchObject({ ok: true, diagnosis: 'ok', savedTo: [], exitCode: 0, mode: { interactive: false, reason: 'ci' } });
    expect(result.nextStep).toContain('not saved');
  });

  it('a failed check ends with its exit code and, with --json, a result object instead of an error', async () => {
    const { ctx } = context({ json: true, diagnosis: 'no_credits', env: { OPENAI_API_KEY: key, GITHUB_ACTIONS: 'true' } });
    expect(await runWizard(ctx)).toBe(5);
    const result = wizardResultSchema.parse(JSON.parse(ctx.io.stdoutText()));
    expect(result).toMatchObject({ ok: false, diagnosis: 'no_credits', exitCode: 5, savedTo: [] });
    expect(result.check?.diagnosis).toBe('no_credits');
    // The GitHub Actions annotation goes to stderr in --json mode.
    expect(ctx.io.stderrText()).toMatch(/^::error title=OpenAI API key%3A no_credits::/m);
  });

  it('a failed check without --json throws the DiagnosisError for main() to report', async () => {
    const { ctx } = context({ diagnosis: 'no_credits' });
    await expect(runWizard(ctx)).rejects.toMatchObject({ diagnosis: 'no_credits' });
    expect(ctx.io.stdoutText()).toBe('');
  });

  it('rate_limited counts as a working key', async () => {
    const { ctx } = context({ json: true, diagnosis: 'rate_limited' });
    expect(await runWizard(ctx)).toBe(0);
    expect(JSON.parse(ctx.io.stdoutText())).toMatchObject({ ok: true, diagnosis: 'rate_limited' });
  });

  it('without a key, is a usage error naming --key-stdin and OPENAI_API_KEY', async () => {
    const { ctx, checker } = context({ env: {} });
    await expect(runWizard(ctx)).rejects.toMatchObject({ name: 'UsageError', hint: expect.stringMatching(/--key-stdin[\s\S]*OPENAI_API_KEY/) });
    expect(checker.calls).toEqual([]);
  });

  it('takes the key from --key-stdin', async () => {
    const { ctx, checker } = context({ env: {}, keyStdin: true, stdin: `${key}\n` });
    expect(await runWizard(ctx)).toBe(0);
    expect(checker.calls).toEqual([{ value: key, source: 'stdin' }]);
  });
});

describe('runWizard, run by an AI agent', () => {
  it('without a key, tells the agent what the person must do, then the usage error', async () => {
    const { ctx } = context({ mode: agent, env: {} });
    await expect(runWizard(ctx)).rejects.toMatchObject({ name: 'UsageError' });
    const err = ctx.io.stderrText();
    expect(err).toContain('Next step for the person (Claude Code can relay this):');
    expect(err).toContain('Ask the person to open https://platform.openai.com/');
    expect(err).toContain('--key-browser --save env --json` yourself');
  });
  it('after a failed check, relays the fix', async () => {
    const { ctx } = context({ mode: agent, diagnosis: 'no_credits' });
    await expect(runWizard(ctx)).rejects.toMatchObject({ diagnosis: 'no_credits' });
    expect(ctx.io.stderrText()).toContain('The key check ended in "no_credits". Ask the person to do this: fake fix');
    expect(ctx.io.stderrText()).not.toContain(key);
  });
  it('after an ok check, says the key was not saved and how to save it', async () => {
    const { ctx } = context({ mode: agent });
    expect(await runWizard(ctx)).toBe(0);
    expect(ctx.io.stderrText()).toContain('It was not saved anywhere');
  });
});
