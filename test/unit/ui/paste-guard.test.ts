// The paste guard decides what a prompt may see. Its promise: whatever the policy and however the
// input is cut into reads, no 12-character piece of a key is ever passed on to the prompt.
import { describe, expect, it } from 'vitest';
import { looksLikeKey } from '../../../src/ui/key-shaped.js';
import { type GuardPolicy, type GuardResult, PasteGuard } from '../../../src/ui/paste-guard.js';
import { fakeKeys, prng } from '../../fakes/fake-keys.js';

const pause: GuardPolicy = { echoLimit: 0, enterAfterHeld: 'keep', isKey: looksLikeKey };
const choice: GuardPolicy = { echoLimit: 3, enterAfterHeld: 'swallow', isKey: looksLikeKey };
const text: GuardPolicy = { echoLimit: Number.POSITIVE_INFINITY, enterAfterHeld: 'swallow', isKey: looksLikeKey };
const key = fakeKeys.project(21);
const START = '\u001b[200~';
const END = '\u001b[201~';

/** Feeds chunks like a session does: a held piece is collected and the rest is fed on. */
function run(policy: GuardPolicy, chunks: string[]): { keys: string; held: string[] } {
  const guard = new PasteGuard(policy);
  let keys = '';
  const held: string[] = [];
  for (const chunk of chunks) {
    let pending = chunk;
    for (;;) {
      const r: GuardResult = guard.feed(pending);
      keys += r.keys;
      if (r.held === undefined) break;
      held.push(r.held);
      pending = r.rest;
      if (!pending) break;
    }
  }
  return { keys, held };
}

const pieces = (secret: string, seen: string) => {
  const found: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) if (seen.includes(secret.slice(i, i + 12))) found.push(secret.slice(i, i + 12));
  return found;
};

describe('"Press Enter" pauses (echo limit 0)', () => {
  it('pass on nothing typed, and Enter continues', () => {
    expect(run(pause, ['d', 'o', 'n', 'e', '\r'])).toEqual({ keys: '\r', held: ['done'] });
  });
  it('take a key typed one character at a time when Enter ends it', () => {
    expect(run(pause, [...key, '\r'])).toEqual({ keys: '\r', held: [key] });
  });
  it('take a whole key pasted without brackets at the end of its read, before any Enter', () => {
    expect(run(pause, [key])).toEqual({ keys: '', held: [key] });
    expect(run(pause, [key, '\r'])).toEqual({ keys: '\r', held: [key] });
  });
  it('hand over the held piece before the Enter that ends it (feedback first, then the pause ends)', () => {
    expect(new PasteGuard(pause).feed('abc\r')).toEqual({ keys: '', held: 'abc', rest: '\r' });
  });
  it('let Ctrl-C through and forget what was typed', () => {
    expect(run(pause, ['s', 'k', '\u0003'])).toEqual({ keys: '\u0003', held: [] });
  });
});

describe('yes/no and menus (echo limit 3)', () => {
  it('pass on a short answer and arrow keys whole', () => {
    expect(run(choice, ['y', 'e', 's', '\r'])).toEqual({ keys: 'yes\r', held: [] });
    expect(run(choice, ['\u001b[B', '\u001b[A', '\r'])).toEqual({ keys: '\u001b[B\u001b[A\r', held: [] });
    expect(run(choice, ['2'])).toEqual({ keys: '2', held: [] });
  });
  it('take back a line that grows too long (Ctrl-U) and hold it; its Enter does not answer', () => {
    expect(run(choice, [...'maybe', '\r'])).toEqual({ keys: 'may\u0015', held: ['maybe'] });
    expect(run(choice, [...key, '\r'])).toEqual({ keys: 'sk-\u0015', held: [key] });
  });
  it('swallow the Enter that follows a paste, then answer normally', () => {
    expect(run(choice, [key, '\r', 'n', '\r'])).toEqual({ keys: 'n\r', held: [key] });
    expect(run(choice, [`${START}${key}${END}`, '\r', '\r'])).toEqual({ keys: '\r', held: [key] });
  });
  it('do not swallow the next Enter when the paste brought its own line break', () => {
    expect(run(choice, [`${START}${key}\n${END}`, '\r'])).toEqual({ keys: '\r', held: [`${key}\n`] });
  });
  it('hold a bracketed paste split anywhere, markers included', () => {
    const whole = `${START}${key}${END}`;
    for (const cut of [1, 3, 6, 20, whole.length - 3, whole.length - 1]) {
      expect(run(choice, [whole.slice(0, cut), whole.slice(cut)])).toEqual({ keys: '', held: [key] });
    }
  });
  it('treat a short bracketed paste that is no key as typed', () => {
    expect(run(choice, [`${START}y${END}`, '\r'])).toEqual({ keys: 'y\r', held: [] });
  });
  it('wait for Enter when a paste without brackets is not a whole OpenAI key (it may go on)', () => {
    const anthropic = fakeKeys.anthropic(9);
    expect(run(choice, [anthropic])).toEqual({ keys: '', held: [] });
    expect(run(choice, [anthropic.slice(0, 50), anthropic.slice(50), '\r'])).toEqual({ keys: '', held: [anthropic] });
  });
  it('end a held line at a non-typing key and hand that key to the next ask', () => {
    const guard = new PasteGuard(choice);
    expect(guard.feed('abcdef\u001b[B')).toEqual({ keys: '', held: 'abcdef', rest: '\u001b[B' });
  });
});

describe('free text (no echo limit)', () => {
  it('passes on typed text and pasted paths, holds a pasted key', () => {
    expect(run(text, ['/home/me/project/.env', '\r'])).toEqual({ keys: '/home/me/project/.env\r', held: [] });
    expect(run(text, [key, '\r'])).toEqual({ keys: '', held: [key] });
    expect(run(text, [`${START}${fakeKeys.google()}${END}`])).toEqual({ keys: '', held: [fakeKeys.google()] });
  });
});

describe('the promise, for many keys, cuts and policies', () => {
  it('never passes a 12-character piece of a key to a yes/no, menu or pause prompt', () => {
    const next = prng(7);
    const kinds = [fakeKeys.project, fakeKeys.serviceAccount, fakeKeys.legacyUser, fakeKeys.anthropic, fakeKeys.openRouter, fakeKeys.google];
    for (let round = 0; round < 300; round++) {
      const secret = kinds[round % kinds.length]!(round + 100);
      const bracketed = round % 3 === 0;
      const input = `${bracketed ? START : ''}${secret}${bracketed ? END : ''}${round % 2 ? '\r' : ''}`;
      // Cut into reads at random places, from one char per read to one read.
      const chunks: string[] = [];
      for (let at = 0; at < input.length; ) {
        const size = round % 5 === 0 ? 1 : 1 + (next() % 40);
        chunks.push(input.slice(at, at + size));
        at += size;
      }
      for (const policy of [pause, choice]) {
        const { keys } = run(policy, chunks);
        expect(pieces(secret, keys), `round ${round}`).toEqual([]);
      }
    }
  });
});
