// commander program -> validated options -> mode -> command -> exit code. No process.exit here:
// main() returns the code and src/cli.ts sets it.
import { Command, CommanderError, Option } from 'commander';
import { unsafeArgument } from './argv-guard.js';
import type { ProcessDeps } from './app.js';
import { CancelledError, DiagnosisError, EXIT, exitCodeFor, OnboardError, StorageError } from './errors.js';
import { TARGET_IDS } from './store/targets/ids.js';
import { cancelExitCode } from './signal-exit.js';
import { redact } from './ui/redact.js';
import { proseWidth, wrapText } from './ui/wrap.js';

// Each example under its comment, as gh does: every line fits 80 columns (the help is pre-rendered).
const EXAMPLES = `
Examples:
  # The guided setup, step by step
  $ npx openai-onboard

  # Check $OPENAI_API_KEY and explain the result (--no-spend: free check only)
  $ openai-onboard --check-key
  $ printenv OPENAI_API_KEY | openai-onboard --check-key --key-stdin --json

  # Save a key without questions (CI, scripts)
  $ pbpaste | openai-onboard --non-interactive --key-stdin --save env

  # An AI agent: the person pastes the key on a one-time page on 127.0.0.1
  $ openai-onboard --non-interactive --key-browser --save env --json

  # Where OPENAI_API_KEY is defined and which definition wins; undo our changes
  $ openai-onboard status
  $ openai-onboard reset

  # What a diagnosis code means and what to do (offline; alone: every code)
  $ openai-onboard explain no_credits

Exit codes: 0 ok, 1 unexpected, 2 usage, 3 missing key, 4 bad key, 5 billing,
  6 permissions/organization/region, 7 network/server, 8 rate limited,
  130 cancelled.
More: the README (https://www.npmjs.com/package/openai-onboard).`;

function addGlobalOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print exactly one JSON object on stdout')
    .option('--non-interactive', 'never prompt; missing input is an error (automatic in CI and without a terminal)')
    .option('--no-browser', 'print platform URLs instead of opening them')
    .option('--no-color', 'disable colour (also NO_COLOR)')
    .option('--base-url <url>', 'API base URL (default: $OPENAI_BASE_URL or https://api.openai.com/v1)')
    .option('--timeout <ms>', 'network timeout per request in milliseconds', '15000')
    .option('--verbose', 'diagnostics on stderr (secrets redacted)')
    .option('-y, --yes', 'answer yes to confirmations');
}

export function buildProgram(run: (command: 'wizard' | 'check-key' | 'status' | 'reset' | 'explain', opts: Record<string, unknown>) => Promise<void>): Command {
  const program = addGlobalOptions(
    new Command('openai-onboard')
      .description(
        'Get a working, funded, safely stored OpenAI API key.\n' +
          'ChatGPT Plus/Pro do not include API usage: the API is billed separately. This tool walks you through it.',
      )
      .version(__VERSION__, '-v, --version', 'print the version')
      // A fixed width (as git and npm do) makes the text the same everywhere, so the build can
      // pre-render `--help` and src/cli.ts can print it without loading commander at all.
      .configureHelp({ helpWidth: 80 }),
  )
    .option('--check-key', 'check one key (from --key-stdin or $OPENAI_API_KEY) and explain the result')
    .option('--key-stdin', 'read the key from standard input (never pass a key as an argument)')
    .option('--key-browser', 'take the key on a one-time page on 127.0.0.1 (no terminal, agent or chat sees it)')
    .option('--wait <seconds>', 'how long --key-browser waits for the paste', '600')
    .option('--no-spend', 'skip the billable probe (a one-token embedding, about $0.00000002)')
    .addOption(new Option('--save <targets>', `where to save the key: comma list of ${[...TARGET_IDS, 'none'].join(', ')}`))
    .option('--dotenv <path>', 'the .env file to read and write', '.env')
    .addOption(new Option('--shell <shell>', 'shell profile to write (default: from $SHELL)').choices(['bash', 'zsh', 'fish', 'pwsh']))
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .action(async (opts: Record<string, unknown>) => run(opts.checkKey ? 'check-key' : 'wizard', opts));

  addGlobalOptions(program.command('status').description('show where OPENAI_API_KEY is defined and which definition wins'))
    .option('--check', 'also check the key that wins')
    .action(async (_opts, cmd: Command) => run('status', cmd.optsWithGlobals()));
  addGlobalOptions(program.command('reset').description('remove exactly what openai-onboard wrote, after confirming'))
    .action(async (_opts, cmd: Command) => run('reset', cmd.optsWithGlobals()));
  addGlobalOptions(program.command('explain').argument('[code]', 'a diagnosis code, e.g. no_credits').description('explain a diagnosis code (offline); without a code, list them'))
    .action(async (code: string | undefined, _opts, cmd: Command) => run('explain', { ...cmd.optsWithGlobals(), code }));
  return program;
}

export async function main(argv: string[], deps: ProcessDeps): Promise<number> {
  let exitCode: number = EXIT.ok;
  let json = argv.includes('--json');
  // A key typed as an argument is already in the shell history and visible in `ps`: refuse it before
  // commander can echo it back in an "unknown option" message, and say how to pass it instead.
  const refused = unsafeArgument(argv);
  if (refused) return reportError(refused, deps, json, false);
  const program = buildProgram(async (command, opts) => {
    json = Boolean(opts.json);
    const { runCommand } = await import('./app.js');
    exitCode = await runCommand(command, opts, deps);
  });
  program.exitOverride().configureOutput({
    writeOut: (s) => void deps.stdout.write(s),
    // Commander echoes unknown options and arguments: mask anything key-shaped, as everywhere else.
    writeErr: (s) => void deps.stderr.write(redact(s)),
  });
  for (const sub of program.commands) sub.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exitCode 0; bad flags with 1, which the contract calls usage (2).
      if (error.exitCode === 0) return EXIT.ok;
      // Commander already wrote the message to stderr; --json still promises one object on stdout.
      if (json) {
        const message = redact(error.message.replace(/^error: /, ''));
        deps.stdout.write(`${JSON.stringify({ ok: false, error: { kind: 'usage', message, hint: 'Run "openai-onboard --help" for usage.' }, exitCode: EXIT.usage })}\n`);
      }
      return EXIT.usage;
    }
    return reportError(error, deps, json, argv.includes('--verbose'));
  }
}

/** The one place errors become text. Never a stack trace unless --verbose, always redacted. */
export function reportError(error: unknown, deps: ProcessDeps, json: boolean, verbose: boolean): number {
  // A cancel caused by SIGTERM or SIGHUP exits 143 or 129 (src/signal-exit.ts), Ctrl-C 130.
  const code = error instanceof CancelledError ? cancelExitCode(deps.signal) : exitCodeFor(error);
  const message = redact(error instanceof Error ? error.message : String(error));
  const hint = error instanceof OnboardError && error.hint ? redact(error.hint) : undefined;
  if (json) {
    // The shape is src/schemas/error.ts (documented in docs/json.md). "internal" marks a bug, e.g. a
    // prompt asked in non-interactive mode, so a script can tell it from a problem it can fix.
    const kind =
      error instanceof CancelledError ? 'cancelled'
      : code === EXIT.usage ? 'usage'
      : error instanceof DiagnosisError ? 'diagnosis'
      : error instanceof StorageError ? 'storage'
      : error instanceof OnboardError ? 'error'
      : 'internal';
    const diagnosis = error instanceof DiagnosisError ? { diagnosis: error.diagnosis } : {};
    deps.stdout.write(`${JSON.stringify({ ok: false, error: { kind, message, ...(hint ? { hint } : {}), ...diagnosis }, exitCode: code })}\n`);
  }
  if (error instanceof CancelledError) {
    deps.stderr.write(`\n${message}\n`);
    return code;
  }
  const expected = error instanceof OnboardError;
  // Fitted to the terminal like all other prose (src/ui/io.ts); a log file gets the lines as they are.
  const stderr = deps.stderr as typeof deps.stderr & { columns?: number };
  const fit = (text: string) => (stderr.isTTY ? wrapText(text, proseWidth(stderr.columns)) : text);
  // A deliberate "Quit" is the user's choice, not a failure to report: no "Error:" in front of it.
  const label = error instanceof OnboardError && error.deliberate ? '' : `${expected ? 'Error' : 'Unexpected error'}: `;
  deps.stderr.write(`${fit(`${label}${message}`)}\n`);
  if (hint) deps.stderr.write(`${fit(hint)}\n`);
  if (!expected) {
    if (verbose && error instanceof Error && error.stack) deps.stderr.write(`${redact(error.stack)}\n`);
    else deps.stderr.write('Run again with --verbose for details, and please report it if it persists.\n');
  }
  return code;
}
