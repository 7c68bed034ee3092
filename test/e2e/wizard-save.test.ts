// The built wizard in tmux, for the promise "a key is never lost" (issue 9 §2, §3): a .env that is a
// directory, an unfunded key saved from the no-credit menu, and a git-tracked .env. A newcomer is
// played by pressing Enter (the defaults) unless a test says otherwise.
import { newcomerMachine, walkToKeyPrompt } from './newcomer-machine.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { apiError, type FakeOpenAI, ok, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { type Pty, startPty } from '../fakes/pty.js';

const BIN = resolve('bin/openai-onboard.js');
const key = fakeKeys.project(71);

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => server.close());

const roots: string[] = [];
const ptys: Pty[] = [];
afterEach(async () => {
  for (const p of ptys.splice(0)) await p.close();
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A project (package.json) in a temp dir, an empty HOME, no keychain (no D-Bus), a recording browser. */
function machine() {
  const m = newcomerMachine({ baseUrl: server.url, keys: { key }, prefix: 'onboard-e2e-save-' });
  roots.push(m.root);
  return { ...m, keyFile: m.keyFiles.key! };
}

async function wizardAtKeyPrompt(m: ReturnType<typeof machine>, args: string[] = []): Promise<Pty> {
  const pty = await startPty({ argv: ['node', BIN, ...args], cwd: m.project, env: m.env });
  ptys.push(pty);
  await walkToKeyPrompt(pty);
  await pty.pasteFile(m.keyFile);
  await pty.press('Enter');
  return pty;
}

/** Presses Enter at each prompt until the run ends; returns the exit code and the scrollback. */
async function enterUntilExit(pty: Pty, stopAt?: string): Promise<{ code: number | null; screen: string }> {
  for (let i = 0; i < 20; i++) {
    const code = await pty.exitCode(1_500);
    if (code !== null) return { code, screen: await pty.screen() };
    if (stopAt && (await pty.screen()).includes(stopAt)) break;
    await pty.press('Enter');
  }
  return { code: await pty.exitCode(), screen: await pty.screen() };
}

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('a key is never lost (tmux, built CLI)', () => {
  it('a .env that is a directory: the newcomer answering with the defaults ends with the key saved elsewhere, not "All set" with nothing saved', async () => {
    const m = machine();
    mkdirSync(join(m.project, '.env'));
    const pty = await wizardAtKeyPrompt(m);
    await pty.waitFor('Save the key in the project file', { timeoutMs: 20_000 });
    const { code, screen } = await enterUntilExit(pty);
    if (process.env.SHOW_SCREEN) console.log(screen);
    expect(screen.replace(/\s+/g, ' ')).toMatch(/not saved \(.*is a directory, not a regular file/);
    expect(screen).toContain('Where should the key go?');
    expect(screen).not.toMatch(/Saved:\s+nowhere/);
    expect(code).toBe(0);
    expect(readFileSync(join(m.home, '.bashrc'), 'utf8')).toContain(key);
    expect(screen).not.toContain(key.slice(8, 30));
  }, 90_000);

  it('a .env that is a directory, then Quit: exit 1, "not stored anywhere", no "All set" and no "Error:"', async () => {
    const m = machine();
    mkdirSync(join(m.project, '.env'));
    const pty = await wizardAtKeyPrompt(m);
    await pty.waitFor('Save the key in the project file', { timeoutMs: 20_000 });
    const { screen: atMenu } = await enterUntilExit(pty, 'Where should the key go?');
    expect(atMenu).toContain('Where should the key go?');
    // Quit is the last choice: from the pre-selected one, go down to it.
    await pty.press('Down', 'Down', 'Down', 'Enter');
    expect(await pty.exitCode()).toBe(1);
    const screen = await pty.screen();
    expect(screen).toContain('the key was not stored anywhere');
    expect(screen).toContain('OpenAI shows a secret key only once');
    expect(screen).not.toContain('All set');
    expect(screen).not.toContain('Error:');
    expect(existsSync(join(m.home, '.bashrc'))).toBe(false);
  }, 90_000);

  it('an unfunded valid key can be saved from the no-credit menu: "saved, not yet funded", exit 5', async () => {
    const m = machine();
    server.set('embeddings', () => apiError(429, { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' }));
    try {
      const pty = await wizardAtKeyPrompt(m);
      await pty.waitFor('Save it now and check again later', { timeoutMs: 20_000 });
      await pty.press('Down', 'Enter');
      await pty.waitFor('Save the key in the project file');
      const { code, screen } = await enterUntilExit(pty);
      if (process.env.SHOW_SCREEN) console.log(screen);
      expect(code).toBe(5);
      expect(screen).toContain('Saved, not yet funded');
      expect(screen).not.toContain('All set');
      expect(screen).not.toContain('Error:');
      expect(readFileSync(join(m.project, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${key}\n`);
      expect(screen).not.toContain(key.slice(8, 30));
    } finally {
      server.set('embeddings', ok.embeddings());
    }
  }, 90_000);

  it('a git-tracked .env is not filled by default: a warning, and Enter keeps the key out of it', async () => {
    const m = machine();
    const gitEnv = { ...m.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    writeFileSync(join(m.project, '.env'), 'DEBUG=1\n');
    for (const args of [['init', '-q'], ['add', '.env', 'package.json'], ['commit', '-qm', 'init']]) {
      expect(spawnSync('git', args, { cwd: m.project, env: gitEnv }).status).toBe(0);
    }
    const pty = await wizardAtKeyPrompt(m);
    await pty.waitFor('Save the key in', { timeoutMs: 20_000 });
    const { code, screen } = await enterUntilExit(pty);
    if (process.env.SHOW_SCREEN) console.log(screen);
    // Prose is wrapped to the terminal: compare with the line breaks folded into spaces.
    expect(screen.replace(/\s+/g, ' ')).toContain('.env is tracked by git: a key in it gets committed.');
    expect(readFileSync(join(m.project, '.env'), 'utf8')).toBe('DEBUG=1\n');
    expect(spawnSync('git', ['ls-files', '.env'], { cwd: m.project, encoding: 'utf8' }).stdout.trim()).toBe('.env');
    // The defaults then put the key somewhere else rather than lose it.
    expect(code).toBe(0);
    expect(readFileSync(join(m.home, '.bashrc'), 'utf8')).toContain(key);
  }, 90_000);
});
