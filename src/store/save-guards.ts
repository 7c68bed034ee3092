// What a save target already holds before we write to it: another key (which the user must see
// masked, and agree to replace) and, for a .env, whether git tracks the file (a key written there
// would be committed). Read-only: nothing here writes. The save step asks; saveKey writes.
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { fingerprint } from '../key/mask.js';
import { envFilePath, readDotenvKey } from './env-file.js';
import { gitRoot, isTracked } from './git.js';
import { readKeychainKey } from './readers.js';
import { plainBlockKey } from './shell-block.js';
import { detectShell, profileFiles } from './shell-paths.js';
import { readIfExists, resolveTarget } from './shell-profile.js';
import type { StoreTarget } from './save.js';

export interface TargetFacts {
  /** A different key already stored there (kept in memory only; shown masked). */
  previous?: string;
  /** The previous key is one openai-onboard itself saved there: replacing it is the usual re-run. */
  previousIsOurs?: boolean;
  /** .env only: git tracks the file, so a key written there is committed with it. */
  tracked?: boolean;
}

export async function inspectTarget(ctx: Context, target: StoreTarget, key: string): Promise<TargetFacts> {
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

async function storedKey(ctx: Context, target: StoreTarget): Promise<string | undefined> {
  if (target === 'env') return readDotenvKey(await resolveTarget(envFilePath(ctx)));
  // The keychain target also rewrites openai-onboard's shell block (to read the keychain), so a key
  // written in that block is replaced too.
  if (target === 'keychain') return (await readKeychainKey(ctx)) ?? (await plainBlockKeyOf(ctx));
  return plainBlockKeyOf(ctx);
}

/** The shell target rewrites openai-onboard's own block only; a key written in it is what it replaces. */
async function plainBlockKeyOf(ctx: Context): Promise<string | undefined> {
  for (const file of profileFiles(detectShell(ctx), ctx)) {
    const text = await readIfExists(await resolveTarget(file)).catch(() => undefined);
    const value = text ? plainBlockKey(text) : undefined;
    if (value) return value;
  }
  return undefined;
}

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
  const root = await gitRoot(ctx.cwd, ctx.env);
  return root && root !== ctx.cwd ? join(root, '.env') : here;
}

/** The same context, writing the .env target at another path. */
export function withEnvFile<C extends Pick<Context, 'options'>>(ctx: C, path: string): C {
  return { ...ctx, options: { ...ctx.options, envFile: path } };
}
