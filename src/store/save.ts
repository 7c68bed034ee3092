// Saving a checked key to the targets the user chose (src/store/targets/: .env, shell profile,
// keychain, …), each read back the way a consumer would, and recording what was written where (never
// the key) so that `status` and `reset` know. One failing target does not stop the others; its report
// says why. The registry is a parameter so tests can add a target of their own.
import type { Context } from '../context.js';
import { CancelledError, StorageError } from '../errors.js';
import { fingerprint, maskKey } from '../key/mask.js';
import { redact } from '../ui/redact.js';
import type { SavedEntry } from './config-store.js';
import { assertStorableKey } from './dotenv-edit.js';
import { askEach, type Registry, SAVE_TARGET_LIST, type StoreTarget } from './targets/index.js';
import type { SaveReport, SaveRun, SaveTarget, TargetOption } from './targets/target.js';

export type { SaveReport, TargetOption } from './targets/target.js';
export type { StoreTarget } from './targets/index.js';

/** What the steps use of the store; the Context carries it (ctx.store), so step tests pass a fake. */
export interface SaveStore {
  availableTargets(ctx: Context): Promise<TargetOption[]>;
  saveKey(ctx: Context, key: string, targets: StoreTarget[]): Promise<SaveReport[]>;
}

/** Which targets are offered, and which is pre-selected (the available one of highest rank), on this machine. */
export async function availableTargets(ctx: Context, registry: Registry = SAVE_TARGET_LIST): Promise<TargetOption[]> {
  const options = await askEach(registry, async (t, peer): Promise<TargetOption> => ({ target: t.id, ...(await t.offer(ctx, peer)) }));
  markRecommended(options);
  return options;
}

/** The available option of highest rank is pre-selected; none when no available option has a rank. */
export function markRecommended(options: TargetOption[]): void {
  const [best] = options.filter((o) => o.available && o.rank !== undefined).sort((a, b) => b.rank! - a.rank!);
  for (const o of options) o.recommended = o === best;
}

/**
 * Chosen targets in registry order, except that one another chosen target names in `after` saves
 * first (one level deep: the shell block that reads the keychain needs the keychain's report).
 */
function saveOrder(registry: Registry, chosen: ReadonlySet<string>): SaveTarget[] {
  const order = registry.filter((t) => chosen.has(t.id));
  const first = (t: SaveTarget) => order.some((o) => o.after?.includes(t.id));
  return [...order.filter(first), ...order.filter((t) => !first(t))];
}

export async function saveKey(ctx: Context, key: string, targets: StoreTarget[], registry: Registry = SAVE_TARGET_LIST): Promise<SaveReport[]> {
  assertStorableKey(key);
  const earlier = new Map<string, SaveReport>();
  const run: SaveRun = { ctx, key, chosen: new Set(targets), earlier, entries: [], base: { masked: maskKey(key), fingerprint: fingerprint(key), savedAt: ctx.clock.now().toISOString() } };
  const reports: SaveReport[] = [];
  for (const target of saveOrder(registry, run.chosen)) {
    const report = await attempt(target.id, target.where(ctx), () => target.save(run));
    earlier.set(target.id, report);
    reports.push(report);
  }
  await record(run);
  for (const r of reports) {
    for (const w of r.warnings ?? []) ctx.io.err(ctx.io.c.yellow(`Warning: ${w}`));
  }
  return reports;
}

/** The usual file-system refusals, in words a user acts on. */
const FILE_ERRORS: Record<string, string> = {
  EISDIR: 'that path is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of that path is a file, not a directory',
};

async function attempt(target: string, location: string, work: () => Promise<SaveReport>): Promise<SaveReport> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    const message = redact(error instanceof Error ? error.message : String(error));
    const plain = FILE_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    return { target, location, verified: false, notes: [], error: error instanceof StorageError ? message : plain ?? `Could not save: ${message}` };
  }
}

/** Records what was written where, replacing earlier records of the same place. */
async function record(run: SaveRun): Promise<void> {
  if (run.entries.length === 0) return;
  try {
    await run.ctx.config.update((config) => {
      for (const entry of run.entries) {
        const i = config.saved.findIndex((e) => e.target === entry.target && e.location === entry.location);
        const before = i === -1 ? undefined : config.saved[i];
        const merged: SavedEntry = {
          ...entry,
          // The first run's facts stay: we created the file, and the backup holds the state before us.
          created: Boolean(before?.created || entry.created),
          ...(before?.backup ?? entry.backup ? { backup: before?.backup ?? entry.backup } : {}),
        };
        if (i === -1) config.saved.push(merged);
        else config.saved[i] = merged;
      }
    });
  } catch (error) {
    run.ctx.io.err(run.ctx.io.c.yellow(`Warning: could not record the save in the config store (${redact(String(error))}); \`reset\` will not know about it.`));
  }
}
