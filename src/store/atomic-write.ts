// Editing a file so that nothing is lost: a reader (or a crash) sees the old bytes or the new bytes,
// never a mix, and the file stays what it was apart from its content.
//
// - Bytes in, bytes out: the edit gets the old bytes and returns new ones; nothing is decoded and
//   re-encoded, so a byte that is not UTF-8 survives.
// - Under an advisory lock (src/store/file-lock.ts), and the file is re-read just before it is
//   replaced: when another program changed it meanwhile, the edit runs again on the new bytes.
// - The next version goes to a temp file beside the target (0600 from its first byte, O_EXCL, a
//   name that says it is ours), which gets the old file's owner, group and mode, is fsynced, and is
//   renamed over the target. Temps of killed runs are removed by the next edit; live ones by the
//   signal handler in src/cli.ts.
// - Symlinks are followed (the link stays a link); only regular files are written; a
//   write-protected file is left alone unless the caller says the user confirmed.
// - A file with several hard links, or one whose owner we cannot give to the temp file, is edited in
//   place instead: a rename would split the links or hand the file to us.
import { constants, type Stats } from 'node:fs';
import { chmod, type FileHandle, open, rename } from 'node:fs/promises';
import { StorageError } from '../errors.js';
import { type ChangeKind, noteChanged } from './changes.js';
import { withFileLock } from './file-lock.js';
import { excludeOurTempsFromGit } from './git-exclude.js';
import { isWriteProtected, notRegularError, readRegularFile, resolveWriteTarget } from './safe-file.js';
import { discardTemp, removeStaleTemps, tempPathFor, trackTemp, untrackTemp } from './temp-files.js';

export interface EditOptions {
  /** The mode of a file we create; 0600 by default, since anything we write may hold a key. */
  mode?: number;
  /**
   * A write-protected file (no write bit) is refused unless this is true. Pass `false` when `--yes`
   * would allow it, so the refusal can say so.
   */
  overwriteReadOnly?: boolean;
  /** How a cancelled run reports this edit (src/store/changes.ts); `key` unless it is a side edit. */
  change?: ChangeKind;
}

export interface EditResult {
  /** The file the bytes went to (symlinks followed). */
  target: string;
  created: boolean;
  changed: boolean;
  /** The bytes before the edit; undefined for a new file. */
  before?: Buffer;
}

/** Returns the new bytes, or undefined to leave the file as it is. Runs again if the file changes under us. */
export type Edit = (old: Buffer | undefined) => Uint8Array | string | undefined;

const ATTEMPTS = 5;

export async function editFile(path: string, edit: Edit, opts: EditOptions = {}): Promise<EditResult> {
  const first = await resolveWriteTarget(path);
  await excludeOurTempsFromGit(first.path);
  return withFileLock(first.path, async () => {
    await removeStaleTemps(first.path);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const { path: target, stat } = await resolveWriteTarget(path);
      if (stat && isWriteProtected(stat) && opts.overwriteReadOnly !== true) throw readOnlyError(path, stat, opts);
      const before = stat ? await readRegularFile(target) : undefined;
      const produced = edit(before);
      if (produced === undefined) return { target, created: false, changed: false, before };
      const next = typeof produced === 'string' ? Buffer.from(produced, 'utf8') : Buffer.from(produced);
      if (before?.equals(next)) return { target, created: false, changed: false, before };
      const mode = stat ? stat.mode & 0o7777 : (opts.mode ?? 0o600);
      const done = stat && stat.nlink > 1 ? await replaceInPlace(target, before, next) : await replaceByRename(target, stat, before, next, mode);
      if (!done) continue; // changed under us: edit the new bytes
      noteChanged(path, opts.change);
      return { target, created: !stat, changed: true, before };
    }
    throw new StorageError(`${path} kept changing while openai-onboard tried to edit it; nothing was written. Try again.`);
  });
}

/** Replaces the whole file with `data` (same rules as editFile). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: EditOptions = {}): Promise<EditResult> {
  return editFile(path, () => data, opts);
}

/**
 * editFile for code that edits text: the text is the file's bytes read as latin1 (one character per
 * byte) and written back the same way, so ASCII edits keep every other byte, UTF-8 or not.
 */
export async function editTextFile(path: string, edit: (text: string | undefined) => string | undefined, opts: EditOptions = {}): Promise<EditResult> {
  return editFile(
    path,
    (old) => {
      const next = edit(old?.toString('latin1'));
      return next === undefined ? undefined : Buffer.from(next, 'latin1');
    },
    opts,
  );
}

function readOnlyError(path: string, stat: Stats, opts: EditOptions): StorageError {
  const mode = (stat.mode & 0o777).toString(8);
  const yes = opts.overwriteReadOnly === false ? ', or run again with --yes to write it anyway' : '';
  return new StorageError(`${path} is write-protected (mode ${mode}), so openai-onboard left it alone. Make it writable (chmod u+w ${path})${yes}.`);
}

const sameBytes = (a: Buffer | undefined, b: Buffer | undefined) => (a === undefined || b === undefined ? a === b : a.equals(b));

/** The usual path: temp file, same owner and mode, fsync, re-check, rename. False: the file changed meanwhile. */
async function replaceByRename(target: string, stat: Stats | undefined, before: Buffer | undefined, next: Buffer, mode: number): Promise<boolean> {
  const { tmp, handle } = await createTemp(target);
  try {
    try {
      await handle.writeFile(next);
      if (stat && !(await giveOwner(handle, stat))) {
        // We cannot make the new file theirs (not root): a rename would hand their file to us.
        await handle.close();
        await discardTemp(tmp);
        return replaceInPlace(target, before, next);
      }
      await handle.sync();
    } finally {
      await handle.close().catch(() => {});
    }
    // Another program may have written the file while we worked (git ran meanwhile, a user appended).
    if (!sameBytes(await readRegularFile(target), before)) {
      await discardTemp(tmp);
      return false;
    }
    // The final mode only now, right before the rename: a temp left by a SIGKILL stays 0600. (After
    // chown, which clears set-id bits; it also undoes what the umask narrowed.)
    await chmod(tmp, mode);
    await rename(tmp, target);
    untrackTemp(tmp);
    return true;
  } catch (error) {
    await discardTemp(tmp);
    throw error;
  }
}

async function createTemp(target: string): Promise<{ tmp: string; handle: FileHandle }> {
  const tmp = tempPathFor(target);
  try {
    // 0600 from the first byte: the content may be a key, whatever mode the file ends up with.
    const handle = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    trackTemp(tmp);
    return { tmp, handle };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StorageError(`Cannot write ${target}: its directory does not exist (is it the target of a dangling symbolic link?).`);
    }
    throw error;
  }
}

/** Gives the temp file the target's owner and group. False when we may not (only root can give a file away). */
async function giveOwner(handle: FileHandle, stat: Stats): Promise<boolean> {
  if (process.platform === 'win32' || !process.getuid) return true;
  if (stat.uid === process.getuid() && stat.gid === process.getgid!()) return true;
  try {
    await handle.chown(stat.uid, stat.gid);
    return true;
  } catch (error) {
    if (['EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/**
 * Hard links (and files we cannot give back to their owner): write the same inode, so every name
 * sees the edit and owner, group and mode stay. Not atomic for a reader, which is why it is only
 * used where a rename would do worse; the lock still keeps our own runs apart.
 */
async function replaceInPlace(target: string, before: Buffer | undefined, next: Buffer): Promise<boolean> {
  const handle = await open(target, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw notRegularError(target, s);
    if (!sameBytes(await readRegularFile(target), before)) return false;
    await handle.write(next, 0, next.length, 0);
    await handle.truncate(next.length);
    await handle.sync();
    return true;
  } finally {
    await handle.close();
  }
}
