// The keychain target against a real Secret Service (gnome-keyring on a private D-Bus bus) when it can
// start here, plus the failure paths: no D-Bus session, and a keychain that never answers.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_TIMEOUT_MS, keychainInfo, keychainRead } from '../../../src/store/keychain.js';
import { readKeychainKey, readShellBlockKey } from '../../../src/store/readers.js';
import { availableTargets, saveKey } from '../../../src/store/save.js';
import { undoEntry } from '../../../src/store/unsave.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { startTestKeyring } from './secret-service.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(21);
const started = await startTestKeyring();
// .ci/run installs the keyring tools, so in CI a keyring that cannot start is a failure, not a skip.
if (!started.keyring && process.env.CI) throw new Error(`the test Secret Service did not start in CI: ${started.why}`);
if (!started.keyring) console.warn(`Secret Service tests skipped: ${started.why}`);
afterAll(() => started.keyring?.stop());

/** A directory with a `secret-tool` that logs its argv and then runs the real one. */
function recordingSecretTool(root: string): { dir: string; log: string } {
  const dir = join(root, 'shim');
  mkdirSync(dir);
  const log = join(root, 'argv.log');
  const real = spawnSync('sh', ['-c', 'command -v secret-tool'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(dir, 'secret-tool'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
  chmodSync(join(dir, 'secret-tool'), 0o755);
  return { dir, log };
}

describe.skipIf(!started.keyring)('Secret Service (real gnome-keyring)', () => {
  const context = () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    const shim = recordingSecretTool(ctx.root);
    ctx.env = { ...started.keyring!.env, HOME: ctx.home, PATH: `${shim.dir}:${started.keyring!.env.PATH}` };
    return { ctx, shim };
  };

  it('stores the key, the profile block reads it at shell start, and the key is in no file or argv', async () => {
    const { ctx, shim } = context();
    expect(await keychainInfo(ctx)).toMatchObject({ available: true, backend: 'secret-service' });
    expect((await availableTargets(ctx)).find((t) => t.target === 'keychain')).toMatchObject({ available: true });

    const reports = await saveKey(ctx, KEY, ['keychain', 'shell']);
    expect(reports.map((r) => [r.target, r.verified, r.error])).toEqual([
      ['keychain', true, undefined],
      ['shell', true, undefined],
    ]);
    expect(await keychainRead(ctx, 'secret-service')).toBe(KEY);
    expect(await readKeychainKey(ctx)).toBe(KEY);
    expect(await readShellBlockKey(ctx)).toEqual({ value: KEY, file: join(ctx.home, '.bashrc') });
    const bashrc = readFileSync(join(ctx.home, '.bashrc'), 'utf8');
    expect(bashrc).toContain('secret-tool lookup service openai-onboard account OPENAI_API_KEY');
    expect(bashrc).not.toContain(KEY);
    const log = readFileSync(shim.log, 'utf8');
    expect(log).toContain('store --label=');
    expect(log).not.toContain(KEY);
    expect(readFileSync(ctx.config.path, 'utf8')).not.toContain(KEY);

    // reset's undo removes the entry.
    const entry = (await ctx.config.read()).saved.find((e) => e.target === 'keychain')!;
    expect(await undoEntry(ctx, entry)).toMatchObject({ outcome: 'removed' });
    expect(await keychainRead(ctx, 'secret-service')).toBeUndefined();
  });
});

describe('keychain unavailable or stuck', () => {
  it('without a D-Bus session it says so and the other targets stay offered', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    const info = await keychainInfo(ctx);
    expect(info.available).toBe(false);
    expect(info.why).toMatch(/D-Bus|secret-tool is not installed/);
    const targets = await availableTargets(ctx);
    expect(targets.filter((t) => t.available).map((t) => t.target)).toEqual(['env', 'shell']);
    const [report] = await saveKey(ctx, KEY, ['keychain']);
    expect(report!.error).toMatch(/No keychain is available here/);
    expect((await ctx.config.read()).saved).toEqual([]);
  });

  it(`a keychain that never answers is killed after ${KEYCHAIN_TIMEOUT_MS / 1000} s`, async () => {
    const ctx = storeContext();
    const dir = join(ctx.root, 'bin');
    mkdirSync(dir);
    const pidFile = join(ctx.root, 'pid');
    writeFileSync(join(dir, 'secret-tool'), `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 60\n`);
    chmodSync(join(dir, 'secret-tool'), 0o755);
    ctx.env = { PATH: `${dir}:${process.env.PATH}`, HOME: ctx.home, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const started = Date.now();
    const info = await keychainInfo(ctx);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(info).toMatchObject({ available: false });
    expect(info.why).toMatch(/did not answer within 3 s/);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
