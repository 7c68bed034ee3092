// Adapter from our Prompter to the individual Inquirer prompt packages (not the umbrella package,
// whose editor prompt drags in ~480 KB of encodings). Each package is imported on first use so the
// --help path never loads them. Ctrl-C (ExitPromptError) and our abort signal become CancelledError.
//
// Only the hidden key prompt reads the terminal directly. Every other prompt reads through the paste
// guard (paste-guard.ts): a key pasted or typed there never reaches the prompt, so it is never drawn;
// it is kept (takePastedKey) and the question is asked again. Filtering the input, rather than
// re-implementing confirm and select, keeps Inquirer's rendering (wrapping, menus) and its keys.
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { styleText } from 'node:util';
import { CancelledError, isAbortError } from '../errors.js';
import { analyseKey } from '../key/analyse.js';
import type { Colors } from './color.js';
import { GuardedInput } from './guarded-input.js';
import { looksLikeKey, startsLikeKey } from './key-shaped.js';
import type { GuardPolicy } from './paste-guard.js';
import { pressEnter } from './press-enter.js';
import type { Choice, Prompter } from './prompter.js';
import { registerSecret } from './redact.js';

interface Streams {
  input: Readable;
  output: Writable;
  signal: AbortSignal;
  /** Colours for the feedback lines (NO_COLOR aware); plain text without. */
  colors?: Pick<Colors, 'green' | 'yellow'>;
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAbortError(error)) throw new CancelledError();
    throw error;
  }
}

// "Press Enter" echoes nothing; yes/no and menus take a short answer ("yes", "2"); free text echoes
// what is typed, but never a key-shaped paste.
const POLICY = {
  pause: { echoLimit: 0, enterAfterHeld: 'keep', isKey: looksLikeKey },
  choice: { echoLimit: 3, enterAfterHeld: 'swallow', isKey: looksLikeKey },
  text: { echoLimit: Number.POSITIVE_INFINITY, enterAfterHeld: 'swallow', isKey: looksLikeKey },
} satisfies Record<string, GuardPolicy>;

// "Press Enter when done" + the answer "Done: I added …" read as a stutter once answered: an
// instruction to press Enter is stale after it, so the answered line shows only the answer.
const messageStyle = (text: string, status: string) => (status === 'done' && /^Press Enter/i.test(text) ? '' : styleText('bold', text));

export function createInquirerPrompter(s: Streams): Prompter {
  const terminal = new GuardedInput(s.input as ConstructorParameters<typeof GuardedInput>[0], s.output, POLICY.choice);
  const green = s.colors?.green ?? ((t: string) => t);
  const yellow = s.colors?.yellow ?? ((t: string) => t);
  let pastedKey: string | undefined;

  /** Keeps a key-shaped piece as the pasted key; returns the masked feedback line, or undefined. */
  const takeKey = (text: string): string | undefined => {
    if (!looksLikeKey(text)) return undefined;
    const analysis = analyseKey(text);
    registerSecret(analysis.cleaned); // from now on error text that contains it is masked
    pastedKey = analysis.cleaned;
    const ending = analysis.masked.slice(analysis.masked.indexOf('…'));
    return green(`✔ Received ${analysis.length} characters, ending ${ending} (not shown).`);
  };

  /** Runs an Inquirer prompt on the guarded input; a held piece ends it, is dealt with, and it is asked again. */
  /** `own`: the caller's signal to withdraw the prompt (a timed re-check); the menu is then cleared. */
  async function ask<T>(kind: 'choice' | 'text', hint: string, run: (context: object) => Promise<T>, own?: AbortSignal): Promise<T> {
    for (let fresh = true; ; fresh = false) {
      const input = new PassThrough();
      const onPaste = new AbortController();
      let held: string | undefined;
      const signals = own ? [s.signal, onPaste.signal, own] : [s.signal, onPaste.signal];
      // A menu withdrawn by its own signal is cleared, so showing it again does not pile up on screen.
      const context = { input, output: s.output, signal: AbortSignal.any(signals), clearPromptOnDone: Boolean(own) };
      const session = terminal.open(
        POLICY[kind],
        {
          keys: (text) => input.write(text),
          held(text) {
            held = text;
            // Inquirer reads this when the prompt ends: the interrupted question is erased, then re-asked.
            context.clearPromptOnDone = true;
            onPaste.abort();
            return 'stop';
          },
        },
        fresh,
      );
      try {
        return await guard(() => run(context));
      } catch (error) {
        if (held === undefined || s.signal.aborted) throw error;
      } finally {
        session.close();
        input.destroy();
      }
      const feedback = takeKey(held);
      if (feedback) s.output.write(`${feedback}\n`);
      else if (held.trim()) s.output.write(`${yellow(`Ignored ${held.length} typed characters: ${hint}.`)}\n`);
    }
  }

  return {
    password: (message, opts) =>
      guard(async () => {
        const { default: password } = await import('@inquirer/password');
        // No ctrl+t reveal: a key shown in clear can end up in a screen share or a terminal recording.
        return password({ message, mask: '•', toggleMask: false, validate: opts?.validate }, { input: s.input, output: s.output, signal: s.signal, clearPromptOnDone: false });
      }),
    select: <T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T; signal?: AbortSignal }) =>
      ask(
        'choice',
        'choose with ↑↓ and Enter',
        async (context) => {
          const { default: select } = await import('@inquirer/select');
          return select<T>({ message, choices, default: opts?.default, loop: false, theme: { style: { message: messageStyle } } }, context);
        },
        opts?.signal,
      ),
    confirm: (message, opts) =>
      ask('choice', 'answer y or n', async (context) => {
        const { default: confirm } = await import('@inquirer/confirm');
        return confirm({ message, default: opts?.default ?? true }, context);
      }),
    input: (message, opts) =>
      ask('text', 'type the answer', async (context) => {
        const { default: input } = await import('@inquirer/input');
        // A key typed by hand (pastes never get here) is drawn as dots of the same length, so the cursor stays right.
        const transformer = (value: string) => (startsLikeKey(value) || looksLikeKey(value) ? '•'.repeat(value.length) : value);
        return input({ message, default: opts?.default, validate: opts?.validate, transformer }, context);
      }),
    // Most of the wizard's pauses are "press Enter": drawn like Inquirer's input prompt ("⏎ " and the
    // message in bold) without loading Inquirer, so the first screen does not wait for it.
    pressEnter: (message) => pressEnter({ terminal, output: s.output, signal: s.signal, policy: POLICY.pause, takeKey }, message),
    takePastedKey() {
      const key = pastedKey;
      pastedKey = undefined;
      return key;
    },
  };
}
