// The .env target: write the key into the project's .env (only its OPENAI_API_KEY line), keep it
// out of git, and read it back with Node's own dotenv parser. The file is edited as bytes (latin1
// maps each byte to one character and back), so bytes that are not UTF-8 are kept as they were.
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { editFile } from './atomic-write.js';
import { KEY_NAME, setEnvKey } from './dotenv-edit.js';
import { gitRoot, isIgnored, isTracked } from './git.js';
import { isWriteProtected, readRegularFile, resolveWriteTarget } from './safe-file.js';

/**
 * The .env file: --dotenv (default ./.env), relative to the current directory. A leading `~/` is the home
 * directory even when the shell did not expand it (a quoted `'~/x/.env'`), as most CLIs treat it.
 */
export const envFilePath = (ctx: Pick<Context, 'cwd' | 'options'> & { home?: string }) => {
  const file = ctx.options.envFile;
  return ctx.home && /^~[/\\]/.test(file) ? resolve(ctx.home, file.slice(2)) : resolve(ctx.cwd, file);
};

export interface EnvFileWrite {
  path: string;
  created: boolean;
  verified: boolean;
  notes: string[];
  warnings: string[];
}

/** What dotenv (and Node's --env-file / process.loadEnvFile) would read from a file. Never blocks on a FIFO. */
export async function readDotenvKey(path: string): Promise<string | undefined> {
  const bytes = await readRegularFile(path);
  if (bytes === undefined) return undefined;
  return parseEnv(bytes.toString('utf8'))[KEY_NAME] || undefined;
}

/** The .env edit as bytes: only ASCII is added, every other byte is carried through untouched. */
const setKeyInBytes = (key: string) => (old: Buffer | undefined) => Buffer.from(setEnvKey(old?.toString('latin1') ?? '', key), 'latin1');

export async function saveToEnvFile(ctx: Pick<Context, 'cwd' | 'options' | 'env'>, key: string): Promise<EnvFileWrite> {
  const path = envFilePath(ctx);
  const notes: string[] = [];
  const warnings: string[] = [];
  try {
    if (!(await stat(dirname(path))).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new StorageError(`Cannot write ${path}: its directory does not exist.`);
  }
  // Refuse a FIFO, a device or a directory before asking git anything.
  await resolveWriteTarget(path);
  // The git questions come first and .gitignore is only touched after the .env was written: a save
  // that fails (a full disk, a write-protected file) changes nothing at all.
  const ignoreIn = await gitignoreToUpdate(path, ctx.env, warnings);
  const w = await editFile(path, setKeyInBytes(key), { mode: 0o600, overwriteReadOnly: Boolean(ctx.options.yes) });
  if (!w.changed) notes.push(`${basename(path)} already held this key; left unchanged.`);
  if (ignoreIn) await addToGitignore(path, ignoreIn, ctx.env, notes, warnings);
  const mode = (await stat(w.target)).mode & 0o777;
  if (mode & 0o077) {
    warnings.push(`${path} can be read by other users (mode ${mode.toString(8)}). Consider: chmod 600 ${path}`);
  }
  const verified = (await readDotenvKey(w.target)) === key;
  if (!verified) warnings.push(`Read back with a dotenv parser, ${path} does not yield this key; check the file by hand.`);
  return { path, created: w.created, verified, notes, warnings };
}

/**
 * In a git work tree: the .gitignore to add the file to (when git does not ignore it yet), after
 * checking that it can be written, so that a bad .gitignore stops the save before anything changes.
 * A tracked file gets a loud warning instead.
 */
async function gitignoreToUpdate(path: string, env: Context['env'], warnings: string[]): Promise<string | undefined> {
  const root = await gitRoot(dirname(path), env);
  if (!root) return undefined;
  if (await isTracked(path, env)) {
    warnings.push(
      `${basename(path)} is TRACKED by git: the key will be committed and pushed with it. ` +
        `Untrack it now: git rm --cached ${basename(path)} && echo ${basename(path)} >> .gitignore` +
        ' (and if it was already pushed, treat the old key as leaked: revoke it).',
    );
    return undefined;
  }
  if ((await isIgnored(path, env)) !== false) return undefined;
  const gitignore = join(dirname(path), '.gitignore');
  const target = await resolveWriteTarget(gitignore).catch((error: unknown) => {
    throw gitignoreError(gitignore, path, error);
  });
  if (target.stat && isWriteProtected(target.stat)) {
    const mode = (target.stat.mode & 0o777).toString(8);
    const why = new StorageError(`${gitignore} is write-protected (mode ${mode}); make it writable (chmod u+w ${gitignore}) or add ${basename(path)} to it yourself.`);
    throw gitignoreError(gitignore, path, why);
  }
  return gitignore;
}

async function addToGitignore(path: string, gitignore: string, env: Context['env'], notes: string[], warnings: string[]): Promise<void> {
  // A leading "#" or "!" would make the line a comment or a negation.
  const pattern = basename(path).replace(/^[#!]/, '\\$&');
  try {
    await editFile(
      gitignore,
      (old) => {
        const text = old?.toString('latin1') ?? '';
        const eol = /\r\n/.test(text) ? '\r\n' : '\n';
        const sep = text === '' || text.endsWith('\n') ? '' : eol;
        return Buffer.from(`${text}${sep}${pattern}${eol}`, 'latin1');
      },
      { mode: 0o644, change: 'other' },
    );
  } catch (error) {
    // The key is already in the file: say plainly that git does not ignore it yet.
    const why = gitignoreError(gitignore, path, error).message.replace(/ Nothing was written\.$/, '');
    warnings.push(`${why} The key is in ${basename(path)}, which git does not ignore yet: do not commit it.`);
    return;
  }
  if (await isIgnored(path, env)) notes.push(`Added ${basename(path)} to ${gitignore} so git ignores it.`);
  else warnings.push(`Added ${basename(path)} to ${gitignore}, but git still does not ignore it (a "!" rule?). Do not commit it.`);
}

/** An error about .gitignore that names .gitignore, never the .env we were saving. */
function gitignoreError(gitignore: string, path: string, error: unknown): StorageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    error instanceof StorageError ? error.message
    : code === 'EACCES' || code === 'EPERM' ? `${gitignore}: permission denied.`
    : code === 'ENOSPC' ? `${gitignore}: the disk is full.`
    : `${gitignore}: ${error instanceof Error ? error.message : String(error)}.`;
  return new StorageError(`Could not add ${basename(path)} to .gitignore. ${why} Nothing was written.`);
}
