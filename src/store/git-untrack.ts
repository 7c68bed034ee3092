// Stops git tracking a file without deleting it (`git rm --cached`), the recommended way out when a
// .env holding secrets is committed. The .env target then adds it to .gitignore (env-file.ts).
import { basename, dirname } from 'node:path';
import { StorageError } from '../errors.js';
import type { Env } from '../platform/environment.js';
import { runProgram } from './run-command.js';

export async function untrack(file: string, env: Env): Promise<void> {
  const r = await runProgram('git', ['rm', '--cached', '--quiet', '--', basename(file)], { cwd: dirname(file), env, timeoutMs: 10_000 });
  if (r.code !== 0) {
    const why = r.stderr.split('\n').map((l) => l.trim()).find(Boolean) ?? `git exited with ${r.code}`;
    throw new StorageError(`Could not untrack ${file}: ${why}`);
  }
}
