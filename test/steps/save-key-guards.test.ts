// The save step with the real storage module on temp dirs: a failed save is never the end of a
// pasted key (another place, a retry, or a plain "not stored" and exit 1), a git-tracked .env is not
// filled by default, another key already in a target is shown masked and replaced only with consent,
// and in a subfolder of a work tree the root's .env is proposed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, StorageError } from '../../src/errors.js';
import { maskKey } from '../../src/key/mask.js';
import type { KeyInput } from '../../src/key/types.js';
import { saveKeyStep } from '../../src/steps/save-key.js';
import { saveKey } from '../../src/store/save.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type Expectation, FakePrompter } from '../fakes/fake-prompter.js';
import { storeContext } from '../unit/store/store-context.js';
import { run } from './helpers.js';

const KEY = fakeKeys.project(61);
const OLD = fakeKeys.project(62);
const gitEnv = (home: string) => ({ PATH: process.env.PATH, HOME: home, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' });
const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(cwd) });

function context(prompts: Expectation[], o: { interactive?: boolean; source?: string; options?: Record<string, unknown> } = {}) {
  const interactive = o.interactive ?? true;
  const ctx = storeContext({
    prompter: new FakePrompter(prompts),
    mode: interactive ? { interactive: true } : { interactive: false, reason: 'flag' },
    env: { SHELL: '/bin/bash' },
    options: { nonInteractive: !interactive, ...o.options } as never,
    state: { key: { value: KEY, source: (o.source ?? 'prompt') as KeyInput['source'] }, savedTo: [], choices: {} },
  });
  // A project directory: its .env is the recommended target.
  writeFileSync(join(ctx.cwd, 'package.json'), '{}\n');
  return ctx;
}

describe('save-key: a pasted key is never lost', () => {
  it('a .env that is a directory: says what failed, offers another place, and saves there', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: true },
      { kind: 'confirm', match: 'Also save it in your bash profile', answer: false },
      { kind: 'select', match: 'Where should the key go?', answer: 'shell' },
    ]);
    mkdirSync(join(ctx.cwd, '.env'));
    expect(await run(saveKeyStep, ctx)).toEqual({ next: 'continue' });
    const text = ctx.io.stderrText();
    expect(text).toMatch(/not saved \(.*is a directory, not a regular file/);
    expect(text).toContain('The key is not saved yet');
    const menu = ctx.prompter.asked.at(-1)!;
    expect(menu.choices).toEqual(['retry:env', 'shell', 'env-path', 'quit']);
    expect(ctx.state.savedTo).toEqual([join(ctx.home, '.bashrc')]);
    expect(readFileSync(join(ctx.home, '.bashrc'), 'utf8')).toContain(KEY);
    expect(ctx.state.saves?.map((r) => [r.target, Boolean(r.error)])).toEqual([['env', true], ['shell', false]]);
    ctx.prompter.assertDone();
  });

  it('another .env path can be typed', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: true },
      { kind: 'confirm', match: 'Also save it in', answer: false },
      { kind: 'select', match: 'Where should the key go?', answer: 'env-path' },
      { kind: 'input', match: 'Path of the .env file', answer: 'app/.env' },
    ]);
    mkdirSync(join(ctx.cwd, '.env'));
    mkdirSync(join(ctx.cwd, 'app'));
    await run(saveKeyStep, ctx);
    expect(readFileSync(join(ctx.cwd, 'app', '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${KEY}\n`);
    expect(ctx.state.savedTo).toEqual([join(ctx.cwd, 'app', '.env')]);
  });

  it('quitting with nothing saved says so plainly and fails with the failed-save code (1)', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: false },
      { kind: 'confirm', match: 'Save it in your bash profile', answer: false },
      { kind: 'select', match: 'Where should the key go?', answer: 'quit' },
    ]);
    const error = (await run(saveKeyStep, ctx).catch((e: unknown) => e)) as StorageError;
    expect(error).toBeInstanceOf(StorageError);
    expect(error.deliberate).toBe(true);
    expect(exitCodeFor(error)).toBe(1);
    expect(error.message).toContain('the key was not stored anywhere');
    expect(error.hint).toContain('only once');
    expect(ctx.state.savedTo).toEqual([]);
  });

  it('declining is fine for a key that already lives somewhere (the environment)', async () => {
    const ctx = context(
      [
        { kind: 'confirm', match: 'Save the key in the project file', answer: false },
        { kind: 'confirm', match: 'Save it in your bash profile', answer: false },
      ],
      { source: 'env:OPENAI_API_KEY' },
    );
    expect(await run(saveKeyStep, ctx)).toEqual({ next: 'continue' });
    expect(ctx.io.stderrText()).toContain('Not saved: the key stays only where it already was.');
  });

  it('says a shell profile is plain text before offering it', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: true },
      { kind: 'confirm', match: 'Also save it in your bash profile', answer: false },
    ]);
    await run(saveKeyStep, ctx);
    expect(ctx.io.stderrText()).toMatch(/A shell profile holds the key as plain text \(usually mode 644/);
  });
});

describe('save-key: a .env that git tracks', () => {
  function trackedProject(prompts: Expectation[], o: Parameters<typeof context>[1] = {}) {
    const ctx = context(prompts, o);
    git(ctx.cwd, 'init', '-q');
    writeFileSync(join(ctx.cwd, '.env'), 'DEBUG=1\n');
    git(ctx.cwd, 'add', '.env');
    git(ctx.cwd, 'commit', '-qm', 'env');
    return ctx;
  }

  it('is not filled by default: warns, and the default answer leaves the file alone', async () => {
    const ctx = trackedProject([
      // A tracked .env is not the recommended target: the shell profile is asked first here.
      { kind: 'confirm', match: 'Save the key in your bash profile', answer: false },
      { kind: 'confirm', match: 'Save it in the project file', answer: true },
      { kind: 'select', match: 'Write the key into', answer: 'skip' },
      { kind: 'select', match: 'Where should the key go?', answer: 'quit' },
    ]);
    await expect(run(saveKeyStep, ctx)).rejects.toBeInstanceOf(StorageError);
    const asked = ctx.prompter.asked.find((p) => p.message.startsWith('Write the key into'))!;
    expect(asked.default).toBe('skip');
    expect(asked.choices).toEqual(['untrack', 'skip', 'anyway']);
    expect(ctx.io.stderrText()).toContain('.env is tracked by git: a key in it gets committed.');
    expect(ctx.io.stderrText()).toContain('Warning:');
    // The rescue menu does not default back to the .env just turned down.
    expect(ctx.prompter.asked.at(-1)!.default).toBe('shell');
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toBe('DEBUG=1\n');
  });

  it('untracking (the recommended choice) runs git rm --cached, ignores the file, then saves', async () => {
    const ctx = trackedProject([
      { kind: 'confirm', match: 'Save the key in your bash profile', answer: false },
      { kind: 'confirm', match: 'Save it in the project file', answer: true },
      { kind: 'select', match: 'Write the key into', answer: 'untrack' },
    ]);
    await run(saveKeyStep, ctx);
    expect(git(ctx.cwd, 'ls-files', '.env').stdout).toBe('');
    expect(readFileSync(join(ctx.cwd, '.gitignore'), 'utf8')).toContain('.env');
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toBe(`DEBUG=1\nOPENAI_API_KEY=${KEY}\n`);
  });

  it('non-interactive --save env refuses with a clear error, and writes with --yes', async () => {
    const refused = trackedProject([], { interactive: false, options: { save: 'env' } });
    const error = (await run(saveKeyStep, refused).catch((e: unknown) => e)) as StorageError;
    expect(error).toBeInstanceOf(StorageError);
    expect(error.message).toContain('tracked by git');
    expect(error.hint).toContain('--yes');
    expect(readFileSync(join(refused.cwd, '.env'), 'utf8')).toBe('DEBUG=1\n');

    const forced = trackedProject([], { interactive: false, options: { save: 'env', yes: true } });
    await run(saveKeyStep, forced);
    expect(readFileSync(join(forced.cwd, '.env'), 'utf8')).toContain(KEY);
  });
});

describe('save-key: another key already there', () => {
  it('shows both masked and asks (default No for a key openai-onboard did not write)', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: true },
      { kind: 'confirm', match: 'Also save it in', answer: false },
      { kind: 'confirm', match: `Replace ${maskKey(OLD)} with ${maskKey(KEY)}?`, answer: true },
    ]);
    writeFileSync(join(ctx.cwd, '.env'), `OPENAI_API_KEY=${OLD}\n`);
    await run(saveKeyStep, ctx);
    expect(ctx.prompter.asked.find((p) => p.message.startsWith('Replace'))!.default).toBe(false);
    expect(ctx.io.stderrText()).toContain(`replacing ${maskKey(OLD)} with ${maskKey(KEY)}`);
    expect(ctx.state.saves?.[0]?.replaced).toBe(maskKey(OLD));
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${KEY}\n`);
  });

  it('keeps the other key when the answer is no', async () => {
    const ctx = context([
      { kind: 'confirm', match: 'Save the key in the project file', answer: true },
      { kind: 'confirm', match: 'Also save it in your bash profile', answer: true },
      { kind: 'confirm', match: 'Replace', answer: false },
    ]);
    writeFileSync(join(ctx.cwd, '.env'), `OPENAI_API_KEY=${OLD}\n`);
    await run(saveKeyStep, ctx);
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${OLD}\n`);
    expect(ctx.state.savedTo).toEqual([join(ctx.home, '.bashrc')]);
  });

  it('non-interactive runs replace it and report the replacement', async () => {
    const ctx = context([], { interactive: false, source: 'stdin', options: { save: 'env' } });
    writeFileSync(join(ctx.cwd, '.env'), `OPENAI_API_KEY=${OLD}\n`);
    await run(saveKeyStep, ctx);
    expect(ctx.state.saves?.[0]).toMatchObject({ target: 'env', replaced: maskKey(OLD) });
    expect(ctx.io.stderrText()).toContain(`Replaced the key that was there (${maskKey(OLD)})`);
    expect(ctx.io.stderrText()).not.toContain(OLD);
  });
});

describe('save-key: another key in the shell block', () => {
  it("replacing openai-onboard's block with a different key is reported (non-interactive)", async () => {
    const ctx = context([], { interactive: false, source: 'stdin', options: { save: 'shell' } });
    await saveKey(ctx, OLD, ['shell']);
    await run(saveKeyStep, ctx);
    expect(ctx.state.saves?.[0]).toMatchObject({ target: 'shell', replaced: maskKey(OLD) });
    expect(readFileSync(join(ctx.home, '.bashrc'), 'utf8')).toContain(KEY);
    expect(readFileSync(join(ctx.home, '.bashrc'), 'utf8')).not.toContain(OLD);
  });
});

describe('save-key: in a subfolder of a git work tree', () => {
  it("proposes the work tree root's .env", async () => {
    const ctx = context([
      { kind: 'confirm', match: /Save the key in the project file .*project\/\.env/, answer: true },
      { kind: 'confirm', match: 'Also save it in', answer: false },
    ]);
    git(ctx.cwd, 'init', '-q');
    const root = ctx.cwd;
    ctx.cwd = join(root, 'src', 'deep');
    // The root is the project (package.json); the subfolder is not.
    mkdirSync(ctx.cwd, { recursive: true });
    await run(saveKeyStep, ctx);
    expect(readFileSync(join(root, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${KEY}\n`);
    expect(existsSync(join(ctx.cwd, '.env'))).toBe(false);
  });
});
