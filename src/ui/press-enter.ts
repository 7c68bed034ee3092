// "⏎ Press Enter when …": a pause that echoes nothing at all. It used to be a readline question,
// which echoed whatever was typed or pasted (a whole key, or "Done" after "Press Enter when done").
// Now every byte goes through the paste guard with an echo limit of 0: Enter continues, Ctrl-C
// cancels, a key-shaped paste is handed to `onKey` (masked feedback, kept for the key step).
import { CancelledError } from '../errors.js';
import type { GuardedInput } from './guarded-input.js';
import type { GuardPolicy } from './paste-guard.js';

export interface PauseDeps {
  terminal: GuardedInput;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
  policy: GuardPolicy;
  /** A held piece: the feedback line when it was taken as a key, else undefined (typed junk, ignored). */
  takeKey(text: string): string | undefined;
}

export function pressEnter(d: PauseDeps, message: string): Promise<void> {
  const line = `⏎ \u001b[1m${message}\u001b[22m `;
  return new Promise<void>((resolve, reject) => {
    if (d.signal.aborted) return reject(new CancelledError());
    d.output.write(line);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      session.close();
      d.signal.removeEventListener('abort', onAbort);
      d.output.write('\n');
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(new CancelledError());
    const session = d.terminal.open(
      d.policy,
      {
        keys(text) {
          // In raw mode Ctrl-C is a key, not a signal: it cancels, as in the other prompts.
          if (text.includes('\u0003')) finish(new CancelledError());
          else if (/[\r\n]/.test(text)) finish();
        },
        held(text) {
          const feedback = d.takeKey(text);
          if (feedback) d.output.write(`\n${feedback}\n${line}`);
          return 'continue';
        },
      },
      true,
    );
    d.signal.addEventListener('abort', onAbort, { once: true });
  });
}
