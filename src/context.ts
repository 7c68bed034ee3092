// The context a wizard step or command receives. Everything with a side effect comes through here,
// so a step runs in a test with fakes (test/fakes) and no terminal, network or home directory.
import type { KeyChecker, CheckResult, KeyInput } from './key/types.js';
import type { Options } from './options.js';
import type { BrowserOpener } from './platform/browser.js';
import type { Env, Mode } from './platform/environment.js';
import type { ConfigStore } from './store/config-store.js';
import type { SaveReport, SaveStore } from './store/save.js';
import type { IO } from './ui/io.js';
import type { Prompter } from './ui/prompter.js';

export interface Clock {
  now(): Date;
  /** Resolves after ms, or rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Context {
  io: IO;
  prompter: Prompter;
  browser: BrowserOpener;
  checker: KeyChecker;
  config: ConfigStore;
  /** Saving the key: which targets this machine offers, and writing them (src/store/save.ts). */
  store: SaveStore;
  clock: Clock;
  /** Aborted on Ctrl-C; long waits and network calls take it. */
  signal: AbortSignal;
  options: Options;
  mode: Mode;
  env: Env;
  cwd: string;
  home: string;
  platform: NodeJS.Platform;
  /** What the wizard has learned so far; steps read and fill it. */
  state: WizardState;
}

export interface WizardState {
  /** The key being onboarded. Lives only in memory. */
  key?: KeyInput;
  check?: CheckResult;
  /** Where the key ended up, for the summary. */
  savedTo: string[];
  /** Every save attempt of this run, typed: what was written, verified, replaced or failed where. */
  saves?: SaveReport[];
  /** Choices made in earlier steps (also persisted as progress). */
  choices: Record<string, string>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(signal.reason);
        },
        { once: true },
      );
    }),
};
