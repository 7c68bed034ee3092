// The save targets, in the order the questions offer them (and `--help` lists them). A new target is
// one module in this folder plus one entry here and its id in ./ids.ts: the --save list and its check,
// the questions, saving, reset, status and the JSON Schemas all read these.
import { envTarget } from './env.js';
import { keychainTarget } from './keychain.js';
import { shellTarget } from './shell.js';
import type { Peer, SaveTarget } from './target.js';

export const SAVE_TARGET_LIST = [envTarget, shellTarget, keychainTarget] as const;

export type Registry = readonly SaveTarget[];
/** The ids, kept light in ./ids.ts for option parsing and the schemas (a test keeps both lists equal). */
export { TARGET_IDS, type StoreTarget } from './ids.js';

export const targetIds = (registry: Registry) => registry.map((t) => t.id);

export const findTarget = (id: string, registry: Registry = SAVE_TARGET_LIST): SaveTarget | undefined => registry.find((t) => t.id === id);

/**
 * Asks every target once, all at the same time; `peer(id)` lets one target wait for another's answer
 * (the shell's offer needs to know whether there is a keychain; its status, what the keychain holds).
 */
export function askEach<T>(registry: Registry, ask: (t: SaveTarget, peer: Peer<T>) => Promise<T>): Promise<T[]> {
  const asked: Record<string, Promise<T>> = {};
  const one = (t: SaveTarget): Promise<T> => (asked[t.id] ??= ask(t, peer));
  const peer: Peer<T> = async (id) => {
    const t = findTarget(id, registry);
    return t && one(t);
  };
  return Promise.all(registry.map(one));
}

export type { SaveReport, SaveTarget, TargetOption, UndoOutcome } from './target.js';
