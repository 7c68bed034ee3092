// The readers src/key/sources.ts uses to find a stored key: nothing when nothing was saved, and the
// saved key with a source that names where it came from.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainKeySource, readEnvFileKey, readShellBlockKey, shellBlockKeySource } from '../../../src/store/readers.js';
import { saveKey } from '../../../src/store/save.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(91);

describe('stored-key readers', () => {
  it('find nothing on a fresh machine (and never throw)', async () => {
    const ctx = storeContext({ options: { shell: 'zsh' } });
    expect(await readEnvFileKey(ctx)).toBeUndefined();
    expect(await readShellBlockKey(ctx)).toBeUndefined();
    expect(await shellBlockKeySource(ctx)).toBeUndefined();
    // No D-Bus session in the test environment: no keychain, no error.
    expect(await keychainKeySource(ctx)).toBeUndefined();
  });

  it('return the saved key with the place it came from', async () => {
    const ctx = storeContext({ options: { shell: 'fish' } });
    await saveKey(ctx, KEY, ['env', 'shell']);
    expect(await readEnvFileKey(ctx)).toEqual({ value: KEY, file: join(ctx.cwd, '.env') });
    const file = join(ctx.home, '.config', 'fish', 'conf.d', 'openai-onboard.fish');
    expect(await shellBlockKeySource(ctx)).toEqual({ value: KEY, source: `shell:${file}` });
  });
});
