// The terminal side of the paste guard: while a prompt runs, the real input is read here (raw mode,
// bracketed paste on) and only what the guard lets through reaches the prompt. One instance per
// prompter, so the guard's memory (a paste split over a re-ask, type-ahead) carries over.
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type GuardPolicy, PasteGuard } from './paste-guard.js';

type TtyInput = Readable & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (raw: boolean) => unknown };
type TtyOutput = Writable & { isTTY?: boolean };

export interface SessionHandlers {
  /** What the prompt may see. */
  keys(text: string): void;
  /** A held-back piece, complete. Return 'stop' to end the session (the rest waits for the next one). */
  held(text: string): 'stop' | 'continue';
}

export interface Session {
  close(): void;
}

// Asks the terminal to mark pastes (ESC[200~ … ESC[201~): a paste is then known for what it is,
// however it is split into reads. Terminals without it send plain text, which the guard also handles.
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

export class GuardedInput {
  private readonly guard: PasteGuard;
  /** Input already read but meant for the next prompt (after a held piece ended a session). */
  private leftover = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly input: TtyInput,
    private readonly output: TtyOutput,
    policy: GuardPolicy,
  ) {
    this.guard = new PasteGuard(policy);
  }

  /** Starts reading for one prompt. `fresh` is false when the same question is asked again. */
  open(policy: GuardPolicy, handlers: SessionHandlers, fresh: boolean): Session {
    if (fresh) this.guard.reset(policy);
    let open = true;
    const wasRaw = Boolean(this.input.isRaw);
    const setRaw = (raw: boolean) => {
      if (this.input.isTTY && typeof this.input.setRawMode === 'function') this.input.setRawMode(raw);
    };
    const consume = (text: string) => {
      let pending = text;
      while (open && pending) {
        const result = this.guard.feed(pending);
        pending = '';
        if (result.keys) handlers.keys(result.keys);
        if (result.held === undefined) break;
        if (handlers.held(result.held) === 'stop') {
          this.leftover = result.rest + this.leftover;
          open = false;
          return;
        }
        pending = result.rest;
      }
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
      if (open) consume(text);
      else this.leftover += text;
    };
    setRaw(true);
    if (this.output.isTTY) this.output.write(BRACKETED_PASTE_ON);
    this.input.on('data', onData);
    this.input.resume();
    const early = this.leftover;
    this.leftover = '';
    // After the caller has attached its prompt to the keys (Inquirer listens on the next tick).
    if (early) setImmediate(() => consume(early));
    return {
      close: () => {
        open = false;
        this.input.off('data', onData);
        this.input.pause();
        if (this.output.isTTY) this.output.write(BRACKETED_PASTE_OFF);
        setRaw(wasRaw);
      },
    };
  }
}
