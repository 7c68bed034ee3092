// A save is only a save when the consumer reads the key back (repro reliability/16): .env files
// whose key line Node's dotenv parser does not see as OPENAI_API_KEY get a line it does see.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { saveKey } from '../../../src/store/save.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(73);

describe('.env read-back', () => {
  it.each([
    ['a byte-order mark before the key line', '\uFEFFOPENAI_API_KEY=sk-old\nB=2\n'],
    ['`export  KEY` with two spaces', 'export  OPENAI_API_KEY=sk-old\nB=2\n'],
  ])('%s: the key lands where Node reads it, and the save is verified', async (_, before) => {
    const ctx = storeContext();
    const env = join(ctx.cwd, '.env');
    writeFileSync(env, before);
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(report!.error).toBeUndefined();
    expect(report!.verified).toBe(true);
    const after = readFileSync(env, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(parseEnv(after).OPENAI_API_KEY).toBe(KEY);
  });
});
