// `reset`: removes exactly what openai-onboard wrote, after confirming, and nothing else.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReset } from '../../../src/commands/reset.js';
import { UsageError } from '../../../src/errors.js';
import { URLS } from '../../../src/platform/urls.js';
import { saveKey } from '../../../src/store/save.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { CANCEL, FakePrompter } from '../../fakes/fake-prompter.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(51);
const BASHRC = '# mine\nalias l=ls\n';

async function written(over: Parameters<typeof storeContext>[0] = {}) {
  const ctx = storeContext({ ...over, options: { shell: 'bash', ...over.options } });
  writeFileSync(join(ctx.home, '.bashrc'), BASHRC);
  writeFileSync(join(ctx.cwd, '.env'), 'DATABASE_URL=x\n');
  await saveKey(ctx, KEY, ['env', 'shell']);
  return ctx;
}

describe('reset', () => {
  it('with --yes removes the key line, the profile block and its backup, and the config; opens the API keys page', async () => {
    const ctx = await written({ options: { yes: true }, mode: { interactive: false, reason: 'flag' } });
    expect(await runReset(ctx)).toBe(0);
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toBe('DATABASE_URL=x\n');
    expect(readFileSync(join(ctx.home, '.bashrc'), 'utf8')).toBe(BASHRC);
    expect(existsSync(join(ctx.home, '.bashrc.openai-onboard.bak'))).toBe(false);
    expect(existsSync(ctx.config.path)).toBe(false);
    expect(ctx.browser.opened).toEqual([URLS.apiKeys]);
    expect(ctx.io.stderrText()).toMatch(/does not revoke the key/);
    expect(ctx.io.stdoutText() + ctx.io.stderrText()).not.toContain(KEY);
  });

  it('deletes a .env it created when nothing else is in it', async () => {
    const ctx = storeContext({ options: { yes: true, shell: 'bash' } });
    await saveKey(ctx, KEY, ['env']);
    await runReset(ctx);
    expect(existsSync(join(ctx.cwd, '.env'))).toBe(false);
  });

  it('leaves a key line that changed since it was written, and says why', async () => {
    const ctx = await written({ options: { yes: true, json: true } });
    writeFileSync(join(ctx.cwd, '.env'), `DATABASE_URL=x\nOPENAI_API_KEY=${fakeKeys.project(52)}\n`);
    await runReset(ctx);
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toContain('OPENAI_API_KEY=');
    const out = JSON.parse(ctx.io.stdoutText()) as { kept: Array<{ target: string; detail: string }>; removed: Array<{ target: string }>; exitCode: number };
    expect(out.kept).toEqual([expect.objectContaining({ target: 'env', detail: expect.stringMatching(/different key/) })]);
    expect(out.removed.map((r) => r.target)).toEqual(['shell']);
    expect(out.exitCode).toBe(0); // like every --json object, it names the exit code
  });

  it('asks first, and removes nothing when the answer is no', async () => {
    const ctx = await written({ prompter: new FakePrompter([{ kind: 'confirm', match: 'Remove all of these?', answer: false }]) });
    expect(await runReset(ctx)).toBe(0);
    ctx.prompter.assertDone();
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toContain(KEY);
    expect(existsSync(ctx.config.path)).toBe(true);
    expect(ctx.io.stderrText()).toContain('Nothing was removed');
    expect(ctx.browser.opened).toEqual([]);
  });

  it('in non-interactive mode without --yes it is a usage error naming --yes', async () => {
    const ctx = await written({ mode: { interactive: false, reason: 'ci' } });
    await expect(runReset(ctx)).rejects.toThrow(UsageError);
    await expect(runReset(ctx)).rejects.toMatchObject({ hint: expect.stringContaining('--yes') });
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toContain(KEY);
  });

  it('does not call an unreachable keychain entry "already gone": keeps its record and exits non-zero', async () => {
    // No D-Bus session in this environment: the Secret Service cannot be asked.
    const ctx = storeContext({ options: { yes: true, shell: 'bash' } });
    await saveKey(ctx, KEY, ['env']);
    const keychainEntry = { target: 'keychain' as const, location: 'the Secret Service (GNOME Keyring / KWallet): openai-onboard/OPENAI_API_KEY', keychain: 'secret-service' as const, masked: 'sk-proj-…x', fingerprint: 'abc', savedAt: '2026-11-20T09:30:00.000Z' };
    await ctx.config.update((c) => {
      c.saved.push(keychainEntry);
    });
    expect(await runReset(ctx)).toBe(1);
    const out = ctx.io.stdoutText();
    expect(out).not.toContain('already gone');
    expect(out).toMatch(/could not reach the keychain \(no D-Bus session bus/);
    expect(out).toMatch(/kept, with the record of what could not be removed/);
    expect(existsSync(join(ctx.cwd, '.env'))).toBe(false);
    // The keychain record stays for a later reset; the .env one is done.
    expect((await ctx.config.read()).saved).toEqual([keychainEntry]);
  });

  it('Ctrl-C at the confirmation says nothing was removed', async () => {
    const ctx = await written({ prompter: new FakePrompter([{ kind: 'confirm', match: 'Remove all of these?', answer: CANCEL }]) });
    await expect(runReset(ctx)).rejects.toThrow('Cancelled. Nothing was removed.');
    expect(readFileSync(join(ctx.cwd, '.env'), 'utf8')).toContain(KEY);
  });

  it('with nothing written, says so', async () => {
    const ctx = storeContext({ options: { yes: true } });
    expect(await runReset(ctx)).toBe(0);
    expect(ctx.io.stdoutText()).toMatch(/nothing to reset/);
  });
});

describe('a record of a kind this version does not know', () => {
  it('is left alone and listed as kept, never treated as a keychain entry', async () => {
    const { undoEntry } = await import('../../../src/store/unsave.js');
    const entry = { target: 'github', location: 'acme/web OPENAI_API_KEY', masked: 'm', fingerprint: 'f', savedAt: 'now' } as unknown as Parameters<typeof undoEntry>[1];
    const outcome = await undoEntry({ env: {}, platform: 'linux' }, entry);
    expect(outcome).toMatchObject({ outcome: 'kept', detail: expect.stringContaining('unknown kind of record "github"') });
  });
});

describe('reset gives a .env back byte for byte', () => {
  for (const [name, original] of [
    ['LF', 'A=1\nB=2'],
    ['CRLF', 'A=1\r\nB=2'],
  ] as const) {
    it(`restores a last line without a final newline (${name})`, async () => {
      const ctx = storeContext({ options: { yes: true, shell: 'bash' }, mode: { interactive: false, reason: 'flag' } });
      writeFileSync(join(ctx.cwd, '.env'), original);
      await saveKey(ctx, KEY, ['env']);
      expect(readFileSync(join(ctx.cwd, '.env'), 'latin1')).toContain('OPENAI_API_KEY=');
      await runReset(ctx);
      expect(readFileSync(join(ctx.cwd, '.env'), 'latin1')).toBe(original);
    });
  }
  it('keeps a final newline that was there', async () => {
    const ctx = storeContext({ options: { yes: true, shell: 'bash' }, mode: { interactive: false, reason: 'flag' } });
    writeFileSync(join(ctx.cwd, '.env'), 'A=1\n');
    await saveKey(ctx, KEY, ['env']);
    await runReset(ctx);
    expect(readFileSync(join(ctx.cwd, '.env'), 'latin1')).toBe('A=1\n');
  });
});
