// Writing and removing openai-onboard's block in a profile file. The file's mode is kept, symlinked
// dotfiles are followed (the link stays a link), and a backup is made before the first change.
import { constants } from 'node:fs';
import { copyFile, chmod, mkdir, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { eolOf, removeBlocks, upsertBlock } from './shell-block.js';

export const backupPath = (file: string) => `${file}.openai-onboard.bak`;

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The file a path really names: dotfile managers often symlink ~/.bashrc into a repository. */
export async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

export interface BlockWrite {
  created: boolean;
  /** Set when this write made the backup. */
  backup?: string;
  changed: boolean;
}

/** Puts `render(eol)` into the file as our block. */
export async function writeBlock(path: string, render: (eol: string) => string): Promise<BlockWrite> {
  const target = await resolveTarget(path);
  const old = await readIfExists(target);
  const next = upsertBlock(old ?? '', render(eolOf(old ?? '')));
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
  await writeFileAtomic(target, next, { mode: 0o600 });
  return { created: old === undefined, backup, changed: true };
}

/** Removes our block(s); deletes the file when we created it and nothing else is left in it. */
export async function removeBlockFrom(path: string, created: boolean): Promise<{ removed: boolean; deletedFile: boolean }> {
  const target = await resolveTarget(path);
  const old = await readIfExists(target);
  if (old === undefined) return { removed: false, deletedFile: false };
  const { content, removed } = removeBlocks(old);
  if (removed === 0) return { removed: false, deletedFile: false };
  if (created && content.trim() === '') {
    await unlink(target);
    return { removed: true, deletedFile: true };
  }
  await writeFileAtomic(target, content);
  return { removed: true, deletedFile: false };
}
