// The built executable in a real pseudo-terminal (tmux), driven like a person: keystrokes, a real
// paste, Ctrl-C. The browser is a recorder script ($BROWSER), the API is the loopback fake server
// talked to by the real openai SDK, and HOME, the project and the config store are temp dirs.
import { declineOtherSaves, type NewcomerMachine, newcomerMachine, walkToKeyPrompt } from './newcomer-machine.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { URLS } from '../../src/platform/urls.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { apiError, type FakeOpenAI, ok, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { type Pty, startPty } from '../fakes/pty.js';

const BIN = resolve('bin/openai-onboard.js');
const key = fakeKeys.project(51);

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => server.close());

type Machine = NewcomerMachine & { keyFile: string };

function machine(): Machine {
  const m = newcomerMachine({ baseUrl: server.url, keys: { key } });
  return { ...m, keyFile: m.keyFiles.key! };
}

const machines: Machine[] = [];
const ptys: Pty[] = [];
afterEach(async () => {
  for (const p of ptys.splice(0)) await p.close();
  for (const m of machines.splice(0)) m.remove();
});

async function wizard(m: Machine, args: string[] = []): Promise<Pty> {
  const pty = await startPty({ argv: ['node', BIN, ...args], cwd: m.project, env: m.env });
  ptys.push(pty);
  return pty;
}

const masked = `${key.slice(0, 8)}…${key.slice(-4)}`;

// tmux is the pseudo-terminal; without it these tests cannot run at all (say so rather than pass).
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('the wizard in a real terminal (needs tmux)', () => {
  it('takes a newcomer through every step to a checked key saved in the project .env', async () => {
    const m = machine();
    machines.push(m);
    server.requests.length = 0;
    const pty = await wizard(m);
    await walkToKeyPrompt(pty);
    await pty.pasteFile(m.keyFile);
    await pty.press('Enter');
    await pty.waitFor(`Received ${key.length} characters, ending …${key.slice(-4)}: a project key.`);
    // The check ends in the save question (ok) or, while the real checker is missing, in an error.
    const afterCheck = await pty.waitFor(/Save the key in|Error:/, { timeoutMs: 20_000 });
    expect(afterCheck).toContain('Save the key in the project file');
    await pty.press('Enter'); // yes: the pre-selected project .env
    // Anything else this machine offers (shell profile, keychain) is opt-in: decline each.
    await declineOtherSaves(pty);
    expect(await pty.exitCode()).toBe(0);
    const screen = await pty.screen();
    if (process.env.SHOW_SCREEN) console.log(screen);

    expect(m.opened()).toEqual([URLS.signIn, URLS.billing, URLS.apiKeys]);
    expect(screen).toContain('No ChatGPT plan (Free, Plus, Pro or Business) includes API usage');
    expect(screen).toContain(masked);
    expect(screen).toMatch(/Step 6 of 7: Check the key\n✔/);
    expect(screen).toMatch(/All set/);
    expect(screen).toContain('OPENAI_API_KEY');
    // The key went to the fake API (both probes), and nowhere on screen: not even in part.
    expect(server.requests.map((r) => r.path)).toEqual(expect.arrayContaining(['/v1/models', '/v1/embeddings']));
    expect(screen).not.toContain(key);
    expect(screen).not.toContain(key.slice(8, 30));
    expect(screen).not.toContain(key.slice(-30));

    const envFile = join(m.project, '.env');
    expect(readFileSync(envFile, 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const config = readFileSync(join(m.configDir, 'config.json'), 'utf8');
    expect(config).not.toContain(key.slice(8, 30));
    expect(JSON.parse(config)).toMatchObject({ lastCheck: { diagnosis: 'ok', masked } });
    expect(JSON.parse(config).progress).toBeUndefined();
  }, 60_000);

  it('Ctrl-C at the key prompt: exit 130, one line, nothing written, and the next run resumes there', async () => {
    const m = machine();
    machines.push(m);
    const first = await wizard(m);
    await walkToKeyPrompt(first);
    await first.type(key.slice(0, 20)); // half a paste, then the user gives up
    await first.press('C-c');
    expect(await first.exitCode()).toBe(130);
    const screen = await first.screen();
    expect(screen).toContain('Cancelled. Nothing was saved.');
    expect(screen).not.toContain(key.slice(8, 20));
    expect(existsSync(join(m.project, '.env'))).toBe(false);
    const config = JSON.parse(readFileSync(join(m.configDir, 'config.json'), 'utf8'));
    expect(config.progress.done).toEqual(['explain-plans', 'sign-in', 'credits', 'create-key']);
    expect(config.progress.choices).toMatchObject({ billing: 'added' });

    const pagesBefore = m.opened().length;
    const second = await wizard(m);
    await second.waitFor('Continue where you left off?');
    await second.press('Enter');
    await second.waitFor('Paste your API key');
    expect(m.opened().length).toBe(pagesBefore); // no page opened again
    expect(await second.screen()).not.toContain('Step 1 of 7');
    await second.press('C-c');
    expect(await second.exitCode()).toBe(130);
  }, 60_000);

  it('no credits yet: opens billing, and "check again" succeeds once credit arrives', async () => {
    const m = machine();
    machines.push(m);
    let credit = false;
    server.set('embeddings', () =>
      credit
        ? ok.embeddings()
        : apiError(429, { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' }),
    );
    try {
      const pty = await wizard(m, ['--save', 'env']);
      await walkToKeyPrompt(pty);
      await pty.pasteFile(m.keyFile);
      await pty.press('Enter');
      await pty.waitFor('Press Enter to check again once the balance shows credit', { timeoutMs: 20_000 });
      expect(m.opened().at(-1)).toBe(URLS.billing);
      credit = true; // the user adds credit in the browser…
      await pty.press('Enter'); // …and checks again
      await pty.waitFor('All set', { timeoutMs: 20_000 });
      expect(await pty.exitCode()).toBe(0);
      expect(m.opened()).toEqual([URLS.signIn, URLS.billing, URLS.apiKeys, URLS.billing]);
      expect(readFileSync(join(m.project, '.env'), 'utf8')).toContain(`OPENAI_API_KEY=${key}`);
      const screen = await pty.screen();
      expect(screen).not.toContain('Save the key in'); // --save answered it
      expect(screen).not.toContain(key.slice(8, 30));
    } finally {
      server.set('embeddings', ok.embeddings());
    }
  }, 60_000);

  it('Ctrl-C while the check waits on the network ends at once with exit 130', async () => {
    const m = machine();
    machines.push(m);
    server.set('models', { ...apiError(500, { message: 'slow' }), delayMs: 30_000 });
    server.set('embeddings', { ...apiError(500, { message: 'slow' }), delayMs: 30_000 });
    try {
      const pty = await wizard(m);
      await walkToKeyPrompt(pty);
      await pty.pasteFile(m.keyFile);
      await pty.press('Enter');
      await pty.waitFor('Checking the key');
      await pty.press('C-c');
      expect(await pty.exitCode(5_000)).toBe(130);
      expect(await pty.screen()).toContain('Cancelled. Nothing was saved.');
      expect(existsSync(join(m.project, '.env'))).toBe(false);
    } finally {
      // Restore the default answers for the other tests.
      server.set('models', ok.models());
      server.set('embeddings', ok.embeddings());
    }
  }, 60_000);
});
