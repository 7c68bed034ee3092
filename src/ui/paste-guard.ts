// The filter between the terminal and every prompt that is not the hidden key prompt. Prompts draw
// what they are given, and a terminal keeps every byte it was sent (a redrawn line is still in its
// history), so the only safe place to stop a key is before the prompt sees it. Pure: bytes in, the
// bytes the prompt may see and the pieces held back out; the terminal session is guarded-input.ts.
import { isWholeOpenAIKey } from './key-shaped.js';

export interface GuardPolicy {
  /**
   * How many printable characters typed on one line reach the prompt: 0 for "press Enter" (echoes
   * nothing), 3 for yes/no and menus ("yes" fits, 12 characters of a key never do), Infinity for
   * free text (which still never receives a key-shaped paste).
   */
  echoLimit: number;
  /** What an Enter that ends a held piece (or comes right after one) does: 'swallow' keeps the prompt asking. */
  enterAfterHeld: 'swallow' | 'keep';
  /** Decides whether a bracketed paste is a key (key-shaped.ts; a parameter so tests can see it used). */
  isKey: (text: string) => boolean;
}

export interface GuardResult {
  /** Bytes for the prompt, in order (keys, control sequences, short typed text). */
  keys: string;
  /** A piece held back and now complete: a paste, or a line too long for the policy. Never shown. */
  held?: string;
  /** Input after the held piece, not yet looked at: feed it to the next prompt (or re-ask). */
  rest: string;
}

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const ENTER = /^[\r\n]$/;
const BACKSPACE = /^[\u007f\b]$/;
const KILL_LINE = '\u0015'; // Ctrl-U: readline (and so Inquirer) clears its line
const CTRL_C = '\u0003';
// CSI (arrows, bracketed-paste markers), SS3 (arrows in application mode), or ESC + one key (Alt).
const ESCAPE = /^\u001b(?:\[[0-?]*[ -/]*[@-~]|O.|[^[O])/;
const INCOMPLETE_ESCAPE = /^\u001b(?:\[[0-?]*[ -/]*|O)?$/;

export class PasteGuard {
  /** Printable characters of the current line that the prompt has seen. */
  private line = '';
  /** The piece being held back, once the line outgrew the policy; undefined when not holding. */
  private held: string | undefined;
  /** True while the held piece came in bulk (a paste without brackets): it may end at a chunk's end. */
  private bulk = false;
  private bracketed: string | undefined;
  private swallowEnter = false;
  private partial = '';

  constructor(private policy: GuardPolicy) {}

  /** A new question: forget the line, keep nothing held. (Re-asking the same one keeps swallowEnter.) */
  reset(policy: GuardPolicy): void {
    this.policy = policy;
    this.line = '';
    this.held = undefined;
    this.bulk = false;
    this.bracketed = undefined;
    this.swallowEnter = false;
  }

  feed(chunk: string): GuardResult {
    let input = this.partial + chunk;
    this.partial = '';
    let keys = '';
    while (input.length) {
      if (this.bracketed !== undefined) {
        // Searched in what came so far: the end marker itself may be split over two reads.
        const sofar = this.bracketed + input;
        const end = sofar.indexOf(PASTE_END);
        if (end < 0) {
          this.bracketed = sofar;
          return { keys, rest: '' };
        }
        const text = sofar.slice(0, end);
        this.bracketed = undefined;
        input = sofar.slice(end + PASTE_END.length);
        const outcome = this.pasted(text);
        if (outcome.held !== undefined) return { keys: keys + outcome.keys, held: outcome.held, rest: input };
        keys += outcome.keys;
        continue;
      }
      if (input.startsWith(PASTE_START)) {
        this.bracketed = '';
        input = input.slice(PASTE_START.length);
        continue;
      }
      if (input[0] === '\u001b') {
        const match = ESCAPE.exec(input);
        if (!match && INCOMPLETE_ESCAPE.test(input)) {
          // The rest of the sequence is in the next read (a lone Escape key waits for the next key).
          this.partial = input;
          return { keys, rest: '' };
        }
        const sequence = match ? match[0] : input[0]!;
        // A key other than typing ends a held piece: the piece is judged, the key goes to the next ask.
        if (this.held !== undefined) return { keys, held: this.finish(), rest: input };
        this.swallowEnter = false;
        keys += sequence;
        input = input.slice(sequence.length);
        continue;
      }
      const printable = /^[^\u0000-\u001f\u007f]+/.exec(input)?.[0];
      if (printable) {
        keys += this.typed(printable, printable.length > 1);
        input = input.slice(printable.length);
        continue;
      }
      const control = input[0]!;
      input = input.slice(1);
      const step = this.controlKey(control);
      if (step.held !== undefined) return { keys: keys + step.keys, held: step.held, rest: (step.replay ?? '') + input };
      keys += step.keys;
    }
    // A paste without brackets arrives in one chunk: a whole OpenAI key at its end needs no Enter.
    if (this.held !== undefined && this.bulk && isWholeOpenAIKey(this.held.trim())) {
      return { keys, held: this.finish(), rest: '' };
    }
    return { keys, rest: '' };
  }

  private typed(text: string, inBulk: boolean): string {
    this.swallowEnter = false;
    if (this.held !== undefined) {
      this.held += text;
      this.bulk &&= inBulk;
      return '';
    }
    if (this.line.length + text.length <= this.policy.echoLimit && !(text.length > 1 && this.policy.isKey(text))) {
      this.line += text;
      return text;
    }
    // Too long for this prompt: hold it all, and take back what the prompt already shows.
    const shown = this.line;
    this.held = shown + text;
    this.bulk = inBulk && shown === '';
    this.line = '';
    return shown ? KILL_LINE : '';
  }

  private pasted(text: string): { keys: string; held?: string } {
    const plain = !/[\u0000-\u001f\u007f]/.test(text);
    if (this.held === undefined && plain && !this.policy.isKey(text) && this.line.length + text.length <= this.policy.echoLimit) {
      return { keys: this.typed(text, false) };
    }
    const shown = this.held === undefined ? this.line : '';
    this.held = (this.held ?? shown) + text;
    this.line = '';
    // A paste that ends with a line break brought its own Enter: the next one is the user's answer.
    return { keys: shown ? KILL_LINE : '', held: this.finish(!/[\r\n]$/.test(text)) };
  }

  private controlKey(key: string): { keys: string; held?: string; replay?: string } {
    if (ENTER.test(key)) {
      if (this.held !== undefined) {
        const held = this.finish(false);
        // 'keep': the Enter counts, but after the held piece has been dealt with (so its feedback comes first).
        return { keys: '', held, replay: this.policy.enterAfterHeld === 'keep' ? '\r' : '' };
      }
      if (this.swallowEnter) {
        this.swallowEnter = false;
        return { keys: '' };
      }
      this.line = '';
      return { keys: '\r' };
    }
    this.swallowEnter = false;
    if (BACKSPACE.test(key)) {
      if (this.held !== undefined) {
        this.held = this.held.slice(0, -1);
        return { keys: '' };
      }
      this.line = this.line.slice(0, -1);
      return { keys: key };
    }
    if (key === KILL_LINE || key === CTRL_C) {
      this.held = undefined; // given up on: nothing to judge
      this.line = '';
      return { keys: key };
    }
    return { keys: key };
  }

  /** Ends the held piece; an Enter right after it still belongs to it (the paste-then-Enter habit). */
  private finish(enterMayFollow = true): string {
    const held = this.held ?? '';
    this.held = undefined;
    this.bulk = false;
    this.line = '';
    this.swallowEnter = enterMayFollow && this.policy.enterAfterHeld === 'swallow';
    return held;
  }
}
