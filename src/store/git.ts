// The few git questions the .env target asks: is this a work tree, is the file tracked, is it
// ignored. Without git installed every answer is "no", and saving goes on.
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Env } from '../platform/environment.js';
import { runProgram } from './run-command.js';

const GIT_TIMEOUT_MS = 5_000;

async function git(args: string[], cwd: string, env: Env) {
  // GIT_OPTIONAL_LOCKS=0: these are read-only questions; never take the index lock from a user's git.
  return runProgram('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs: GIT_TIMEOUT_MS });
}

/** The work tree's top directory, or undefined outside git (or without git). */
/**
 * The work tree's root found the cheap way, by looking for `.git` (a directory, or the file of a worktree
 * or submodule) in `dir` and its parents: no git process, so the wizard's first screen does not wait for
 * one. For the questions git alone can answer (is this file tracked?), ask git.
 */
export async function findWorkTreeRoot(dir: string): Promise<string | undefined> {
  for (let here = resolve(dir); ; here = dirname(here)) {
    if (await access(join(here, '.git')).then(() => true, () => false)) return here;
    if (dirname(here) === here) return undefined;
  }
}

export async function gitRoot(dir: string, env: Env): Promise<string | undefined> {
  const r = await git(['rev-parse', '--show-toplevel'], dir, env);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** `cwd` defaults to the file's directory; pass an existing one for a file that does not exist yet. */
export async function isTracked(file: string, env: Env, cwd = dirname(file)): Promise<boolean> {
  const r = await git(['ls-files', '--error-unmatch', '--', file], cwd, env);
  return r.code === 0;
}

/** `git check-ignore -q` exits 0 when ignored, 1 when not, 128 on errors. */
export async function isIgnored(file: string, env: Env, cwd = dirname(file)): Promise<boolean | undefined> {
  const r = await git(['check-ignore', '-q', '--', file], cwd, env);
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  return undefined;
}
