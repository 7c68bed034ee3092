// A newcomer's machine for the tmux tests of the built wizard: temp dirs for a project (package.json),
// an empty HOME and the config store; a BROWSER script that records what was opened; each key in a file
// of its own, so it reaches the terminal only through a tmux paste buffer, never argv. No CI, no
// DISPLAY, no agent markers, no D-Bus (so no keychain): a person at a terminal.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { occurrences, type Pty } from '../fakes/pty.js';

export interface NewcomerMachine {
  root: string;
  project: string;
  home: string;
  configDir: string;
  /** The file holding each key, by the name it was given. */
  keyFiles: Record<string, string>;
  /** The URLs the BROWSER script was asked to open, in order. */
  opened: () => string[];
  env: Record<string, string>;
  remove: () => void;
}

export function newcomerMachine(o: { baseUrl: string; keys: Record<string, string>; prefix?: string }): NewcomerMachine {
  const root = mkdtempSync(join(tmpdir(), o.prefix ?? 'onboard-e2e-'));
  const project = join(root, 'project');
  const home = join(root, 'home');
  const configDir = join(root, 'config');
  mkdirSync(project);
  mkdirSync(home);
  writeFileSync(join(project, 'package.json'), '{}\n');
  const openedFile = join(root, 'opened.txt');
  const browser = join(root, 'browser.sh');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${openedFile}'\n`);
  chmodSync(browser, 0o755);
  const keyFiles: Record<string, string> = {};
  for (const [name, key] of Object.entries(o.keys)) {
    keyFiles[name] = join(root, `${name}.txt`);
    writeFileSync(keyFiles[name]!, key, { mode: 0o600 });
  }
  return {
    root,
    project,
    home,
    configDir,
    keyFiles,
    opened: () => (existsSync(openedFile) ? readFileSync(openedFile, 'utf8').split('\n').filter(Boolean) : []),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      BROWSER: browser,
      OPENAI_BASE_URL: o.baseUrl,
      OPENAI_ONBOARD_CONFIG_DIR: configDir,
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** From the greeting to the key prompt, answering as a newcomer would (Enter everywhere). */
export async function walkToKeyPrompt(pty: Pty): Promise<void> {
  await pty.waitFor('Press Enter to begin');
  await pty.press('Enter');
  await pty.waitFor('Press Enter when you are signed in');
  await pty.press('Enter');
  await pty.waitFor('Is there credit on the account now?');
  await pty.press('Enter');
  await pty.waitFor('Press Enter when you have copied the key');
  await pty.press('Enter');
  await pty.waitFor('Paste your API key');
}

/** After the first save question: declines every other place offered ("Also save it in …?") until the end. */
export async function declineOtherSaves(pty: Pty): Promise<void> {
  for (let declined = 0; ; declined++) {
    const text = await pty.waitUntil((s) => s.includes('All set') || occurrences(s, 'Also save it in') > declined, { what: 'the next save question or the end' });
    if (text.includes('All set')) return;
    await pty.press('n', 'Enter');
  }
}
