// The `keychain` target: the operating system's secret store (src/store/keychain.ts), plus a block in
// the shell profile that reads it at shell start, so new terminals get OPENAI_API_KEY without the
// key ever being written to a file.
import { StorageError } from '../../errors.js';
import { keychainDelete, keychainDescription, keychainInfo, keychainRead, keychainStore } from '../keychain.js';
import { readKeychainKey } from '../readers.js';
import { detectShell, profileFiles, tildify } from '../shell-paths.js';
import type { Found } from '../status-sources.js';
import { plainBlockKeyOf, saveShellBlock } from './shell.js';
import type { SaveTarget } from './target.js';

export const keychainTarget: SaveTarget<'keychain'> = {
  id: 'keychain',
  subject: 'A keychain is',
  async offer(ctx) {
    const info = await keychainInfo(ctx);
    const files = profileFiles(detectShell(ctx), ctx).map((f) => tildify(f, ctx.home)).join(' and ');
    return { label: `${info.label} (encrypted; ${files} reads it at shell start)`, available: info.available, rank: 20, ...(info.why ? { why: info.why } : {}) };
  },
  where: () => 'the system keychain',
  // Saving here also turns openai-onboard's shell block into a keychain lookup, so the key it replaces
  // may be in that block rather than in the keychain: name both.
  holder: () => "The keychain (or openai-onboard's shell block, which now reads it)",
  async save(run) {
    const info = await keychainInfo(run.ctx);
    if (!info.available || !info.backend) {
      throw new StorageError(`No keychain is available here: ${info.why ?? 'unknown reason'}. Choose "env" or "shell" instead.`);
    }
    await keychainStore(run.ctx, info.backend, run.key);
    const location = keychainDescription(info.backend);
    run.entries.push({ target: 'keychain', location, keychain: info.backend, ...run.base });
    const stored = (await keychainRead(run.ctx, info.backend)) === run.key;
    const shell = await saveShellBlock(run, { kind: 'keychain', backend: info.backend });
    const notes = [`Stored in ${location}.`, ...shell.notes];
    // The key is saved once the keychain returns it; a profile block that does not run is a warning.
    const warnings = [...(shell.error ? [`The profile block was ${shell.error}.`] : []), ...(shell.warnings ?? [])];
    const error = stored ? undefined : `stored, but reading the key back from ${info.label} did not return it`;
    return { target: 'keychain', location, verified: stored && shell.verified, notes, warnings, ...(error ? { error } : {}) };
  },
  // This target also rewrites openai-onboard's shell block (to read the keychain), so a key written
  // in that block is replaced too.
  stored: async (ctx) => (await readKeychainKey(ctx)) ?? (await plainBlockKeyOf(ctx)),
  describe: (e) => `the keychain entry ${e.location}`,
  async undo(ctx, e) {
    const base = { target: e.target, location: e.location };
    // "Already gone" needs an answer from the keychain: without one (no D-Bus session, a locked
    // keyring, no helper) the entry may well still be there.
    const info = await keychainInfo(ctx);
    const backend = e.keychain ?? info.backend;
    if (!info.available || !backend) {
      return { ...base, outcome: 'unreachable', detail: `could not reach the keychain (${info.why ?? 'none here'}); the entry may still be there` };
    }
    const removed = await keychainDelete(ctx, backend);
    return { ...base, outcome: removed ? 'removed' : 'absent', detail: removed ? 'removed the keychain entry' : 'the keychain entry is already gone' };
  },
  /** openai-onboard's entry; one that cannot be read here is reported (status keeps it only where a key is expected). */
  async find(ctx, config) {
    const recorded = config.saved.find((e) => e.target === 'keychain');
    const unreadable = (label: string, why: string): Found[] => [
      { id: 'keychain', kind: 'keychain', label, location: recorded?.location ?? label, writtenByOnboard: Boolean(recorded), unreadable: why, holds: 'keychain', note: `not readable here (${why})` },
    ];
    try {
      const info = await keychainInfo(ctx);
      if (!info.available || !info.backend) return unreadable(info.label, info.why ?? 'no keychain');
      const value = await keychainRead(ctx, info.backend);
      return value === undefined ? [] : [{ id: 'keychain', kind: 'keychain', label: info.label, location: keychainDescription(info.backend), writtenByOnboard: true, value }];
    } catch (error) {
      return unreadable('the system keychain', error instanceof Error ? error.message : String(error));
    }
  },
};
