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

/** Edits of one file within this process queue here first: the lock file is for other processes. */
const queues = new Map<string, Promise<unknown>>();

export async function withFileLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(target);
  const previous = queues.get(lock) ?? Promise.resolve();
  const mine = previous.catch(() => {}).then(async () => {
    const held = await acquire(lock);
    try {
      return await work();
    } finally {
      if (held) {
        await unlink(lock).catch(() => {});
        untrackTemp(lock);
      }
    }
  });
  queues.set(lock, mine);
  try {
    return await mine;
  } finally {
    if (queues.get(lock) === mine) queues.delete(lock);
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
    const stale = await staleLock(lock);
    if (stale !== undefined) {
      // Only the lock we judged stale: another run may have broken it and taken a fresh one meanwhile.
      if ((await stat(lock).catch(() => undefined))?.ino === stale) await unlink(lock).catch(() => {});
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

/**
 * The inode of a lock whose holder is gone (its pid no longer exists on this machine) or that is too
 * old; undefined while the lock is live.
 */
async function staleLock(lock: string): Promise<number | undefined> {
  try {
    const s = await stat(lock);
    const text = await readFile(lock, 'utf8');
    const age = Date.now() - s.mtimeMs;
    if (age > STALE_MS) return s.ino;
    const pid = Number.parseInt(text, 10);
    if (!Number.isInteger(pid) || pid <= 0) return age > 1_000 ? s.ino : undefined; // being written, or junk
    try {
      process.kill(pid, 0);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH' ? s.ino : undefined;
    }
  } catch {
    return undefined; // vanished meanwhile: the next attempt takes it
  }
}
