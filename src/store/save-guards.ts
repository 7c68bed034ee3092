// What a save target already holds before we write to it: another key (which the user must see
// masked, and agree to replace) and, for a .env, whether git tracks the file (a key written there
// would be committed). Read-only: nothing here writes. The save step asks; saveKey writes.
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { fingerprint } from '../key/mask.js';
import { envFilePath } from './env-file.js';
import { findWorkTreeRoot, gitRoot, isTracked } from './git.js';
import { findTarget } from './targets/index.js';

export interface TargetFacts {
  /** A different key already stored there (kept in memory only; shown masked). */
  previous?: string;
  /** The previous key is one openai-onboard itself saved there: replacing it is the usual re-run. */
  previousIsOurs?: boolean;
  /** .env only: git tracks the file, so a key written there is committed with it. */
  tracked?: boolean;
}

export async function inspectTarget(ctx: Context, target: string, key: string): Promise<TargetFacts> {
  const previous = await storedKey(ctx, target).catch(() => undefined);
  const facts: TargetFacts = {};
  if (previous && previous !== key) {
    facts.previous = previous;
    const saved = (await ctx.config.read().catch(() => undefined))?.saved ?? [];
    facts.previousIsOurs = saved.some((e) => e.target === target && e.fingerprint === fingerprint(previous));
  }
  if (target === 'env') facts.tracked = await isTrackedEnvFile(ctx);
  return facts;
}

/** The key the target holds now, read the target's own way (see its `stored`). */
const storedKey = async (ctx: Context, target: string) => findTarget(target)?.stored(ctx);

export async function isTrackedEnvFile(ctx: Pick<Context, 'cwd' | 'options' | 'env'>): Promise<boolean> {
  const path = envFilePath(ctx);
  const exists = await access(path).then(() => true, () => false);
  if (!exists || !(await gitRoot(dirname(path), ctx.env))) return false;
  return isTracked(path, ctx.env);
}

/**
 * The .env a project's code loads. dotenv reads it from the directory the program starts in, which
 * for most projects is the work tree's root: in a subfolder without a .env of its own, that root's
 * .env is the one to propose (an explicit --env-file other than the default is respected).
 */
export async function proposedEnvFile(ctx: Pick<Context, 'cwd' | 'options' | 'env'>): Promise<string> {
  const here = envFilePath(ctx);
  if (ctx.options.envFile !== '.env') return here;
  if (await access(here).then(() => true, () => false)) return here;
  const root = await findWorkTreeRoot(ctx.cwd);
  return root && root !== resolve(ctx.cwd) ? join(root, '.env') : here;
}

/** The same context, writing the .env target at another path. */
export function withEnvFile<C extends Pick<Context, 'options'>>(ctx: C, path: string): C {
  return { ...ctx, options: { ...ctx.options, envFile: path } };
}
