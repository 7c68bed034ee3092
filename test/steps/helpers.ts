// Shared by the step tests: contexts in either mode, and a real (print-only) browser opener for
// non-interactive runs, so the tests see exactly what a CI log would show.
import { type Context } from '../../src/context.js';
import { browserPolicy, createBrowserOpener } from '../../src/platform/browser.js';
import type { Step } from '../../src/steps/step.js';
import { FakeBrowser } from '../fakes/fake-browser.js';
import { type Expectation, FakePrompter } from '../fakes/fake-prompter.js';
import { createTestContext, type TestContext } from '../fakes/test-context.js';
import { createTestIO } from '../fakes/test-io.js';

type Over = Parameters<typeof createTestContext>[0];

export function interactiveContext(prompts: Expectation[], over: Over = {}): TestContext {
  return createTestContext({ prompter: new FakePrompter(prompts), ...over });
}

/** Non-interactive: NoPrompter-like FakePrompter (no expectations: any prompt fails) and a printing browser. */
export function nonInteractiveContext(over: Over = {}): TestContext & { launched: string[] } {
  const io = createTestIO({ stdin: over?.stdin });
  const policy = browserPolicy({ flag: true, interactive: false, env: {}, platform: 'linux' });
  const browser = createBrowserOpener(io, policy, {});
  const ctx = createTestContext({ io, mode: { interactive: false, reason: 'flag' }, browser: browser as unknown as FakeBrowser, ...over });
  return Object.assign(ctx, { launched: [] as string[] });
}

export async function run(step: Step, ctx: Context) {
  return (await step.run(ctx)) ?? { next: 'continue' as const };
}
