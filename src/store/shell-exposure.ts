// Is a shell profile part of a git repository? Dotfile managers (stow, chezmoi's symlink mode, a bare
// "dotfiles" clone) link ~/.bashrc or ~/.config/fish into a repository, and a key written there is
// staged by the next `git add -A` and pushed. Treated like a tracked .env: the save step warns and
// defaults to No; a non-interactive save refuses without --yes (assertProfilesPrivate).
import { realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { gitRoot, isIgnored, isTracked } from './git.js';
import { tildify } from './shell-paths.js';

/** 'tracked': git tracks the file. 'in-repo': inside a work tree and not ignored (the next `git add -A` takes it). */
export type Exposure = 'tracked' | 'in-repo';

export interface ProfileExposure {
  /** The profile as we name it (~/.bashrc). */
  file: string;
  /** Where it really is, after symlinks (also of a parent: ~/.config/fish -> dotfiles/fish). */
  realPath: string;
  exposure: Exposure;
  /** The work tree's top directory. */
  repo: string;
}

/** realpath of a file that may not exist yet: resolve the nearest existing parent, keep the rest. */
async function realPathOf(path: string): Promise<{ real: string; existingDir: string }> {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      const real = await realpath(at);
      // The file itself exists: git runs in its directory; else in the nearest existing parent.
      return rest.length === 0 ? { real, existingDir: dirname(real) } : { real: join(real, ...rest), existingDir: real };
    } catch {
      if (dirname(at) === at) return { real: path, existingDir: at };
      rest.unshift(basename(at));
    }
  }
}

/** Whether git would carry this profile into a repository; undefined when it would not (or no git). */
export async function profileExposure(file: string, env: Context['env']): Promise<ProfileExposure | undefined> {
  const { real, existingDir } = await realPathOf(file);
  const repo = await gitRoot(existingDir, env);
  if (!repo) return undefined;
  if (await isTracked(real, env, existingDir)) return { file, realPath: real, exposure: 'tracked', repo };
  // Unknown (git failed) counts as exposed: better one question too many than a key in a commit.
  if ((await isIgnored(real, env, existingDir)) === true) return undefined;
  return { file, realPath: real, exposure: 'in-repo', repo };
}

/** One sentence for a person: what would happen to a key written there. */
export function describeExposure(e: ProfileExposure, home: string): string {
  const where = e.realPath === e.file ? tildify(e.file, home) : `${tildify(e.file, home)} (really ${tildify(e.realPath, home)})`;
  const how = e.exposure === 'tracked' ? 'is tracked by git' : 'is inside a git work tree and not ignored';
  return `${where} ${how} in ${tildify(e.repo, home)}: a key written there would be committed with your dotfiles.`;
}

/**
 * Before a plain key goes into profiles: a non-interactive run refuses exposed ones unless --yes.
 * (Interactively the save step has asked already, defaulting to No.) Returns the exposures found.
 */
export async function assertProfilesPrivate(
  ctx: Pick<Context, 'env' | 'home' | 'mode' | 'options'>,
  files: string[],
  /** Only recommend the keychain where there is one (resolved lazily: it may spawn a helper). */
  keychainHere: () => Promise<boolean> = async () => true,
): Promise<ProfileExposure[]> {
  const exposed = (await Promise.all(files.map((f) => profileExposure(f, ctx.env)))).filter((e): e is ProfileExposure => e !== undefined);
  if (exposed.length && !ctx.mode.interactive && !ctx.options.yes) {
    const instead = (await keychainHere()) ? 'Use --save keychain instead (encrypted; the profile then only reads it), or add' : 'There is no keychain here: save to the project .env instead (--save env), or add';
    throw new StorageError(`${exposed.map((e) => describeExposure(e, ctx.home)).join(' ')} Nothing was written. ${instead} --yes to write the key there anyway.`);
  }
  return exposed;
}
