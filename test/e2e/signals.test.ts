// Signals during a save (issue 10, repros 03 and 04): the built CLI, sent SIGINT, SIGTERM or SIGHUP at
// a known moment, says in one line what it had already saved, exits 130/143/129, and leaves no temp
// file behind; after SIGKILL (which no program can handle) the leftover is 0600, ignored by git and
// removed by the next save. The moment is observed, not guessed: the key appearing in .env, or a
// temp file appearing beside it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { startPty } from '../fakes/pty.js';
import { CLI, runCli, type Sandbox, useFakeMachine } from './modes-harness.js';

const key = fakeKeys.project(1002);
const { sandbox } = useFakeMachine();
const TEMP = /^\.env\..*\.tmp$|^\.\.env\..*\.tmp$/;

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(box: Sandbox, save: string, extra: string[] = []): Run {
  const child = spawn(process.execPath, [CLI, '--non-interactive', '--key-stdin', '--save', save, ...extra], { cwd: box.cwd, env: box.env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.end(key);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    }),
  );
  return { child, done };
}

/** Resolves when `test` holds for the directory's entries (checked on every change in it). */
function when(dir: string, test: (names: string[]) => string | undefined): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const hit = test(readdirSync(dir));
      if (hit === undefined) return false;
      watcher.close();
      resolve(hit);
      return true;
    };
    const watcher = watch(dir, check);
    check();
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1);

/** A .env big enough that writing it takes a while, so a temp file exists long enough to be seen. */
function bigEnv(box: Sandbox): void {
  writeFileSync(join(box.cwd, '.env'), `A=1\n${`# ${'y'.repeat(1000)}\n`.repeat(48_000)}`, { mode: 0o644 });
}

describe('signals during a save (built CLI)', () => {
  it('SIGINT after the .env was written: exit 130, "The key was saved to ./.env", not "Nothing was saved" (repro 03)', async () => {
    const box = sandbox();
    writeFileSync(join(box.cwd, '.env'), 'A=1\n');
    // The shell read-back runs this: the run is still busy after .env is written.
    writeFileSync(join(box.home, '.bashrc'), 'alias a=1\nsleep 2\n');
    const run = start(box, 'env,shell');
    await when(box.cwd, () => (readFileSync(join(box.cwd, '.env'), 'utf8').includes(key) ? 'saved' : undefined));
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(130);
    expect(lastLine(r.stderr)).toMatch(/^Cancelled\. The key was saved to \.\/\.env\b.*; nothing else was changed\.$/);
    expect(r.stderr).not.toContain('Nothing was saved');
    expect(r.stderr).not.toContain(key);
  });

  it('SIGTERM while the temp file exists: it was 0600, is gone afterwards, exit 143 and one line (repro 04)', async () => {
    const box = sandbox();
    bigEnv(box);
    const run = start(box, 'env');
    const temp = await when(box.cwd, (names) => names.find((n) => TEMP.test(n)));
    const mode = statSync(join(box.cwd, temp), { throwIfNoEntry: false })?.mode;
    run.child.kill('SIGTERM');
    const r = await run.done;
    if (mode !== undefined) expect(mode & 0o777).toBe(0o600);
    expect(readdirSync(box.cwd).filter((n) => TEMP.test(n) || n.includes('openai-onboard'))).toEqual([]);
    expect(r.code, r.stderr).toBe(143);
    expect(lastLine(r.stderr)).toMatch(/^Cancelled\. /);
    expect(r.stderr).not.toContain(key);
  });

  it('SIGHUP (the terminal closed) ends with exit 129, also in the --json object, and no temp file', async () => {
    const box = sandbox();
    bigEnv(box);
    const run = start(box, 'env', ['--json']);
    await when(box.cwd, (names) => names.find((n) => TEMP.test(n)));
    run.child.kill('SIGHUP');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(129);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { kind: 'cancelled' }, exitCode: 129 });
    expect(readdirSync(box.cwd).filter((n) => TEMP.test(n))).toEqual([]);
  });

  it('after SIGKILL the leftover temp is 0600 and ignored by git; the next save removes it', async () => {
    const box = sandbox();
    spawnSync('git', ['init', '-q', box.cwd]);
    writeFileSync(join(box.cwd, '.gitignore'), '.env\n');
    bigEnv(box);
    const run = start(box, 'env');
    const temp = await when(box.cwd, (names) => names.find((n) => TEMP.test(n)));
    run.child.kill('SIGKILL');
    await run.done;
    const left = readdirSync(box.cwd).filter((n) => TEMP.test(n));
    expect(left).toEqual([temp]);
    expect(statSync(join(box.cwd, temp)).mode & 0o777).toBe(0o600);
    const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: box.cwd, encoding: 'utf8' });
    expect(status.stdout).not.toContain('.tmp');
    const next = await runCli(['--non-interactive', '--key-stdin', '--save', 'env'], { box, stdin: { text: key }, timeoutMs: 30_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(box.cwd).filter((n) => TEMP.test(n))).toEqual([]);
  });

  it('Ctrl-C at the reset confirmation says "Nothing was removed", not "Nothing was saved"', async () => {
    const box = sandbox();
    const saved = await runCli(['--non-interactive', '--key-stdin', '--save', 'env'], { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(saved.code, saved.stderr).toBe(0);
    const pty = await startPty({ argv: [process.execPath, CLI, 'reset'], cwd: box.cwd, env: { ...box.env, TERM: 'xterm-256color' } });
    try {
      await pty.waitFor('Remove all of these?');
      await pty.press('C-c');
      expect(await pty.exitCode()).toBe(130);
      const screen = await pty.screen();
      expect(screen).toContain('Cancelled. Nothing was removed.');
      expect(screen).not.toContain('Nothing was saved');
      expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toContain(key);
    } finally {
      await pty.close();
    }
  }, 30_000);
});
