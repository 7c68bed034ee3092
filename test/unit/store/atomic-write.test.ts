// A save killed at any moment leaves the old file or the new one, never a truncated mix: a child
// process rewrites a big file in a loop and is killed with SIGKILL at a random moment.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/store/atomic-write.js';

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
    // Killed writers may leave a temp file beside it, never a damaged target.
    expect(readdirSync(dir).filter((f) => !/^\.\.env\.[0-9a-f]+\.tmp$/.test(f) && f !== '.env' && f !== 'atomic.mjs')).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
