// The save-target registry is the one list: a target registered in it (here a test-only "vault")
// shows up in the --save option list and its error text, in the questions' offer, in saving (in its
// `after` order, seeing the earlier reports), in reset and in status, with no other file edited.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveListSchema } from '../../../src/options.js';
import type { SavedEntry } from '../../../src/store/config-store.js';
import { availableTargets, saveKey, type StoreTarget } from '../../../src/store/save.js';
import { findDefinitions } from '../../../src/store/status-sources.js';
import { SAVE_TARGET_LIST, TARGET_IDS, targetIds } from '../../../src/store/targets/index.js';
import type { SaveReport, SaveTarget } from '../../../src/store/targets/target.js';
import { describeEntry, undoEntry } from '../../../src/store/unsave.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(71);

function vaultTarget(log: string[]): SaveTarget {
  return {
    id: 'vault',
    subject: 'The vault is',
    after: ['env'],
    offer: async () => ({ label: 'the test vault', available: true, rank: 99 }),
    where: () => 'vault://test',
    holder: () => 'The vault',
    async save(run) {
      // It runs after env and sees env's report: the way the shell block learns about the keychain.
      log.push(`save vault after ${[...run.earlier.keys()].join(',')}`);
      return { target: 'vault', location: 'vault://test', verified: true, notes: [] };
    },
    stored: async () => undefined,
    describe: (e) => `the vault entry ${e.location}`,
    async undo(_ctx, e) {
      log.push(`undo ${e.location}`);
      return { target: e.target, location: e.location, outcome: 'removed', detail: 'removed from the vault' };
    },
    find: async () => [{ id: 'vault', kind: 'keychain', label: 'the test vault', location: 'vault://test', writtenByOnboard: true, value: KEY }],
  };
}

const vaultEntry = { target: 'vault', location: 'vault://test', masked: 'm', fingerprint: 'f', savedAt: 'now' } as unknown as SavedEntry;

describe('the save-target registry', () => {
  it('lists env, shell and keychain, in the order the questions offer them', () => {
    expect(TARGET_IDS).toEqual(['env', 'shell', 'keychain']);
  });

  it('keeps the light id list (ids.ts, used before the first prompt) equal to the registry', () => {
    expect(targetIds(SAVE_TARGET_LIST)).toEqual([...TARGET_IDS]);
  });

  it('a registered target is a valid --save value, and the error for a bad one lists it', () => {
    const registry = [...SAVE_TARGET_LIST, vaultTarget([])];
    const schema = saveListSchema(targetIds(registry));
    expect(schema.parse('env,vault')).toEqual(['env', 'vault']);
    const bad = schema.safeParse('vaults');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('unknown target "vaults" (use env, shell, keychain, vault or none)');
    // The real list does not know it.
    expect(saveListSchema(TARGET_IDS).safeParse('vault').success).toBe(false);
  });

  it('is offered, and pre-selected by its rank', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    const options = await availableTargets(ctx, [...SAVE_TARGET_LIST, vaultTarget([])]);
    expect(options.map((o) => o.target)).toEqual(['env', 'shell', 'keychain', 'vault']);
    expect(options.filter((o) => o.recommended).map((o) => o.target)).toEqual(['vault']);
  });

  it('saves after the targets it names in `after`, whatever the order asked', async () => {
    const log: string[] = [];
    const ctx = storeContext({ options: { shell: 'bash' } });
    const reports: SaveReport[] = await saveKey(ctx, KEY, ['vault', 'env'] as StoreTarget[], [vaultTarget(log), ...SAVE_TARGET_LIST]);
    expect(reports.map((r) => [r.target, r.error])).toEqual([['env', undefined], ['vault', undefined]]);
    expect(log).toEqual(['save vault after env']);
  });

  it('reset hands its records to it; without it registered, the record is left alone', async () => {
    const log: string[] = [];
    const ctx = storeContext();
    expect(describeEntry(vaultEntry, [vaultTarget(log)])).toBe('the vault entry vault://test');
    expect(await undoEntry(ctx, vaultEntry, [vaultTarget(log)])).toMatchObject({ outcome: 'removed' });
    expect(log).toEqual(['undo vault://test']);
    expect(await undoEntry(ctx, vaultEntry)).toMatchObject({ outcome: 'kept', detail: expect.stringContaining('unknown kind of record "vault"') });
  });

  it('status finds what it holds, next to the other targets', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    writeFileSync(join(ctx.cwd, '.env'), `OPENAI_API_KEY=${KEY}\n`);
    const found = await findDefinitions(ctx, { version: 1, saved: [] }, [...SAVE_TARGET_LIST, vaultTarget([])]);
    expect(found.map((f) => f.id)).toEqual([`dotenv:${join(ctx.cwd, '.env')}`, 'vault']);
  });
});
