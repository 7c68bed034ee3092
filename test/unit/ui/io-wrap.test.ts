// The IO layer wraps what goes to a terminal, once, for every step and command: stderr when it is a
// terminal, stdout when it is one and does not carry --json; never piped output; never code.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fitPrompts } from '../../../src/ui/fit-prompter.js';
import { createIO } from '../../../src/ui/io.js';
import type { Prompter } from '../../../src/ui/prompter.js';

const LONG = 'Click "Add payment method" and enter a credit or debit card. The API cannot be used without one (or prepaid credit).';

function stream(tty: boolean, columns?: number) {
  const s = Object.assign(new PassThrough(), { isTTY: tty, columns });
  const chunks: string[] = [];
  s.on('data', (d: Buffer) => chunks.push(d.toString()));
  return { s, text: () => chunks.join('') };
}

function io(o: { tty: boolean; columns?: number; json?: boolean }) {
  const out = stream(o.tty, o.columns);
  const err = stream(o.tty, o.columns);
  const value = createIO({ stdin: Readable.from([]), stdout: out.s, stderr: err.s, env: { NO_COLOR: '1' }, noColorFlag: true, animate: false, json: o.json });
  return { io: value, out: out.text, err: err.text, stderr: err.s };
}

describe('IO wrapping', () => {
  it('wraps stderr and stdout on a terminal, at most 80 columns', () => {
    const t = io({ tty: true, columns: 200 });
    t.io.err(LONG);
    t.io.out(LONG);
    expect(t.io.width).toBe(80);
    for (const text of [t.err(), t.out()]) {
      expect(text.trimEnd().split('\n')).toHaveLength(2);
      expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    }
  });

  it('follows the terminal when it is resized', () => {
    const t = io({ tty: true, columns: 40 });
    t.io.err(LONG);
    expect(Math.max(...t.err().split('\n').map((l) => l.length))).toBeLessThanOrEqual(40);
    t.stderr.columns = 100;
    expect(t.io.width).toBe(80);
  });

  it('leaves piped output exactly as written', () => {
    const t = io({ tty: false });
    t.io.err(LONG);
    t.io.out(LONG);
    expect(t.err()).toBe(`${LONG}\n`);
    expect(t.out()).toBe(`${LONG}\n`);
    expect(t.io.width).toBeUndefined();
  });

  it('never wraps --json on stdout, even on a terminal, nor text written with { wrap: false }', () => {
    const t = io({ tty: true, columns: 80, json: true });
    const json = JSON.stringify({ ok: false, summary: LONG, fix: LONG });
    t.io.out(json);
    t.io.err(`    ${LONG}`, { wrap: false });
    expect(t.out()).toBe(`${json}\n`);
    expect(t.err()).toBe(`    ${LONG}\n`);
  });
});

describe('fitPrompts', () => {
  function recorder(): { prompter: Prompter; messages: string[] } {
    const messages: string[] = [];
    const record = async (m: string) => void messages.push(m);
    return {
      messages,
      prompter: {
        password: async (m) => (messages.push(m), ''),
        select: async (m, choices) => (messages.push(m), choices[0]!.value),
        confirm: async (m) => (messages.push(m), true),
        input: async (m) => (messages.push(m), ''),
        pressEnter: record,
        takePastedKey: () => undefined,
      },
    };
  }

  it('wraps each message for the prompt prefix ("? ", "⏎ ") and the (Y/n) of a confirm', async () => {
    const r = recorder();
    const p = fitPrompts(r.prompter, () => 60);
    const question = 'Save the key in the project file /home/someone/projects/my-app/.env (read by dotenv)?';
    await p.confirm(question);
    await p.pressEnter(question);
    const [confirm, enter] = r.messages;
    expect(confirm!.split('\n')[0]!.length + 2 + ' (Y/n)'.length).toBeLessThanOrEqual(60);
    for (const line of confirm!.split('\n').slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(enter!.split('\n').length).toBeGreaterThan(1);
    expect(enter!.replace(/\n {2}/g, ' ')).toBe(question);
  });

  it('passes messages through when the output is not a terminal', async () => {
    const r = recorder();
    await fitPrompts(r.prompter, () => undefined).select('x '.repeat(80), [{ value: 'a', name: 'A' }]);
    expect(r.messages[0]).toBe('x '.repeat(80));
  });
});
