// An advisory lock around one edit of one file: `.env.openai-onboard.lock` beside it, created with
// O_EXCL and holding our pid. Two openai-onboard runs saving to the same file then take turns
// instead of one silently undoing the other. Other programs do not know this lock; for them the
// editor re-reads the file just before replacing it (src/store/atomic-write.ts).
import { constants } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { StorageError } from '../errors.js';
import { lockPathFor, trackTemp, untrackTemp } from './temp-files.js';

const WAIT_MS = 5_000;
const POLL_MS = 50;
/** A lock older than this is left over from a killed run: no edit of ours takes that long. */
const STALE_MS = 30_000;

/** File systems where we cannot create the lock (read-only directory): edit without it. */
const UNLOCKABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

export async function withFileLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(target);
  const held = await acquire(lock);
  try {
    return await work();
  } finally {
    if (held) {
      await unlink(lock).catch(() => {});
      untrackTemp(lock);
    }
  }
}

async function acquire(lock: string): Promise<boolean> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
      trackTemp(lock);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } catch (error) {
        // A full disk: leave no empty lock behind for the next run to wait on.
        await handle.close();
        await unlink(lock).catch(() => {});
        untrackTemp(lock);
        throw error;
      }
      await handle.close();
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      // No such directory: the write itself fails next, with a message that says so.
      if (UNLOCKABLE.has(code) || code === 'ENOENT') return false;
      if (code !== 'EEXIST') throw error;
    }
    if (await isStale(lock)) {
      await unlink(lock).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) {
      throw new StorageError(
        `Another openai-onboard is editing this file (lock ${lock}). Try again; if no other run is going on, delete the lock file.`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The holder is gone (its pid no longer exists on this machine) or the lock is too old. */
async function isStale(lock: string): Promise<boolean> {
  try {
    const [text, s] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    if (Date.now() - s.mtimeMs > STALE_MS) return true;
    const pid = Number.parseInt(text, 10);
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - s.mtimeMs > 1_000; // being written, or junk
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // vanished meanwhile: the next attempt takes it
  }
}
