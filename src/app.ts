// Wires the real world into a Context: streams, mode, prompter, browser, checker, config store.
// Loaded lazily by main.ts, so `--help` and `--version` never pay for zod, prompts or the SDK.
import { cancelledMessage } from './store/changes.js';
import { release } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { type Clock, type Context, systemClock } from './context.js';
import { CancelledError } from './errors.js';
import type { KeyChecker } from './key/types.js';
import { type Options, parseOptions } from './options.js';
import { browserPolicy, createBrowserOpener } from './platform/browser.js';
import { rememberInvocation } from './platform/command-name.js';
import { decideMode, type Env } from './platform/environment.js';
import { nodeDebugWarning } from './platform/node-debug.js';
import { DEFAULT_BASE_URL } from './platform/urls.js';
import { configDir, createConfigStore } from './store/config-store.js';
import { availableTargets, saveKey } from './store/save.js';
import { fitPrompts } from './ui/fit-prompter.js';
import { createInquirerPrompter } from './ui/inquirer-prompter.js';
import { createIO } from './ui/io.js';
import { NoPrompter } from './ui/prompter.js';
import { displayUrl } from './ui/redact.js';

export interface ProcessDeps {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Env;
  cwd: string;
  home: string;
  platform: NodeJS.Platform;
  /** Aborted on Ctrl-C (SIGINT) by src/cli.ts. */
  signal: AbortSignal;
  clock?: Clock;
  /** Tests may inject a checker; the real one loads the openai SDK on first use. */
  checker?: KeyChecker;
}

export type CommandName = 'wizard' | 'check-key' | 'status' | 'reset' | 'explain';

/** The real checker, imported on first use so the SDK is only loaded on paths that check a key. */
export function lazyChecker(options: Options, env: Env): KeyChecker {
  return {
    async check(key, opts) {
      const { createKeyChecker } = await import('./key/check.js');
      return createKeyChecker({ options, env }).check(key, opts);
    },
  };
}

export function createContext(deps: ProcessDeps, options: Options): Context {
  rememberInvocation(deps.env);
  const mode = decideMode({
    stdinIsTTY: Boolean(deps.stdin.isTTY),
    stdoutIsTTY: Boolean(deps.stdout.isTTY),
    env: deps.env,
    nonInteractiveFlag: options.nonInteractive,
  });
  const io = createIO({
    stdin: deps.stdin,
    stdout: deps.stdout,
    stderr: deps.stderr,
    env: deps.env,
    noColorFlag: !options.color,
    animate: mode.interactive,
    json: options.json,
  });
  const policy = browserPolicy({
    flag: options.browser,
    interactive: mode.interactive,
    env: deps.env,
    platform: deps.platform,
    osRelease: deps.platform === 'linux' ? release() : '',
  });
  const debugWarning = nodeDebugWarning(deps.env);
  if (debugWarning) io.err(io.c.yellow(`Warning: ${debugWarning}`));
  if (options.verbose) {
    io.err(io.c.dim(`[verbose] mode: ${mode.interactive ? 'interactive' : `non-interactive (${mode.reason})`}`));
    io.err(io.c.dim(`[verbose] browser: ${policy.enabled ? `open via ${policy.via}` : `print only (${policy.reason})`}`));
    const baseUrl = options.baseUrl ?? (deps.env.OPENAI_BASE_URL?.trim() || DEFAULT_BASE_URL);
    io.err(io.c.dim(`[verbose] API base URL: ${displayUrl(baseUrl)}`));
  }
  return {
    io,
    // Prompts draw on stderr: stdout stays clean for results, as with gh.
    prompter: mode.interactive
      ? fitPrompts(createInquirerPrompter({ input: deps.stdin, output: deps.stderr, signal: deps.signal, colors: io.c }), () => io.width)
      : new NoPrompter(),
    browser: createBrowserOpener(io, policy, deps.env, deps.platform),
    checker: deps.checker ?? lazyChecker(options, deps.env),
    config: createConfigStore(configDir(deps.env, deps.home, deps.platform), (m) => io.err(io.c.yellow(`Warning: ${m}`))),
    store: { availableTargets: (c) => availableTargets(c), saveKey: (c, key, targets) => saveKey(c, key, targets) },
    clock: deps.clock ?? systemClock,
    signal: deps.signal,
    options,
    mode,
    env: deps.env,
    cwd: deps.cwd,
    home: deps.home,
    platform: deps.platform,
    state: { savedTo: [], choices: {} },
  };
}

export async function runCommand(command: CommandName, raw: Record<string, unknown>, deps: ProcessDeps): Promise<number> {
  rememberInvocation(deps.env);
  const options = parseOptions(raw);
  const ctx = createContext(deps, options);
  try {
    switch (command) {
      case 'check-key':
        return await (await import('./commands/check-key.js')).runCheckKey(ctx);
      case 'status':
        return await (await import('./commands/status.js')).runStatus(ctx, { check: Boolean(raw.check) });
      case 'reset':
        return await (await import('./commands/reset.js')).runReset(ctx);
      case 'wizard':
        return await (await import('./commands/wizard.js')).runWizard(ctx);
      case 'explain':
        return await (await import('./commands/explain.js')).runExplain(ctx, typeof raw.code === 'string' ? raw.code : undefined);
    }
  } catch (error) {
    // A cancelled save or reset says what it had already written or removed, never a blanket "Nothing was saved".
    if (error instanceof CancelledError && (command === 'wizard' || command === 'reset')) {
      const where = { cwd: ctx.cwd, home: ctx.home, configDir: ctx.config.dir };
      throw new CancelledError(cancelledMessage(command === 'reset' ? 'reset' : 'save', where, ctx.state.savedTo));
    }
    throw error;
  }
}
