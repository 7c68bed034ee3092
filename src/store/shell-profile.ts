// Writing and removing openai-onboard's block in a profile file. The file's mode is kept, symlinked
// dotfiles are followed (the link stays a link), and a backup is made before the first change.
// Profiles are edited as bytes: a latin1 string holds one character per byte, so text we did not
// write (a UTF-8 prompt, a stray byte of another encoding) goes back to disk exactly as it was.
import { constants } from 'node:fs';
import { copyFile, chmod, mkdir, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StorageError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { MalformedBlockError, removeBlocks, upsertBlock } from './shell-block.js';

export const backupPath = (file: string) => `${file}.openai-onboard.bak`;

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

/** The file's bytes as a latin1 string (one character per byte); write it back with writeBytes. */
export async function readBytesIfExists(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path)).toString('latin1');
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

/** Writes a latin1 string from readBytesIfExists back as the bytes it stands for, then reads them back. */
async function writeBytes(path: string, bytes: string, mode?: number): Promise<void> {
  await writeFileAtomic(path, Buffer.from(bytes, 'latin1'), mode === undefined ? {} : { mode });
  if ((await readBytesIfExists(path)) !== bytes) throw new StorageError(`${path} did not read back as written; check it by hand.`);
}

/** The file a path really names: dotfile managers often symlink ~/.bashrc into a repository. */
export async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** A marker we did not write stops the edit: the lines after it belong to the user. */
async function orRefuse<T>(path: string, edit: () => T): Promise<T> {
  try {
    return edit();
  } catch (error) {
    if (!(error instanceof MalformedBlockError)) throw error;
    throw new StorageError(
      `line ${error.line} of ${path} is ${error.problem}; openai-onboard changes only blocks it wrote, so it left the file as it is. Remove or fix that line by hand, then try again.`,
    );
  }
}

export interface BlockWrite {
  created: boolean;
  /** Set when this write made the backup. */
  backup?: string;
  changed: boolean;
}

/** Puts `render(eol)` into the file as our block (always with LF line ends, see upsertBlock). */
export async function writeBlock(path: string, render: (eol: string) => string): Promise<BlockWrite> {
  const target = await resolveTarget(path);
  const old = await readBytesIfExists(target);
  const block = render('\n');
  // Blocks are ASCII (keys are checked storable), so latin1 and UTF-8 agree on their bytes.
  if (!/^[\x00-\x7f]*$/.test(block)) throw new StorageError('The profile block would hold characters that are not ASCII.');
  const next = await orRefuse(path, () => upsertBlock(old ?? '', block));
  if (old === next) return { created: false, changed: false };
  let backup: string | undefined;
  if (old !== undefined) {
    try {
      await copyFile(target, backupPath(path), constants.COPYFILE_EXCL);
      await chmod(backupPath(path), (await stat(target)).mode & 0o7777);
      backup = backupPath(path);
    } catch (error) {
      // EEXIST: a backup from an earlier run already holds the state before our first change.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } else {
    await mkdir(dirname(target), { recursive: true });
  }
  await writeBytes(target, next, 0o600);
  return { created: old === undefined, backup, changed: true };
}

export interface BlockRemoval {
  removed: boolean;
  deletedFile: boolean;
  /** The file now holds exactly the bytes of the backup (so the backup may go). */
  matchesBackup: boolean;
}

/**
 * Removes our block(s); deletes the file when we created it and nothing else is left in it. With the
 * backup of the file before our first change, a final newline we added is taken away again.
 */
export async function removeBlockFrom(path: string, created: boolean, backup?: string): Promise<BlockRemoval> {
  const target = await resolveTarget(path);
  const old = await readBytesIfExists(target);
  const before = backup === undefined ? undefined : await readBytesIfExists(backup);
  if (old === undefined) return { removed: false, deletedFile: false, matchesBackup: false };
  let { content, removed } = await orRefuse(path, () => removeBlocks(old));
  if (removed === 0) return { removed: false, deletedFile: false, matchesBackup: old === before };
  // The block was appended to a last line without a newline: that newline is ours too.
  if (before !== undefined && (content === `${before}\n` || content === `${before}\r\n`)) content = before;
  if (created && content.trim() === '') {
    await unlink(target);
    return { removed: true, deletedFile: true, matchesBackup: false };
  }
  await writeBytes(target, content);
  return { removed: true, deletedFile: false, matchesBackup: content === before };
}
