// The real adapter with real Inquirer prompts, on a fake terminal (a stream in, a buffer out): a key
// pasted at a question is neither drawn nor taken as the answer, and is handed to the key step.
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { createInquirerPrompter } from '../../../src/ui/inquirer-prompter.js';
import { fakeKeys } from '../../fakes/fake-keys.js';

const key = fakeKeys.project(41);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function terminal() {
  const input = new PassThrough();
  let written = '';
  const output = new Writable({
    write(chunk, _enc, done) {
      written += String(chunk);
      done();
    },
  });
  // Inquirer pipes into the output and so ends it after each prompt; a terminal (stderr) never ends.
  output.end = () => output;
  const controller = new AbortController();
  const prompter = createInquirerPrompter({ input, output, signal: controller.signal });
  /** Sends input once the prompt listens; each chunk is one read, as from a terminal. */
  const send = async (...chunks: string[]) => {
    await sleep(50);
    for (const chunk of chunks) {
      input.write(chunk);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { prompter, send, output: () => written, controller };
}

const pieces = (secret: string, seen: string) => {
  const found: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) if (seen.includes(secret.slice(i, i + 12))) found.push(secret.slice(i, i + 12));
  return found;
};

let open: Array<ReturnType<typeof terminal>> = [];
afterEach(() => {
  for (const t of open) t.controller.abort();
  open = [];
});

describe('the Inquirer adapter behind the paste guard', () => {
  it('confirm: a pasted key is kept, not drawn, and the question is asked again for its answer', async () => {
    const t = terminal();
    open.push(t);
    const answer = t.prompter.confirm('Save the key in the project file?', { default: true });
    await t.send(key, '\r', 'n', '\r');
    expect(await answer).toBe(false);
    expect(pieces(key, t.output())).toEqual([]);
    expect(t.output()).toContain(`Received ${key.length} characters, ending …${key.slice(-4)} (not shown).`);
    expect(t.prompter.takePastedKey()).toBe(key);
    expect(t.prompter.takePastedKey()).toBeUndefined();
  });

  it('confirm: a key typed key by key shows at most three characters', async () => {
    const t = terminal();
    open.push(t);
    const answer = t.prompter.confirm('Continue?', { default: true });
    await t.send(...key, '\r', 'y', '\r');
    expect(await answer).toBe(true);
    expect(pieces(key, t.output())).toEqual([]);
    expect(t.prompter.takePastedKey()).toBe(key);
  });

  it('select: a bracketed paste does not move the cursor or choose; the answered line drops a stale "Press Enter"', async () => {
    const t = terminal();
    open.push(t);
    const choices = [
      { value: 'added', name: 'Done: I added a payment method' },
      { value: 'skipped', name: 'Skip for now' },
    ];
    const answer = t.prompter.select('Press Enter when done', choices, { default: 'added' });
    await t.send(`\u001b[200~${key}\u001b[201~`, '\r', '\r');
    expect(await answer).toBe('added');
    expect(pieces(key, t.output())).toEqual([]);
    expect(t.prompter.takePastedKey()).toBe(key);
    expect(t.output()).not.toMatch(/Press Enter when done\S*\s+\S*Done: I added/);
  });

  it('pressEnter: echoes nothing typed, takes a key, and Ctrl-C cancels', async () => {
    const t = terminal();
    open.push(t);
    const pause = t.prompter.pressEnter('Press Enter when done');
    await t.send('D', 'o', 'n', 'e', '\r');
    await pause;
    expect(t.output()).not.toContain('Done');
    const again = t.prompter.pressEnter('Press Enter when you have copied the key');
    await t.send(key, '\r');
    await again;
    expect(pieces(key, t.output())).toEqual([]);
    expect(t.prompter.takePastedKey()).toBe(key);
    const typed = t.prompter.pressEnter('Press Enter when you are signed in');
    await t.send(...key, '\r');
    await typed;
    expect(t.prompter.takePastedKey()).toBe(key);
    // The feedback came before the pause ended: the output ends with a finished line, not a prompt.
    expect(t.output()).toMatch(/Received [^\n]*\n[^\n]*signed in[^\n]*\n$/);
    const cancelled = t.prompter.pressEnter('Press Enter to begin').catch((error: unknown) => error);
    await t.send('\u0003');
    expect(await cancelled).toBeInstanceOf(CancelledError);
  });
});

describe('the Inquirer adapter: free text and Ctrl-C', () => {
  it('input: a typed path is shown; a pasted key is held back and the question asked again', async () => {
    const t = terminal();
    open.push(t);
    const answer = t.prompter.input('Save it in which file?');
    await t.send(key, '\r', '/tmp/my.env', '\r');
    expect(await answer).toBe('/tmp/my.env');
    expect(t.output()).toContain('/tmp/my.env');
    expect(pieces(key, t.output())).toEqual([]);
    expect(t.prompter.takePastedKey()).toBe(key);
  });

  it('input: a key typed by hand is drawn as dots', async () => {
    const t = terminal();
    open.push(t);
    const answer = t.prompter.input('Name?');
    await t.send(...key.slice(0, 40), '\u0015', 'ok', '\r');
    expect(await answer).toBe('ok');
    expect(pieces(key, t.output())).toEqual([]);
  });

  it('confirm and select: Ctrl-C cancels through the guard', async () => {
    const t = terminal();
    open.push(t);
    const confirm = t.prompter.confirm('Continue?').catch((error: unknown) => error);
    await t.send('\u0003');
    expect(await confirm).toBeInstanceOf(CancelledError);
    const select = t.prompter.select('Pick', [{ value: 'a', name: 'A' }]).catch((error: unknown) => error);
    await t.send('\u0003');
    expect(await select).toBeInstanceOf(CancelledError);
  });
});
