// The shell target for real: bash, zsh and fish are started the way a new terminal starts them and
// must see the key. File modes, backups and in-place replacement are checked on disk.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShellName } from '../../../src/options.js';
import { BLOCK_START } from '../../../src/store/shell-block.js';
import { readShellBlockKey } from '../../../src/store/readers.js';
import { saveKey } from '../../../src/store/save.js';
import { profileFiles } from '../../../src/store/shell-paths.js';
import { shellSees, sha256 } from '../../../src/store/shell-verify.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const installed = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const KEY = fakeKeys.project(11);
const NEWER = fakeKeys.project(12);

describe.each(['bash', 'zsh', 'fish'] as const)('%s profile', (shell: ShellName) => {
  // .ci/run installs all three; on a machine without one, say so instead of passing silently.
  it.skipIf(!installed(shell))(`a new ${shell} sees the saved key, and a second save replaces it in place`, async () => {
    const ctx = storeContext({ options: { shell } });
    const [file] = profileFiles(shell, ctx);
    const existing = shell === 'fish' ? undefined : `# the user's own settings\nexport EDITOR=vi\n`;
    if (existing) {
      writeFileSync(file!, existing, { mode: 0o640 });
      chmodSync(file!, 0o640);
    }
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report).toMatchObject({ target: 'shell', verified: true });
    expect(report!.error).toBeUndefined();
    expect(await shellSees(ctx, shell)).toEqual({ ran: true, sha256: sha256(KEY) });

    const text = readFileSync(file!, 'utf8');
    if (existing) {
      expect(text.startsWith(existing)).toBe(true);
      // The mode of an existing profile is kept; the backup is the file as it was.
      expect(statSync(file!).mode & 0o777).toBe(0o640);
      expect(readFileSync(`${file}.openai-onboard.bak`, 'utf8')).toBe(existing);
    } else {
      expect(statSync(file!).mode & 0o777).toBe(0o600);
    }

    const [again] = await saveKey(ctx, NEWER, ['shell']);
    expect(again!.verified).toBe(true);
    const after = readFileSync(file!, 'utf8');
    expect(after.split(BLOCK_START)).toHaveLength(2);
    expect(after).not.toContain(KEY);
    expect(await readShellBlockKey(ctx)).toEqual({ value: NEWER, file });
    // The backup still holds the state before the first change.
    if (existing) expect(readFileSync(`${file}.openai-onboard.bak`, 'utf8')).toBe(existing);

    const saved = (await ctx.config.read()).saved;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ target: 'shell', location: file, shell, variant: 'plain', created: !existing });
    expect(JSON.stringify(saved)).not.toContain(NEWER);
  });
});

describe('shell profile edge cases', () => {
  it.skipIf(!installed('bash'))('a later line in .bashrc that overrides the block makes the save fail, and says why', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.verified).toBe(true);
    writeFileSync(join(ctx.home, '.bashrc'), `${readFileSync(join(ctx.home, '.bashrc'), 'utf8')}export OPENAI_API_KEY=sk-other-0123456789\n`);
    const [second] = await saveKey(ctx, NEWER, ['shell']);
    expect(second!.verified).toBe(false);
    expect(second!.error).toMatch(/written, but a new bash sees a different key/);
    expect(JSON.stringify(second)).not.toContain(NEWER);
    // Recorded all the same: the key is in the file, and reset must be able to take it out.
    expect((await ctx.config.read()).saved).toHaveLength(1);
  });

  it.skipIf(!installed('zsh'))('zsh honours $ZDOTDIR', async () => {
    const ctx = storeContext({ options: { shell: 'zsh' } });
    const zdot = join(ctx.root, 'zdot');
    mkdirSync(zdot);
    ctx.env = { ...ctx.env, ZDOTDIR: zdot };
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.verified).toBe(true);
    expect(existsSync(join(zdot, '.zshrc'))).toBe(true);
    expect(existsSync(join(ctx.home, '.zshrc'))).toBe(false);
  });

  it('a symlinked profile stays a symlink; the file it points to gets the block', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    const real = join(ctx.root, 'dotfiles-bashrc');
    writeFileSync(real, 'alias g=git\n');
    symlinkSync(real, join(ctx.home, '.bashrc'));
    await saveKey(ctx, KEY, ['shell']);
    expect(readFileSync(real, 'utf8')).toContain(BLOCK_START);
    expect(spawnSync('test', ['-L', join(ctx.home, '.bashrc')]).status).toBe(0);
  });

  it('on macOS, bash gets the block in ~/.bashrc and in the login profile ~/.bash_profile', () => {
    const ctx = storeContext({ platform: 'darwin' });
    expect(profileFiles('bash', ctx)).toEqual([join(ctx.home, '.bashrc'), join(ctx.home, '.bash_profile')]);
    expect(profileFiles('pwsh', ctx)).toEqual([join(ctx.home, '.config', 'powershell', 'Microsoft.PowerShell_profile.ps1')]);
    expect(profileFiles('pwsh', storeContext({ platform: 'win32' }))[0]).toMatch(/Documents[/\\]PowerShell[/\\]Microsoft\.PowerShell_profile\.ps1$/);
  });
});
