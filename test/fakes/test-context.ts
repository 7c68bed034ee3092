// Builds a Context from fakes. Every field can be overridden; defaults write nothing outside a temp dir.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Context } from '../../src/context.js';
import type { CheckResult, KeyChecker, KeyInput } from '../../src/key/types.js';
import { optionsSchema, type Options } from '../../src/options.js';
import { createConfigStore } from '../../src/store/config-store.js';
import { availableTargets, saveKey } from '../../src/store/save.js';
import { FakeBrowser } from './fake-browser.js';
import { FakePrompter } from './fake-prompter.js';
import { createTestIO, type TestIO } from './test-io.js';

export const fakeClock = (start = new Date('2026-11-21T12:00:00Z')): Clock => {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
  };
};

/** A checker that answers from a list of results, one per call (the last one repeats). */
export class FakeChecker implements KeyChecker {
  readonly calls: KeyInput[] = [];
  constructor(private readonly results: Array<Partial<CheckResult> & Pick<CheckResult, 'diagnosis'>>) {}
  async check(key: KeyInput): Promise<CheckResult> {
    this.calls.push(key);
    const r = this.results[Math.min(this.calls.length - 1, this.results.length - 1)]!;
    return {
      ok: r.diagnosis === 'ok',
      summary: `fake ${r.diagnosis}`,
      fix: 'fake fix',
      key: { source: key.source, masked: 'sk-proj-…fake' },
      baseUrl: 'https://api.openai.com/v1',
      checks: [],
      organization: null,
      project: null,
      ...r,
    };
  }
}

export interface TestContext extends Context {
  io: TestIO;
  prompter: FakePrompter;
  browser: FakeBrowser;
}

export function createTestContext(over: Partial<Omit<Context, 'options'>> & { options?: Partial<Options>; stdin?: string } = {}): TestContext {
  const dir = mkdtempSync(join(tmpdir(), 'onboard-test-'));
  const io = (over.io as TestIO | undefined) ?? createTestIO({ stdin: over.stdin });
  const interactive = over.mode?.interactive ?? true;
  return {
    io,
    prompter: (over.prompter as FakePrompter | undefined) ?? new FakePrompter(),
    browser: (over.browser as FakeBrowser | undefined) ?? new FakeBrowser(),
    checker: over.checker ?? new FakeChecker([{ diagnosis: 'ok' }]),
    config: over.config ?? createConfigStore(join(dir, 'config'), (m) => io.err(`Warning: ${m}`)),
    // The real store, writing under the temp home and project; step tests pass a FakeStore.
    store: over.store ?? { availableTargets: (c: Context) => availableTargets(c), saveKey: (c: Context, key: string, targets: Parameters<typeof saveKey>[2]) => saveKey(c, key, targets) },
    clock: over.clock ?? fakeClock(),
    signal: over.signal ?? new AbortController().signal,
    options: optionsSchema.parse({ nonInteractive: !interactive, ...over.options }),
    mode: over.mode ?? { interactive: true },
    env: over.env ?? {},
    cwd: over.cwd ?? join(dir, 'project'),
    home: over.home ?? join(dir, 'home'),
    platform: over.platform ?? 'linux',
    state: over.state ?? { savedTo: [], choices: {} },
  } as TestContext;
}
