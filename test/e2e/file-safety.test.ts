// The built CLI saving to a .env that is not a plain file of ours (issue 10, repros 02, 05, 08, 11 and
// the .gitignore points): bytes that are not UTF-8, devices and FIFOs, another user's file, hard
// links, write protection, dangling symlinks, another writer appending meanwhile, a full disk, and a
// .gitignore we cannot write. Tests that need root (chown, mknod, mount) are skipped without it.
import { spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, type Sandbox, useFakeMachine } from './modes-harness.js';

const key = fakeKeys.project(1001);
const { sandbox } = useFakeMachine();
const isRoot = process.getuid?.() === 0;
const save = (box: Sandbox, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['--non-interactive', '--key-stdin', '--save', 'env', ...extra], { box, stdin: { text: key }, env, timeoutMs: 20_000 });
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

describe('bytes on disk (.env)', () => {
  it('keeps bytes that are not UTF-8 exactly (repro 02)', async () => {
    const box = sandbox();
    const envFile = join(box.cwd, '.env');
    writeFileSync(envFile, Buffer.from('GREETING=caf\xe9\nOPENAI_API_KEY=sk-old\n', 'latin1'));
    const r = await save(box);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(envFile)).toEqual(Buffer.from(`GREETING=caf\xe9\nOPENAI_API_KEY=${key}\n`, 'latin1'));
  });

  it('refuses a FIFO and leaves it a FIFO; --check-key and status do not hang on it (repro 05)', async () => {
    const box = sandbox();
    const envFile = join(box.cwd, '.env');
    mkfifo(envFile);
    const r = await save(box);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('is a named pipe (FIFO), not a regular file');
    expect(lstatSync(envFile).isFIFO()).toBe(true);
    const check = await runCli(['--check-key', '--json'], { box, env: { CI: 'true' } });
    expect(check.timedOut).toBe(false);
    expect(JSON.parse(check.stdout).diagnosis).toBe('missing_key');
    const status = await runCli(['status', '--json'], { box, env: { CI: 'true' } });
    expect(status.timedOut).toBe(false);
    expect(status.code, status.stderr).toBe(0);
  });

  it('--check-key does not hang on a FIFO ~/.bashrc (the shell-block key source)', async () => {
    const box = sandbox();
    mkfifo(join(box.home, '.bashrc'));
    const check = await runCli(['--check-key', '--json'], { box, env: { CI: 'true' } });
    expect(check.timedOut).toBe(false);
    expect(JSON.parse(check.stdout).diagnosis).toBe('missing_key');
  });

  it.runIf(isRoot)('refuses a character device instead of replacing it (repro 05, root)', async () => {
    const box = sandbox();
    expect(spawnSync('mknod', ['-m', '666', join(box.cwd, 'devnull'), 'c', '1', '3']).status).toBe(0);
    const r = await save(box, ['--dotenv', 'devnull']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a device, not a regular file');
    expect(lstatSync(join(box.cwd, 'devnull')).isCharacterDevice()).toBe(true);
  });

  it.runIf(isRoot)("keeps another user's owner, group and mode (repro 08a, root)", async () => {
    const box = sandbox();
    const envFile = join(box.cwd, '.env');
    writeFileSync(envFile, 'A=1\n', { mode: 0o640 });
    chownSync(envFile, 65534, 65534);
    const r = await save(box);
    expect(r.code, r.stderr).toBe(0);
    const s = statSync(envFile);
    expect([s.uid, s.gid, s.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
    expect(parseEnv(readFileSync(envFile, 'utf8')).OPENAI_API_KEY).toBe(key);
  });

  it('edits a hard-linked .env in place: every name sees the key (repro 08b)', async () => {
    const box = sandbox();
    const shared = join(box.root, 'shared.env');
    writeFileSync(shared, 'A=1\n');
    linkSync(shared, join(box.cwd, '.env'));
    const r = await save(box);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(shared).nlink).toBe(2);
    expect(readFileSync(shared, 'utf8')).toBe(`A=1\nOPENAI_API_KEY=${key}\n`);
  });

  it('refuses a write-protected .env unless --yes, and keeps its mode (repro 08c)', async () => {
    const box = sandbox();
    const envFile = join(box.cwd, '.env');
    writeFileSync(envFile, 'A=1\n');
    chmodSync(envFile, 0o444);
    const refused = await save(box);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is write-protected (mode 444)');
    expect(refused.stderr).toContain('--yes');
    expect(readFileSync(envFile, 'utf8')).toBe('A=1\n');
    const forced = await save(box, ['--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(envFile, 'utf8')).toBe(`A=1\nOPENAI_API_KEY=${key}\n`);
    expect(statSync(envFile).mode & 0o777).toBe(0o444);
  });

  it('writes through a dangling symlink: the target is created 0600 and the link stays (repro 08d)', async () => {
    const box = sandbox();
    mkdirSync(join(box.root, 'secrets'));
    symlinkSync(join(box.root, 'secrets', 'app.env'), join(box.cwd, '.env'));
    const r = await save(box);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(box.cwd, '.env')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(box.root, 'secrets', 'app.env'), 'utf8')).toBe(`OPENAI_API_KEY=${key}\n`);
    expect(statSync(join(box.root, 'secrets', 'app.env')).mode & 0o777).toBe(0o600);
  });

  // A git on PATH that appends to .env whenever it is asked something: another writer working while
  // the save runs, at the same moment every time (repro 11 without the race).
  it('keeps lines another program appends while the save runs (repro 11)', async () => {
    const box = sandbox();
    const envFile = join(box.cwd, '.env');
    writeFileSync(envFile, 'A=1\nOPENAI_API_KEY=sk-old\n');
    const bin = join(box.root, 'bin');
    mkdirSync(bin);
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "APPENDED_$$=x" >> ${JSON.stringify(envFile)}\nexec ${realGit} "$@"\n`, { mode: 0o755 });
    spawnSync('git', ['init', '-q', box.cwd]);
    const r = await save(box, [], { PATH: `${bin}:${box.env.PATH}` });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(envFile, 'utf8');
    expect(text.match(/^APPENDED_\d+=x$/gm)?.length).toBeGreaterThanOrEqual(3);
    expect(parseEnv(text).OPENAI_API_KEY).toBe(key);
  });

  it('a .gitignore that is a directory or write-protected stops the save, names .gitignore, writes nothing', async () => {
    for (const make of [(p: string) => mkdirSync(p), (p: string) => writeFileSync(p, 'node_modules\n', { mode: 0o444 })]) {
      const box = sandbox();
      spawnSync('git', ['init', '-q', box.cwd]);
      writeFileSync(join(box.cwd, '.env'), 'A=1\n');
      make(join(box.cwd, '.gitignore'));
      const r = await save(box);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Could not add \.env to \.gitignore\. .*\.gitignore/);
      expect(r.stderr).not.toMatch(/\.env: not saved \((that path is a directory|permission denied)/);
      expect(readFileSync(join(box.cwd, '.env'), 'utf8')).toBe('A=1\n');
    }
  });

  it.runIf(isRoot)('on a full disk the .env save fails and .gitignore is left as it was (root: a tiny tmpfs)', async () => {
    const box = sandbox();
    const disk = join(box.root, 'disk');
    mkdirSync(disk);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]).status !== 0) return; // no mount here
    try {
      spawnSync('git', ['init', '-q', disk]);
      writeFileSync(join(disk, '.gitignore'), 'node_modules\n');
      writeFileSync(join(disk, '.env'), 'A=1\n');
      spawnSync('sh', ['-c', `cat /dev/zero > ${join(disk, 'filler')}`]);
      const r = await runCli(['--non-interactive', '--key-stdin', '--save', 'env', '--dotenv', join(disk, '.env')], { box, stdin: { text: key }, timeoutMs: 20_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('the disk is full');
      expect(readFileSync(join(disk, '.gitignore'), 'utf8')).toBe('node_modules\n');
      expect(readFileSync(join(disk, '.env'), 'utf8')).toBe('A=1\n');
      expect(readdirSync(disk).filter((f) => f.includes('openai-onboard'))).toEqual([]);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('a stale temp file of a killed run is removed by the next save; git ignores our temp names', async () => {
    const box = sandbox();
    spawnSync('git', ['init', '-q', box.cwd]);
    const stale = ['.env.openai-onboard-0123456789ab.tmp', '..env.0123456789ab.tmp'];
    for (const name of stale) writeFileSync(join(box.cwd, name), `OPENAI_API_KEY=${key}\n`, { mode: 0o600 });
    writeFileSync(join(box.cwd, 'notes.tmp'), 'mine\n');
    const r = await save(box);
    expect(r.code, r.stderr).toBe(0);
    for (const name of stale) expect(existsSync(join(box.cwd, name)), name).toBe(false);
    expect(existsSync(join(box.cwd, 'notes.tmp'))).toBe(true);
    writeFileSync(join(box.cwd, stale[0]!), 'x');
    const ignored = spawnSync('git', ['check-ignore', '-q', stale[0]!], { cwd: box.cwd });
    expect(ignored.status).toBe(0);
  });
});
