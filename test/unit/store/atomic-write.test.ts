// A save killed at any moment leaves the old file or the new one, never a truncated mix: a child
// process rewrites a big file in a loop and is killed with SIGKILL at a random moment.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editFile, writeFileAtomic } from '../../../src/store/atomic-write.js';
import { readRegularFile } from '../../../src/store/safe-file.js';

const root = join(import.meta.dirname, '..', '..', '..');

describe('writeFileAtomic', () => {
  it('creates new files 0600 and keeps the mode of an existing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    await writeFileAtomic(join(dir, 'new'), 'x');
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'old'), 'a', { mode: 0o640 });
    await writeFileAtomic(join(dir, 'old'), 'b');
    expect(statSync(join(dir, 'old')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'old'), 'utf8')).toBe('b');
    rmSync(dir, { recursive: true, force: true });
  });

  // A plain in-place writer fails this in about 40% of rounds (measured), so 8 rounds catch it.
  it('SIGKILL during a save loop leaves a whole old or whole new file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-kill-'));
    const target = join(dir, '.env');
    // Versions are 4 MB of one repeated letter, so a torn file shows as mixed letters or a short length.
    const SIZE = 4 * 1024 * 1024;
    writeFileSync(target, 'A'.repeat(SIZE));
    // The child runs plain Node, so the TypeScript source is bundled for it first.
    const { build } = await import('esbuild');
    const bundle = join(dir, 'atomic.mjs');
    await build({ entryPoints: [join(root, 'src/store/atomic-write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(pathToFileURL(bundle).href)};
      const letters = 'BCDEFGHIJKLMNOPQRSTUVWXYZ';
      for (let i = 0; ; i++) {
        await writeFileAtomic(${JSON.stringify(target)}, letters[i % letters.length].repeat(${SIZE}));
        if (i === 1) process.stdout.write('looping\\n');
      }`;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 200));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const text = readFileSync(target, 'utf8');
      expect(text.length).toBe(SIZE);
      expect(new Set(text).size).toBe(1);
    }
    // Killed writers may leave a temp file (0600) and their lock beside it, never a damaged target.
    const ours = /^\.env\.openai-onboard-[0-9a-f]{12}\.tmp$|^\.env\.openai-onboard\.lock$/;
    expect(readdirSync(dir).filter((f) => !ours.test(f) && f !== '.env' && f !== 'atomic.mjs')).toEqual([]);
    for (const f of readdirSync(dir).filter((name) => ours.test(name))) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the edit the exact bytes and writes back exactly what it returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-bytes-'));
    const file = join(dir, 'f');
    const original = Buffer.from([0x41, 0x3d, 0xe9, 0xff, 0x0a]);
    writeFileSync(file, original);
    let seen: Buffer | undefined;
    await editFile(file, (old) => {
      seen = old;
      return Buffer.concat([old!, Buffer.from('B=2\n')]);
    });
    expect(seen).toEqual(original);
    expect(readFileSync(file)).toEqual(Buffer.concat([original, Buffer.from('B=2\n')]));
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-reads before replacing: a line another program appended meanwhile is kept (the edit runs again)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-race-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\n');
    let calls = 0;
    await editFile(file, (old) => {
      // Another writer appends after we read and before we rename, exactly once.
      if (calls++ === 0) appendFileSync(file, 'APPENDED=1\n');
      return `${old!.toString('latin1')}KEY=x\n`;
    });
    expect(calls).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('A=1\nAPPENDED=1\nKEY=x\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serialises concurrent edits of one file with a lock, and takes over the lock of a dead process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-lock-'));
    const file = join(dir, '.env');
    writeFileSync(file, '');
    writeFileSync(join(dir, '.env.openai-onboard.lock'), '2147483646\n'); // no such pid
    await Promise.all(Array.from({ length: 8 }, (_, i) => editFile(file, (old) => `${old!.toString()}L${i}\n`)));
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `L${i}`));
    expect(existsSync(join(dir, '.env.openai-onboard.lock'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('separate processes editing one file at once each keep their lines (the lock file, a stale lock taken over)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-procs-'));
    const file = join(dir, '.env');
    writeFileSync(file, '');
    writeFileSync(join(dir, '.env.openai-onboard.lock'), '2147483646\n'); // a dead run's lock
    const { build } = await import('esbuild');
    const bundle = join(dir, 'atomic.mjs');
    await build({ entryPoints: [join(root, 'src/store/atomic-write.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const script = (p: number) => `
      import { editFile } from ${JSON.stringify(pathToFileURL(bundle).href)};
      for (let j = 0; j < 5; j++) await editFile(${JSON.stringify(file)}, (old) => old.toString() + 'P${p}-' + j + '\\n');`;
    const children = Array.from({ length: 6 }, (_, p) => spawn(process.execPath, ['--input-type=module', '-e', script(p)], { stdio: ['ignore', 'ignore', 'inherit'] }));
    const codes = await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
    expect(codes).toEqual(Array(6).fill(0));
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `P${Math.floor(i / 5)}-${i % 5}`).sort());
    expect(readdirSync(dir).filter((f) => f.includes('openai-onboard'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a FIFO without blocking, for writing and for reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-fifo-'));
    const fifo = join(dir, '.env');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await expect(writeFileAtomic(fifo, 'x')).rejects.toThrow('is a named pipe (FIFO), not a regular file');
    await expect(readRegularFile(fifo)).rejects.toThrow('not a regular file');
    expect(statSync(fifo).isFIFO()).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
