// Undoing exactly what openai-onboard wrote, from its own records: each record goes to the target
// that wrote it (src/store/targets/), and finally the config goes. Anything else, even another
// OPENAI_API_KEY line, is left alone.
import { rmdir } from 'node:fs/promises';
import type { Context } from '../context.js';
import type { SavedEntry } from './config-store.js';
import { findTarget, type Registry } from './targets/index.js';
import type { UndoOutcome } from './targets/target.js';

export type { UndoOutcome } from './targets/target.js';

export function describeEntry(e: SavedEntry, registry?: Registry): string {
  return findTarget(e.target, registry)?.describe(e) ?? `a record of kind "${String(e.target)}" for ${e.location}`;
}

export async function undoEntry(ctx: Pick<Context, 'env' | 'platform'>, e: SavedEntry, registry?: Registry): Promise<UndoOutcome> {
  const target = findTarget(e.target, registry);
  if (target) return target.undo(ctx, e);
  // A target this version does not know (a record written by a newer openai-onboard) is nobody's to
  // remove here: leave it, and say why, instead of guessing (it is not a keychain entry).
  return { target: e.target, location: e.location, outcome: 'kept', detail: `unknown kind of record "${String(e.target)}" (written by a newer openai-onboard?); left as is` };
}

/** Removes config.json and, when empty, the config directory. False when the store kept it (it warned why). */
export async function removeConfig(ctx: Pick<Context, 'config'>): Promise<boolean> {
  if (!(await ctx.config.remove())) return false;
  await rmdir(ctx.config.dir).catch(() => {});
  return true;
}
