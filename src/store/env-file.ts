// The .env target: write the key into the project's .env (only its OPENAI_API_KEY line), keep it
// out of git, and read it back with Node's own dotenv parser.
import { appendFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { KEY_NAME, setEnvKey } from './dotenv-edit.js';
import { gitRoot, isIgnored, isTracked } from './git.js';
import { readIfExists, resolveTarget } from './shell-profile.js';

export const envFilePath = (ctx: Pick<Context, 'cwd' | 'options'>) => resolve(ctx.cwd, ctx.options.envFile);

export interface EnvFileWrite {
  path: string;
  created: boolean;
  verified: boolean;
  notes: string[];
  warnings: string[];
}

/** What dotenv (and Node's --env-file / process.loadEnvFile) would read from a file. */
export async function readDotenvKey(path: string): Promise<string | undefined> {
  const text = await readIfExists(path);
  if (text === undefined) return undefined;
  return parseEnv(text)[KEY_NAME] || undefined;
}

export async function saveToEnvFile(ctx: Pick<Context, 'cwd' | 'options' | 'env'>, key: string): Promise<EnvFileWrite> {
  const path = envFilePath(ctx);
  const notes: string[] = [];
  const warnings: string[] = [];
  try {
    if (!(await stat(dirname(path))).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new StorageError(`Cannot write ${path}: its directory does not exist.`);
  }
  const target = await resolveTarget(path);
  const old = await readIfExists(target);
  await keepOutOfGit(path, ctx.env, notes, warnings);
  const next = setEnvKey(old ?? '', key);
  if (next !== old) await writeFileAtomic(target, next, { mode: 0o600 });
  else notes.push(`${basename(path)} already held this key; left unchanged.`);
  const mode = (await stat(target)).mode & 0o777;
  if (mode & 0o077) {
    warnings.push(`${path} can be read by other users (mode ${mode.toString(8)}). Consider: chmod 600 ${path}`);
  }
  const verified = (await readDotenvKey(target)) === key;
  if (!verified) warnings.push(`Read back with a dotenv parser, ${path} does not yield this key; check the file by hand.`);
  return { path, created: old === undefined, verified, notes, warnings };
}

/** In a git work tree: ignore the file if it is not, and warn loudly if it is already tracked. */
async function keepOutOfGit(path: string, env: Context['env'], notes: string[], warnings: string[]): Promise<void> {
  const root = await gitRoot(dirname(path), env);
  if (!root) return;
  if (await isTracked(path, env)) {
    warnings.push(
      `${basename(path)} is TRACKED by git: the key will be committed and pushed with it. ` +
        `Untrack it now: git rm --cached ${basename(path)} && echo ${basename(path)} >> .gitignore` +
        ' (and if it was already pushed, treat the old key as leaked: revoke it).',
    );
    return;
  }
  if ((await isIgnored(path, env)) !== false) return;
  const gitignore = join(dirname(path), '.gitignore');
  const text = (await readIfExists(gitignore)) ?? '';
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const sep = text === '' || text.endsWith('\n') ? '' : eol;
  // A leading "#" or "!" would make the line a comment or a negation.
  const pattern = basename(path).replace(/^[#!]/, '\\$&');
  await appendFile(gitignore, `${sep}${pattern}${eol}`, { mode: 0o644 });
  if (await isIgnored(path, env)) notes.push(`Added ${basename(path)} to ${gitignore} so git ignores it.`);
  else warnings.push(`Added ${basename(path)} to ${gitignore}, but git still does not ignore it (a "!" rule?). Do not commit it.`);
}
