// A prompter answered by message text, as in GitHub CLI's tests: each expected prompt is matched by a
// substring or regex of its message, in order. An unexpected prompt fails the test loudly, and so does
// an answer the real prompt could not give (a string for a yes/no question, a value that is not one of
// the choices). An expectation without an answer (or with DEFAULT) takes the prompt's own default, as
// pressing Enter would: so a test of "the safe default is No" really tests the default.
import type { Choice, Prompter } from '../../src/ui/prompter.js';
import { CancelledError } from '../../src/errors.js';

type Kind = 'password' | 'select' | 'confirm' | 'input' | 'pressEnter';

export interface Expectation {
  kind?: Kind;
  match: string | RegExp;
  /** The answer; CANCEL simulates Ctrl-C; DEFAULT (or no answer) presses Enter on the prompt's default. */
  answer?: string | boolean | typeof CANCEL | typeof DEFAULT | typeof WAIT;
  /** A key pasted at this prompt before it was answered: the real prompter keeps it for takePastedKey(). */
  pasted?: string;
}

export const CANCEL = Symbol('ctrl-c');
export const DEFAULT = Symbol('enter');
/** No answer: the prompt stays open until its own `signal` withdraws it (a timed re-check). */
export const WAIT = Symbol('no answer, wait for the signal');

const WAITING = new Error('waiting');

export interface AskedPrompt {
  kind: Kind;
  message: string;
  choices?: string[];
  default?: string | boolean;
}

export class FakePrompter implements Prompter {
  readonly asked: AskedPrompt[] = [];
  private readonly queue: Expectation[];
  private pastedKey: string | undefined;

  constructor(expectations: Expectation[] = []) {
    this.queue = [...expectations];
  }

  expect(...more: Expectation[]): this {
    this.queue.push(...more);
    return this;
  }

  /** Fails when expected prompts were never asked. */
  assertDone(): void {
    if (this.queue.length) throw new Error(`expected prompts never asked: ${this.queue.map((e) => String(e.match)).join(', ')}`);
  }

  private take(kind: Kind, message: string, choices?: string[], dflt?: string | boolean): string | boolean | typeof DEFAULT {
    this.asked.push({ kind, message, choices, ...(dflt === undefined ? {} : { default: dflt }) });
    const next = this.queue[0];
    const matches = next && (typeof next.match === 'string' ? message.includes(next.match) : next.match.test(message));
    if (!next || !matches || (next.kind && next.kind !== kind)) {
      throw new Error(`unexpected ${kind} prompt: "${message}"${next ? ` (expected ${next.kind ?? 'a prompt'} matching ${String(next.match)})` : ''}`);
    }
    this.queue.shift();
    if (next.pasted !== undefined) this.pastedKey = next.pasted;
    if (next.answer === CANCEL) throw new CancelledError();
    if (next.answer === WAIT) throw WAITING;
    return next.answer ?? DEFAULT;
  }

  async password(message: string, opts?: { validate?: (v: string) => true | string }): Promise<string> {
    const given = this.take('password', message);
    if (typeof given !== 'string') throw new Error(`fake prompter: a password prompt needs a string answer ("${message}")`);
    const answer = given;
    const valid = opts?.validate?.(answer) ?? true;
    if (valid !== true) throw new Error(`fake prompter: answer rejected by validate: ${valid}`);
    return answer;
  }
  async select<T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T; signal?: AbortSignal }): Promise<T> {
    let given: string | boolean | typeof DEFAULT;
    try {
      given = this.take('select', message, choices.map((c) => c.value), opts?.default);
    } catch (error) {
      if (error !== WAITING) throw error;
      const signal = opts?.signal;
      if (!signal) throw new Error(`fake prompter: WAIT at "${message}", which has no signal to end it`);
      await new Promise((resolve) => (signal.aborted ? resolve(null) : signal.addEventListener('abort', resolve, { once: true })));
      throw new CancelledError();
    }
    // Enter on a select picks its default, or the first choice when it has none (as Inquirer does).
    const answer = given === DEFAULT ? (opts?.default ?? choices[0]?.value) : given;
    if (typeof answer !== 'string' || !choices.some((c) => c.value === answer)) throw new Error(`fake prompter: "${String(answer)}" is not a choice of "${message}"`);
    return answer as T;
  }
  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    // The real adapter defaults a confirm to yes when the step gives no default.
    const dflt = opts?.default ?? true;
    const given = this.take('confirm', message, undefined, dflt);
    if (given === DEFAULT) return dflt;
    if (typeof given !== 'boolean') throw new Error(`fake prompter: a yes/no question needs true or false, not ${JSON.stringify(given)} ("${message}")`);
    return given;
  }
  async input(message: string, opts?: { default?: string }): Promise<string> {
    const given = this.take('input', message, undefined, opts?.default);
    if (given === DEFAULT) return opts?.default ?? '';
    if (typeof given !== 'string') throw new Error(`fake prompter: an input prompt needs a string answer ("${message}")`);
    return given;
  }
  async pressEnter(message: string): Promise<void> {
    this.take('pressEnter', message);
  }
  takePastedKey(): string | undefined {
    const key = this.pastedKey;
    this.pastedKey = undefined;
    return key;
  }
}
