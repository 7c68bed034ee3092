// Undoing exactly what openai-onboard wrote, from its own records: the key line it wrote in a .env
// (only while it still holds that key), its shell-profile blocks and their backups, its keychain
// entry, and finally its config. Anything else, even another OPENAI_API_KEY line, is left alone.
import { access, rm, rmdir, unlink } from 'node:fs/promises';
import type { Context } from '../context.js';
import { fingerprint } from '../key/mask.js';
import { writeFileAtomic } from './atomic-write.js';
import type { SavedEntry } from './config-store.js';
import { removeEnvKey } from './dotenv-edit.js';
import { keychainDelete, keychainInfo } from './keychain.js';
import { readBytesIfExists, removeBlockFrom, resolveTarget } from './shell-profile.js';

export interface UndoOutcome {
  target: SavedEntry['target'];
  location: string;
  /** unreachable: the keychain could not be asked (no D-Bus session, locked): we cannot know. */
  outcome: 'removed' | 'kept' | 'absent' | 'unreachable';
  detail: string;
}

export function describeEntry(e: SavedEntry): string {
  if (e.target === 'env') return `the OPENAI_API_KEY line (${e.masked}) in ${e.location}`;
  if (e.target === 'keychain') return `the keychain entry ${e.location}`;
  const what = e.variant === 'keychain' ? 'the block that reads the keychain' : `the block with the key (${e.masked})`;
  return `${what} in ${e.location}${e.backup ? `, and its backup ${e.backup}` : ''}`;
}

export async function undoEntry(ctx: Pick<Context, 'env' | 'platform'>, e: SavedEntry): Promise<UndoOutcome> {
  const base = { target: e.target, location: e.location };
  if (e.target === 'env') {
    const path = await resolveTarget(e.location);
    // As bytes (latin1): the lines around the key line may be in any encoding, and stay as they were.
    const text = await readBytesIfExists(path);
    if (text === undefined) return { ...base, outcome: 'absent', detail: 'the file no longer exists' };
    const r = removeEnvKey(text, (value) => fingerprint(value) === e.fingerprint);
    if (r.removed === 0) {
      return r.kept > 0
        ? { ...base, outcome: 'kept', detail: `its OPENAI_API_KEY now holds a different key than the one openai-onboard wrote (${e.masked}); left as is` }
        : { ...base, outcome: 'absent', detail: 'the line is already gone' };
    }
    if (e.created && r.content.trim() === '') {
      await unlink(path);
      return { ...base, outcome: 'removed', detail: 'removed the file (openai-onboard created it and nothing else is in it)' };
    }
    await writeFileAtomic(path, Buffer.from(r.content, 'latin1'));
    return { ...base, outcome: 'removed', detail: 'removed the OPENAI_API_KEY line; the rest of the file is unchanged' };
  }
  if (e.target === 'shell') return undoShellBlock(e);
  // A target this version does not know (a record written by a newer openai-onboard) is not a keychain
  // entry: leave it, and say why, instead of deleting whatever the keychain holds.
  if ((e.target as string) !== 'keychain') return { ...base, outcome: 'kept', detail: `unknown kind of record "${String(e.target)}" (written by a newer openai-onboard?); left as is` };
  // "Already gone" needs an answer from the keychain: without one (no D-Bus session, a locked
  // keyring, no helper) the entry may well still be there.
  const info = await keychainInfo(ctx);
  const backend = e.keychain ?? info.backend;
  if (!info.available || !backend) {
    return { ...base, outcome: 'unreachable', detail: `could not reach the keychain (${info.why ?? 'none here'}); the entry may still be there` };
  }
  const removed = await keychainDelete(ctx, backend);
  return { ...base, outcome: removed ? 'removed' : 'absent', detail: removed ? 'removed the keychain entry' : 'the keychain entry is already gone' };
}

/**
 * The block goes; its backup goes only once the file is back to exactly the backup's bytes. If the
 * file changed since our first edit, the backup may hold the only copy of something: it stays.
 */
async function undoShellBlock(e: SavedEntry): Promise<UndoOutcome> {
  const base = { target: e.target, location: e.location };
  const r = await removeBlockFrom(e.location, Boolean(e.created), e.backup);
  const backupExists = e.backup !== undefined && (await access(e.backup).then(() => true, () => false));
  let backupNote = '';
  if (backupExists && (r.matchesBackup || r.deletedFile)) {
    await rm(e.backup!, { force: true });
    backupNote = ' and its backup';
  } else if (backupExists) {
    backupNote = `; kept its backup ${e.backup} because the file changed since openai-onboard first edited it (compare them, then delete the backup)`;
  }
  if (!r.removed) return { ...base, outcome: 'absent', detail: `the block is already gone${backupNote.startsWith(' and') ? '; removed its backup' : backupNote}` };
  if (r.deletedFile) return { ...base, outcome: 'removed', detail: `removed the file${backupNote} (openai-onboard created it)` };
  return { ...base, outcome: 'removed', detail: `removed the openai-onboard block${backupNote}` };
}

/** Removes config.json and, when empty, the config directory. False when the store kept it (it warned why). */
export async function removeConfig(ctx: Pick<Context, 'config'>): Promise<boolean> {
  if (!(await ctx.config.remove())) return false;
  await rmdir(ctx.config.dir).catch(() => {});
  return true;
}
