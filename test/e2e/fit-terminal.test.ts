// The wizard in a real 80×24 terminal (tmux), answered as a newcomer would (Enter at every prompt, the
// key pasted at the key prompt): no line it prints is wider than the terminal, except one unbreakable
// token alone on its line (a URL), so the terminal never cuts a word in two.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/wrap.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { type Pty, startPty } from '../fakes/pty.js';
import { type NewcomerMachine, newcomerMachine } from './newcomer-machine.js';

const BIN = resolve('bin/openai-onboard.js');
const key = fakeKeys.project(61);
// A prompt waiting for an answer: Inquirer's "?" or our "⏎" at the start of a line.
const PROMPT = /^\s*(?:\?|⏎) \S/;

let server: FakeOpenAI;
let machine: NewcomerMachine | undefined;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
  machine?.remove();
});

const lastPrompt = (screen: string) => screen.split('\n').findLastIndex((l) => PROMPT.test(l));

/** Answers every prompt with its default until the wizard ends; returns the number of prompts. */
async function answerWithDefaults(pty: Pty, keyFile: string): Promise<number> {
  let answered = -1; // line of the last prompt answered ("⏎" lines stay on screen after Enter)
  let prompts = 0;
  while (prompts < 30 && (await pty.exitCode(0)) === null) {
    let screen: string;
    try {
      screen = await pty.waitUntil((s) => lastPrompt(s) > answered, { what: 'the next prompt', timeoutMs: 20_000 });
    } catch (error) {
      if ((await pty.exitCode(0)) !== null) break; // it ended after the last answer
      throw error;
    }
    answered = lastPrompt(screen);
    prompts++;
    await new Promise((r) => setTimeout(r, 200)); // let the prompt finish drawing
    if (/paste\b.*\bkey/i.test(screen.split('\n').slice(answered).join(' '))) await pty.pasteFile(keyFile);
    await pty.press('Enter');
  }
  return prompts;
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('the wizard fits an 80×24 terminal (needs tmux)', () => {
  it('prints no line wider than 80 columns, except a single unbreakable token', async () => {
    machine = newcomerMachine({ baseUrl: server.url, keys: { key }, prefix: 'onboard-fit-' });
    const pty = await startPty({ argv: ['node', BIN], cwd: machine.project, env: machine.env, width: 80, height: 24 });
    try {
      const prompts = await answerWithDefaults(pty, machine.keyFiles.key!);
      expect(await pty.exitCode(20_000)).toBe(0);
      const screen = await pty.screen(); // the terminal's own wraps joined: a line over 80 is one it cut
      if (process.env.SHOW_SCREEN) console.log(screen);
      // Welcome, the plan, sign-in, credit, create-key, paste, save, done: 7 or more with the defaults.
      expect(prompts).toBeGreaterThanOrEqual(7);
      expect(screen).toContain('All set');
      const cut = screen.split('\n').filter((line) => displayWidth(line.trimEnd()) > 80 && /\s/.test(line.trim()));
      expect(cut).toEqual([]);
      expect(screen).not.toContain(key.slice(8, 30));
    } finally {
      await pty.close();
    }
  }, 90_000);
});
