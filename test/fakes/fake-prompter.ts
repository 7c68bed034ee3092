// A prompter answered by message text, as in GitHub CLI's tests: each expected prompt is matched by a
// substring or regex of its message, in order. An unexpected prompt fails the test loudly.
import type { Choice, Prompter } from '../../src/ui/prompter.js';
import { CancelledError } from '../../src/errors.js';

type Kind = 'password' | 'select' | 'confirm' | 'input' | 'pressEnter';

export interface Expectation {
  kind?: Kind;
  match: string | RegExp;
  /** The answer, or CANCEL to simulate Ctrl-C at this prompt. */
  answer: string | boolean | typeof CANCEL | typeof WAIT;
}

export const CANCEL = Symbol('ctrl-c');
/** No answer: the prompt stays open until its own `signal` withdraws it (a timed re-check). */
export const WAIT = Symbol('no answer, wait for the signal');

export interface AskedPrompt {
  kind: Kind;
  message: string;
  choices?: string[];
  /** The pre-selected answer of a select or confirm, when the caller gave one. */
  default?: string | boolean;
}

const WAITING = new Error('waiting');

export class FakePrompter implements Prompter {
  readonly asked: AskedPrompt[] = [];
  private readonly queue: Expectation[];

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

  private take(kind: Kind, message: string, choices?: string[]): string | boolean {
    this.asked.push({ kind, message, choices });
    const next = this.queue[0];
    const matches = next && (typeof next.match === 'string' ? message.includes(next.match) : next.match.test(message));
    if (!next || !matches || (next.kind && next.kind !== kind)) {
      throw new Error(`unexpected ${kind} prompt: "${message}"${next ? ` (expected ${next.kind ?? 'a prompt'} matching ${String(next.match)})` : ''}`);
    }
    this.queue.shift();
    if (next.answer === CANCEL) throw new CancelledError();
    if (next.answer === WAIT) throw WAITING;
    return next.answer;
  }

  async password(message: string, opts?: { validate?: (v: string) => true | string }): Promise<string> {
    const answer = String(this.take('password', message));
    const valid = opts?.validate?.(answer) ?? true;
    if (valid !== true) throw new Error(`fake prompter: answer rejected by validate: ${valid}`);
    return answer;
  }
  async select<T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T; signal?: AbortSignal }): Promise<T> {
    let taken: string | boolean;
    try {
      taken = this.take('select', message, choices.map((c) => c.value));
    } catch (error) {
      if (error !== WAITING) throw error;
      const signal = opts?.signal;
      if (!signal) throw new Error(`fake prompter: WAIT at "${message}", which has no signal to end it`);
      await new Promise((resolve) => (signal.aborted ? resolve(null) : signal.addEventListener('abort', resolve, { once: true })));
      throw new CancelledError();
    }
    if (opts?.default !== undefined) this.asked.at(-1)!.default = opts.default;
    const answer = String(taken);
    if (!choices.some((c) => c.value === answer)) throw new Error(`fake prompter: "${answer}" is not a choice of "${message}"`);
    return answer as T;
  }
  async confirm(message: string, opts?: { default?: boolean }): Promise<boolean> {
    const answer = this.take('confirm', message);
    if (opts?.default !== undefined) this.asked.at(-1)!.default = opts.default;
    return Boolean(answer);
  }
  async input(message: string): Promise<string> {
    return String(this.take('input', message));
  }
  async pressEnter(message: string): Promise<void> {
    this.take('pressEnter', message);
  }
}
