// A newcomer pastes the key wherever the cursor happens to be: at "Press Enter" pauses, at menus, at
// a yes/no question. The built CLI in tmux at 80×24, the real openai SDK against the loopback fake
// API. No 12-character piece of the key may reach the terminal: not the scrollback, and not the raw
// byte stream (tmux pipe-pane), where a line that was drawn and then erased still is. And the key
// is not thrown away: the wizard checks and saves it without asking for a second paste.
import { declineOtherSaves, type NewcomerMachine, newcomerMachine } from './newcomer-machine.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { occurrences, type Pty, startPty } from '../fakes/pty.js';

const BIN = resolve('bin/openai-onboard.js');
const key = fakeKeys.project(61);
const other = fakeKeys.project(62);
const ending = (k: string) => `Received ${k.length} characters, ending …${k.slice(-4)}`;

let server: FakeOpenAI;
const machines: NewcomerMachine[] = [];
const ptys: Pty[] = [];
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => server.close());
afterEach(async () => {
  for (const p of ptys.splice(0)) await p.close();
  for (const m of machines.splice(0)) m.remove();
});

/** A newcomer's machine in temp dirs; the keys reach the terminal only through tmux paste buffers. */
function machine() {
  const m = newcomerMachine({ baseUrl: server.url, keys: { key, other }, prefix: 'onboard-paste-' });
  machines.push(m);
  return { ...m, files: { key: m.keyFiles.key!, other: m.keyFiles.other! } };
}

/** Every 12-character piece of `secret` found in `text` (none, when the secret was never shown). */
function piecesOf(secret: string, text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) if (text.includes(secret.slice(i, i + 12))) found.push(secret.slice(i, i + 12));
  return found;
}

/** Types a string one key at a time, as a person (or a password manager's auto-type) would. */
async function typeSlowly(pty: Pty, text: string): Promise<void> {
  for (const ch of text) await pty.type(ch);
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('a key pasted at any prompt (needs tmux)', () => {
  it('is never shown at pauses, menus and yes/no questions, and is the key that gets checked and saved', async () => {
    const m = machine();
    server.requests.length = 0;
    const pty = await startPty({ argv: ['node', BIN], cwd: m.project, env: m.env, width: 80, height: 24 });
    ptys.push(pty);
    let received = 0;
    const pasteAt = async (prompt: string | RegExp, file: string, bracketed: boolean) => {
      await pty.waitFor(prompt);
      await pty.pasteFile(file, { bracketed });
      await pty.waitFor('Received ', { count: ++received });
    };

    // "Press Enter" pauses: a plain paste, a bracketed one, and a key typed one character at a time.
    await pasteAt('Press Enter to begin', m.files.key, false);
    await pty.press('Enter');
    await pasteAt('Press Enter when you are signed in', m.files.key, true);
    await typeSlowly(pty, key);
    await pty.press('Enter');
    await pty.waitFor('Received ', { count: ++received });
    // A menu: the paste (and the Enter that habitually follows it) does not answer; the menu is asked
    // again. Twice: a bracketed paste, then a plain one.
    await pasteAt('Is there credit on the account now?', m.files.key, true);
    await pty.press('Enter');
    await pasteAt('Is there credit on the account now?', m.files.key, false); // asked again (the first was erased)
    await pty.press('Enter');
    await pty.press('Enter');
    await pasteAt('Press Enter when you have copied the key', m.files.key, false);
    await pty.press('Enter');

    // The key step uses the pasted key: no second paste. Then the yes/no question gets another key,
    // pasted and typed, which is kept out of sight and does not answer it.
    await pty.waitFor(`${ending(key)}: a project key.`, { timeoutMs: 20_000 });
    received++;
    await pty.waitFor('Save the key in the project file', { timeoutMs: 20_000 });
    await pasteAt('Save the key in the project file', m.files.other, true);
    await pty.press('Enter');
    await typeSlowly(pty, other);
    await pty.press('Enter');
    await pty.waitFor(ending(other), { count: 2 });
    // Asked again, right below (the interrupted question was erased: only its raw bytes remain).
    await pty.waitFor(new RegExp(`${ending(other)}.*\n\\? Save the key in the project file`));
    await pty.press('Enter'); // now the real answer: yes
    await declineOtherSaves(pty);
    expect(await pty.exitCode()).toBe(0);

    const screen = await pty.screen();
    if (process.env.SHOW_SCREEN) console.log(screen);
    expect(screen).not.toContain('Paste your API key');
    expect(occurrences(screen, ending(key))).toBe(7); // six pastes at four prompts, then the key step's own line
    expect(readFileSync(join(m.project, '.env'), 'utf8')).toContain(`OPENAI_API_KEY=${key}\n`);
    expect(server.requests.map((r) => r.authorization)).toContain(`Bearer ${key.slice(0, 8)}…${key.slice(-4)} (${key.length})`);
    const raw = pty.raw();
    expect(raw.length).toBeGreaterThan(1000); // the log really recorded the session
    // Bracketed paste was asked for around the prompts, and switched off again at the end.
    expect(raw.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(raw.lastIndexOf('\u001b[?2004h'));
    for (const secret of [key, other]) {
      expect(piecesOf(secret, screen)).toEqual([]);
      expect(piecesOf(secret, raw)).toEqual([]);
      expect(piecesOf(secret, stripVTControlCharacters(raw))).toEqual([]);
    }
  }, 90_000);

  it('Ctrl-C at a menu read through the guard still cancels: exit 130, one line', async () => {
    const m = machine();
    const pty = await startPty({ argv: ['node', BIN], cwd: m.project, env: m.env, width: 80, height: 24 });
    ptys.push(pty);
    await pty.waitFor('Press Enter to begin');
    await pty.press('Enter');
    await pty.waitFor('Press Enter when you are signed in');
    await pty.press('Enter');
    await pty.waitFor('Is there credit on the account now?');
    await pty.pasteFile(m.files.key);
    await pty.waitFor('Received ');
    await pty.press('C-c');
    expect(await pty.exitCode()).toBe(130);
    const screen = await pty.screen();
    expect(occurrences(screen, 'Cancelled. Nothing was saved.')).toBe(1);
    expect(piecesOf(key, pty.raw())).toEqual([]);
  }, 60_000);
});
