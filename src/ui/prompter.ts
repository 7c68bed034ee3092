// The small prompt interface steps use. Steps never import Inquirer: tests answer prompts by their
// message (test/fakes/fake-prompter.ts), and the real adapter (inquirer-prompter.ts) is loaded lazily.

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface Prompter {
  /** Masked input for secrets: the answer is never echoed. */
  password(message: string, opts?: { validate?: (value: string) => true | string }): Promise<string>;
  /**
   * `signal` withdraws the menu (it rejects, and the menu is cleared from the screen): check-key
   * re-checks on a timer while its menu is shown.
   */
  select<T extends string>(message: string, choices: Array<Choice<T>>, opts?: { default?: T; signal?: AbortSignal }): Promise<T>;
  confirm(message: string, opts?: { default?: boolean }): Promise<boolean>;
  input(message: string, opts?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  /** "Press Enter when done": waits for Enter, echoes nothing, returns nothing. */
  pressEnter(message: string): Promise<void>;
  /**
   * A key pasted at some other prompt (never shown, taken instead of thrown away), handed over once:
   * the paste-key step uses it instead of asking again. Undefined when none was pasted since.
   */
  takePastedKey(): string | undefined;
}

/**
 * Used in non-interactive mode: any prompt is a bug, so it fails loudly instead of hanging. The methods
 * are async so the failure is a rejected promise, like a real prompt's, even for callers that do not await.
 */
export class NoPrompter implements Prompter {
  private fail(message: string): never {
    throw new Error(`internal: prompt "${message}" asked in non-interactive mode`);
  }
  async password(message: string): Promise<string> {
    return this.fail(message);
  }
  async select<T extends string>(message: string): Promise<T> {
    return this.fail(message);
  }
  async confirm(message: string): Promise<boolean> {
    return this.fail(message);
  }
  async input(message: string): Promise<string> {
    return this.fail(message);
  }
  async pressEnter(message: string): Promise<void> {
    return this.fail(message);
  }
  takePastedKey(): string | undefined {
    return undefined;
  }
}
