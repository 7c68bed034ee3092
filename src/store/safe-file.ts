// Reading and locating the files we edit without surprises: only regular files (or symlinks to
// them) are read or written. A FIFO, a device, a socket or a directory gets a clear refusal, and
// nothing ever blocks on open: reads open with O_NONBLOCK and check what they opened (a FIFO with no
// writer would otherwise hang `--check-key` and `status` forever).
import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { StorageError } from '../errors.js';

const NONBLOCK = constants.O_NONBLOCK ?? 0;

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function notRegularError(path: string, s: Stats): StorageError {
  return new StorageError(`${path} is ${kindOf(s)}, not a regular file; openai-onboard only reads and writes regular files.`);
}

const missing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

/** The bytes of a regular file, undefined when it does not exist; a refusal for anything else. */
export async function readRegularFile(path: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw notRegularError(path, s);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Same, as text (UTF-8); for readers that only look for our own ASCII lines. */
export async function readRegularText(path: string): Promise<string | undefined> {
  return (await readRegularFile(path))?.toString('utf8');
}

export interface WriteTarget {
  /** The path the bytes really go to: symlinks followed, even a dangling one. */
  path: string;
  /** The existing file, or undefined when it is about to be created. */
  stat?: Stats;
}

/**
 * Where a write to `path` lands. Symlinks are followed to their final target, so a dotfile manager's
 * link stays a link; a dangling symlink's target is created (its directory must exist). Anything
 * that is not a regular file is refused before a byte is written.
 */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let s: Stats;
    try {
      s = await lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: current };
      throw error;
    }
    if (s.isSymbolicLink()) {
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (!s.isFile()) throw notRegularError(path, s);
    return { path: current, stat: s };
  }
  throw new StorageError(`${path} is a symbolic link that loops (or has too many hops).`);
}

/** No write permission bit set: the owner protected the file on purpose. */
export const isWriteProtected = (s: Stats) => (s.mode & 0o222) === 0;
