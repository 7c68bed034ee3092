// An advisory lock around one edit of one file: `.env.openai-onboard.lock` beside it, created with
// O_EXCL and holding our pid. Two openai-onboard runs saving to the same file then take turns
// instead of one silently undoing the other. Other programs do not know this lock; for them the
// editor re-reads the file just before replacing it (src/store/atomic-write.ts).
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { StorageError } from '../errors.js';
import { lockPathFor, tempPathFor, trackTemp, untrackTemp } from './temp-files.js';

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
    const held = await acquire(lock, target);
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

async function acquire(lock: string, target: string): Promise<boolean> {
  const deadline = Date.now() + WAIT_MS;
  // The lock is born whole: written to a temp file first and linked into place (link fails when the
  // lock exists), so no other run ever sees an empty lock and mistakes a slow writer for a dead one.
  const mine = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
  for (;;) {
    const taken = await tryLink(lock, mine, target);
    if (taken === 'unlockable') return false;
    if (taken === 'taken') return true;
    const stale = await staleLock(lock);
    if (stale !== undefined) {
      await breakLock(lock, stale, target);
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

async function tryLink(lock: string, content: string, target: string): Promise<'taken' | 'busy' | 'unlockable'> {
  // Named like our other temp files, so a run killed right here leaves nothing a later run keeps.
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // A full disk can leave the file created but empty: nothing of ours stays behind.
    await unlink(temp).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // A read-only directory: edit without the lock. No such directory: the write itself fails next,
    // with a message that says so. A full disk: nothing was left behind.
    if (UNLOCKABLE.has(code) || code === 'ENOENT') return 'unlockable';
    throw error;
  }
  trackTemp(temp);
  try {
    await link(temp, lock);
    trackTemp(lock);
    return 'taken';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // EEXIST: held. ENOENT: the lock holder's clean-up took our temp file as a killed run's: try again.
    if (code === 'EEXIST' || code === 'ENOENT') return 'busy';
    // A file system without hard links: fall back to O_EXCL on the lock itself, written at once.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP') {
      try {
        await writeFile(lock, content, { mode: 0o600, flag: 'wx' });
        trackTemp(lock);
        return 'taken';
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return 'busy';
        throw inner;
      }
    }
    throw error;
  } finally {
    await unlink(temp).catch(() => {});
    untrackTemp(temp);
  }
}

/**
 * Breaks a lock judged stale, and only that one: it is renamed aside first (atomic), and the content
 * of what was renamed is compared with what was judged. Had another run meanwhile replaced the stale
 * lock with its own live one, that lock is put back (link: never over a newer one).
 */
async function breakLock(lock: string, staleContent: string, target: string): Promise<void> {
  const grave = tempPathFor(target);
  try {
    await rename(lock, grave);
  } catch {
    return; // gone meanwhile: the next attempt takes it
  }
  const moved = await readFile(grave, 'utf8').catch(() => undefined);
  if (moved !== staleContent) await link(grave, lock).catch(() => {});
  await unlink(grave).catch(() => {});
}

/**
 * The content of a lock whose holder is gone (its pid no longer exists on this machine) or that is
 * too old; undefined while the lock is live.
 */
async function staleLock(lock: string): Promise<string | undefined> {
  try {
    const s = await stat(lock);
    const text = await readFile(lock, 'utf8');
    const age = Date.now() - s.mtimeMs;
    if (age > STALE_MS) return text;
    const pid = Number.parseInt(text, 10);
    // Junk (not one of ours): stale once it is old enough not to be anything being written.
    if (!Number.isInteger(pid) || pid <= 0) return age > 1_000 ? text : undefined;
    try {
      process.kill(pid, 0);
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH' ? text : undefined;
    }
  } catch {
    return undefined; // vanished meanwhile: the next attempt takes it
  }
}
