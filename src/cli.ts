// The entry point: the only file that touches process.exit / exitCode and installs signal handlers.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { ProcessDeps } from './app.js';
import { type HandledSignal, SIGNAL_EXIT, signalReason } from './signal-exit.js';
import { removeLiveTempsSync } from './store/temp-files.js';

const controller = new AbortController();
let caught: HandledSignal | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // A second signal exits at once, removing any temp file we hold (it may hold a key).
    if (caught) {
      removeLiveTempsSync();
      process.exit(SIGNAL_EXIT[signal]);
    }
    // First signal, whichever: like Ctrl-C, abort whatever is running so it can finish the file it is
    // writing (never half), clean up, and report in one line what was and was not saved.
    caught = signal;
    controller.abort(signalReason(signal));
  });
}
// Whatever ends the process (an error, EPIPE, the second signal), our temp files go with it.
process.on('exit', removeLiveTempsSync);

async function run(argv: string[]): Promise<number> {
  // `--version` alone is answered before commander is even loaded: it is what `npx` users and
  // scripts probe with, and commander's own answer is exactly this line.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${__VERSION__}\n`);
    return 0;
  }
  // `--help` alone prints the text the build pre-rendered from commander (scripts/build.mjs writes
  // dist/help.txt with the fixed width main.ts sets), so it too answers before commander loads.
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    const help = prerenderedHelp();
    if (help) {
      process.stdout.write(help);
      return 0;
    }
  }
  const deps: ProcessDeps = {
    // Getters: Node builds process.stdin (and its tty/net machinery) on first access, and --help never needs it.
    get stdin() {
      return process.stdin;
    },
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    cwd: process.cwd(),
    home: homedir(),
    platform: process.platform,
    signal: controller.signal,
  };
  // No arguments (`npx openai-onboard`, the usual first run): the wizard with every default.
  // commander would only hand over its defaults, which parseOptions() applies as well (a unit test
  // keeps the two equal), so the wizard's first prompt does not wait for commander to load.
  if (argv.length === 0) {
    try {
      const { runCommand } = await import('./app.js');
      return await runCommand('wizard', {}, deps);
    } catch (error) {
      const { reportError } = await import('./main.js');
      return reportError(error, deps, false, false);
    }
  }
  const { main } = await import('./main.js');
  return main(argv, deps);
}

function prerenderedHelp(): string | undefined {
  try {
    return readFileSync(new URL('./help.txt', import.meta.url), 'utf8');
  } catch {
    return undefined; // dist/ built without it (the build itself, while pre-rendering): commander answers
  }
}

// `openai-onboard --check-key 2>&1 | head -1` closes the pipe early: that is the reader's choice, not our
// failure. The run goes on without that stream (its later writes are dropped) and still ends with its own
// exit code; exiting here would turn a failed check into 0 (test/e2e/epipe.test.ts).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}

const code = await run(process.argv.slice(2));
process.exitCode = code;
// Exit as soon as our output is flushed (the write callbacks run in order), instead of waiting for
// handles a library may leave open: a paused stdin, a keep-alive socket, fetch's internal timers.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
