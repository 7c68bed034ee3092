// A prompter answered by message text, as in GitHub CLI's tests: each expected prompt is matched by a
// substring or regex of its message, in order. An unexpected prompt fails the test loudly.
import type { Choice, Prompter } from '../../src/ui/prompter.js';
import { CancelledError } from '../../src/errors.js';

type Kind = 'password' | 'select' | 'confirm' | 'input' | 'pressEnter';

export interface Expectation {
  kind?: Kind;
  match: string | RegExp;
  /** The answer, or CANCEL to simulate Ctrl-C at this prompt. */
  answer: string | boolean | typeof CANCEL;
  /** A key pasted at this prompt before it was answered: the real prompter keeps it for takePastedKey(). */
  pasted?: string;
}

export const CANCEL = Symbol('ctrl-c');

export interface AskedPrompt {
  kind: Kind;
  message: string;
  choices?: string[];
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

  private take(kind: Kind, message: string, choices?: string[]): string | boolean {
    this.asked.push({ kind, message, choices });
    const next = this.queue[0];
    const matches = next && (typeof next.match === 'string' ? message.includes(next.match) : next.match.test(message));
    if (!next || !matches || (next.kind && next.kind !== kind)) {
      throw new Error(`unexpected ${kind} prompt: "${message}"${next ? ` (expected ${next.kind ?? 'a prompt'} matching ${String(next.match)})` : ''}`);
    }
    this.queue.shift();
    if (next.pasted !== undefined) this.pastedKey = next.pasted;
    if (next.answer === CANCEL) throw new CancelledError();
    return next.answer;
  }

  async password(message: string, opts?: { validate?: (v: string) => true | string }): Promise<string> {
    const answer = String(this.take('password', message));
    const valid = opts?.validate?.(answer) ?? true;
    if (valid !== true) throw new Error(`fake prompter: answer rejected by validate: ${valid}`);
    return answer;
  }
  async select<T extends string>(message: string, choices: Array<Choice<T>>): Promise<T> {
    const answer = String(this.take('select', message, choices.map((c) => c.value)));
    if (!choices.some((c) => c.value === answer)) throw new Error(`fake prompter: "${answer}" is not a choice of "${message}"`);
    return answer as T;
  }
  async confirm(message: string): Promise<boolean> {
    return Boolean(this.take('confirm', message));
  }
  async input(message: string): Promise<string> {
    return String(this.take('input', message));
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
