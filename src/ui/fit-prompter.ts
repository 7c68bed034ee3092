// Prompt messages wrapped like the rest of the prose. Inquirer cuts a line that is too long at the
// terminal's edge, in the middle of a word (and readline lets the terminal do it): a question about a
// long .env path became "…(Y/\nn)". This decorator wraps each message at word boundaries before the
// prompt draws it, continuation lines under the message's first word ("? " and "⏎ " are 2 columns).
import type { Choice, Prompter } from './prompter.js';
import { wrapText } from './wrap.js';

/** Room the prompt library adds around the message: "? " before it, " (Y/n)" after a confirm. */
const PREFIX = 2;
const CONFIRM_SUFFIX = ' (Y/n)'.length;

export function fitPrompts(inner: Prompter, width: () => number | undefined): Prompter {
  const fit = (message: string, suffix = 1): string => {
    const w = width();
    if (!w) return message;
    return wrapText(message, Math.max(20, w - PREFIX - suffix)).replaceAll('\n', `\n${' '.repeat(PREFIX)}`);
  };
  return {
    password: (message, opts) => inner.password(fit(message), opts),
    select: <T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T }) => inner.select(fit(message), choices, opts),
    confirm: (message, opts) => inner.confirm(fit(message, CONFIRM_SUFFIX), opts),
    input: (message, opts) => inner.input(fit(message), opts),
    pressEnter: (message) => inner.pressEnter(fit(message)),
    takePastedKey: () => inner.takePastedKey(),
  };
}
