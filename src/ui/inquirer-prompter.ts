// Adapter from our Prompter to the individual Inquirer prompt packages (not the umbrella package,
// whose editor prompt drags in ~480 KB of encodings). Each package is imported on first use so the
// --help path never loads them. Ctrl-C (ExitPromptError) and our abort signal become CancelledError.
import type { Readable, Writable } from 'node:stream';
import { CancelledError, isAbortError } from '../errors.js';
import type { Choice, Prompter } from './prompter.js';

interface Streams {
  input: Readable;
  output: Writable;
  signal: AbortSignal;
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAbortError(error)) throw new CancelledError();
    throw error;
  }
}

export function createInquirerPrompter(s: Streams): Prompter {
  const context = { input: s.input, output: s.output, signal: s.signal, clearPromptOnDone: false };
  return {
    password: (message, opts) =>
      guard(async () => {
        const { default: password } = await import('@inquirer/password');
        // No ctrl+t reveal: a key shown in clear can end up in a screen share or a terminal recording.
        return password({ message, mask: '•', toggleMask: false, validate: opts?.validate }, context);
      }),
    select: <T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T; signal?: AbortSignal }) =>
      guard(async () => {
        const { default: select } = await import('@inquirer/select');
        // A menu withdrawn by its own signal (a timed re-check) is cleared, so re-showing it does not pile up.
        const own = opts?.signal ? { signal: AbortSignal.any([s.signal, opts.signal]), clearPromptOnDone: true } : {};
        return select<T>({ message, choices, default: opts?.default, loop: false }, { ...context, ...own });
      }),
    confirm: (message, opts) =>
      guard(async () => {
        const { default: confirm } = await import('@inquirer/confirm');
        return confirm({ message, default: opts?.default ?? true }, context);
      }),
    input: (message, opts) =>
      guard(async () => {
        const { default: input } = await import('@inquirer/input');
        return input({ message, default: opts?.default, validate: opts?.validate }, context);
      }),
    // Most of the wizard's pauses are "press Enter": Node's readline draws them like Inquirer's input
    // prompt ("⏎ " and the message in bold), so the first screen does not wait for Inquirer to load.
    pressEnter: (message) => guard(() => pressEnter(s, message)),
  };
}

async function pressEnter(s: Streams, message: string): Promise<void> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: s.input, output: s.output, terminal: true });
  try {
    await new Promise<void>((resolve, reject) => {
      // Ctrl-C reaches readline as a key in raw mode, not as a signal: it cancels, as in Inquirer.
      rl.once('SIGINT', () => reject(new CancelledError()));
      // An answer we ignore: Enter continues, whatever was typed.
      rl.question(`⏎ \u001b[1m${message}\u001b[22m `, { signal: s.signal }).then(() => resolve(), reject);
    });
  } finally {
    rl.close();
  }
}
