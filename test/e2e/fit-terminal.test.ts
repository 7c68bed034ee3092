// The wizard in a real 80×24 terminal (tmux), answered as a newcomer would (Enter at every prompt, the
// key pasted at the key prompt): no line it prints is wider than the terminal, except one unbreakable
// token alone on its line (a URL), so the terminal never cuts a word in two.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/wrap.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { type Pty, startPty } from '../fakes/pty.js';

const BIN = resolve('bin/openai-onboard.js');
const key = fakeKeys.project(61);
// A prompt waiting for an answer: Inquirer's "?" or our "⏎" at the start of a line.
const PROMPT = /^\s*(?:\?|⏎) \S/;

let server: FakeOpenAI;
let root: string;
beforeAll(async () => {
  server = await startFakeOpenAI();
  root = mkdtempSync(join(tmpdir(), 'onboard-fit-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
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
    const home = join(root, 'home');
    const project = join(root, 'project');
    mkdirSync(home);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{}\n');
    const keyFile = join(root, 'key.txt');
    writeFileSync(keyFile, key, { mode: 0o600 });
    const browser = join(root, 'browser.sh');
    writeFileSync(browser, '#!/bin/sh\nexit 0\n');
    chmodSync(browser, 0o755);
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      BROWSER: browser,
      OPENAI_BASE_URL: server.url,
      OPENAI_ONBOARD_CONFIG_DIR: join(root, 'config'),
    };
    const pty = await startPty({ argv: ['node', BIN], cwd: project, env, width: 80, height: 24 });
    try {
      const prompts = await answerWithDefaults(pty, keyFile);
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
