// The .env that git tracks: a key written there gets committed and pushed. Interactive runs warn
// and ask, with "No" as the default and untracking (`git rm --cached`) as the recommended answer;
// non-interactive runs refuse unless --yes.
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { envFilePath } from '../store/env-file.js';
import { untrack } from '../store/git-untrack.js';
import { tildify } from '../store/shell-paths.js';

type TrackedChoice = 'untrack' | 'skip' | 'anyway';

/** True when the key may be written into the tracked .env (after untracking it, or anyway). */
export async function trackedEnvAllowed(ctx: Context, ask: boolean): Promise<boolean> {
  const path = envFilePath(ctx);
  const name = tildify(path, ctx.home);
  const untrackCmd = `git rm --cached ${path.split(/[\\/]/).pop()}`;
  if (!ctx.mode.interactive && !ctx.options.yes) {
    throw new StorageError(
      `${name} is tracked by git: a key written there would be committed and pushed with it. Nothing was written.`,
      `Untrack it first (${untrackCmd}, then add it to .gitignore), save elsewhere (--save keychain), or add --yes to write it anyway.`,
    );
  }
  ctx.io.err(ctx.io.c.yellow(`Warning: ${name} is tracked by git: a key written there would be committed and pushed with it.`));
  if (!ask) return true;
  const choice = await ctx.prompter.select<TrackedChoice>(
    `Write the key into ${name}?`,
    [
      { value: 'untrack', name: `Untrack it first (${untrackCmd}, add it to .gitignore), then save (recommended)` },
      { value: 'skip', name: `No, do not write it into ${name}` },
      { value: 'anyway', name: 'Yes, write it into the tracked file (it will be committed)' },
    ],
    // Writing a secret into a committed file is never what Enter should do.
    { default: 'skip' },
  );
  if (choice === 'skip') return false;
  if (choice === 'untrack') {
    await untrack(path, ctx.env);
    ctx.io.err(`${ctx.io.c.green('✔')} ${name} is no longer tracked (the file itself is kept; commit the change so the next push removes it from the repository).`);
  }
  return true;
}
