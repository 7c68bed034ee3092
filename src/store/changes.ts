// What this run changed on disk, in order, so that a cancelled run can say what was and was not
// saved ("Cancelled. The key was saved to ./.env; nothing else was changed.") instead of a blanket
// "Nothing was saved". Every file edit through src/store/atomic-write.ts is noted here.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { tildify } from './shell-paths.js';

/** `key`: a file that holds (or held) the key; `other`: a side edit, such as the .gitignore line. */
export type ChangeKind = 'key' | 'other';

const changed = new Map<string, ChangeKind>();

export function noteChanged(path: string, kind: ChangeKind = 'key'): void {
  const full = resolve(path);
  if (changed.get(full) !== 'key') changed.set(full, kind);
}

/** The files changed so far in this process, first change first. */
export function changedFiles(): readonly string[] {
  return [...changed.keys()];
}

/** For tests, which run many commands in one process. */
export function forgetChanges(): void {
  changed.clear();
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** `./.env` inside the working directory, `~/.bashrc` under home, else the full path. */
function shown(path: string, cwd: string, home: string): string {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return `./${rel}`;
  return tildify(path, home);
}

/**
 * The one line a cancelled wizard or reset prints: the files this run changed (except its own config
 * store, which only holds progress) and `extra` places that are not files (a keychain entry).
 */
export function cancelledMessage(action: 'save' | 'reset', ctx: { cwd: string; home: string; configDir: string }, extra: readonly string[] = []): string {
  const ours = (p: string) => p === ctx.configDir || p.startsWith(`${ctx.configDir}${sep}`);
  const of = (kind: ChangeKind) => [...changed].filter(([p, k]) => k === kind && !ours(p)).map(([p]) => shown(p, ctx.cwd, ctx.home));
  return cancelledLine(action, [...of('key'), ...extra.filter((e) => !isAbsolute(e))], of('other'));
}

/** The one line a cancelled command prints. Places are already shown the way the user reads them. */
export function cancelledLine(action: 'save' | 'reset', places: string[], sideEdits: string[] = []): string {
  const also = sideEdits.length ? `, and ${list(sideEdits)} was updated` : '';
  if (places.length === 0 && sideEdits.length === 0) return action === 'save' ? 'Cancelled. Nothing was saved.' : 'Cancelled. Nothing was removed.';
  if (places.length === 0) return `Cancelled. Only ${list(sideEdits)} was updated; nothing else was changed.`;
  return action === 'save'
    ? `Cancelled. The key was saved to ${list(places)}${also}; nothing else was changed.`
    : `Cancelled. Already changed: ${list(places)}${also}; nothing else was removed.`;
}
