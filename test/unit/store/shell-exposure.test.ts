// A profile that lives in a git repository (a stow-style dotfiles repo) must not silently receive
// the key: the next `git add -A` would stage it (repro reliability/01). Real git, real symlinks.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableTargets, saveKey } from '../../../src/store/save.js';
import { profileExposure } from '../../../src/store/shell-exposure.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(71);
const hasGit = spawnSync('git', ['--version']).status === 0;
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=n', ...args], { cwd, stdio: 'pipe' });

/** ~/.bashrc and ~/.config/fish linked into a dotfiles repository, as GNU stow does it. */
function dotfilesMachine(over: Parameters<typeof storeContext>[0] = {}) {
  const ctx = storeContext({ mode: { interactive: false, reason: 'flag' }, ...over });
  const repo = join(ctx.root, 'dotfiles');
  mkdirSync(join(repo, 'fish'), { recursive: true });
  writeFileSync(join(repo, '.bashrc'), 'alias ll="ls -l"\n');
  writeFileSync(join(repo, 'fish', 'config.fish'), 'set -gx EDITOR vim\n');
  git(repo, 'init', '-q', '.');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'init');
  symlinkSync(join(repo, '.bashrc'), join(ctx.home, '.bashrc'));
  mkdirSync(join(ctx.home, '.config'));
  symlinkSync(join(repo, 'fish'), join(ctx.home, '.config', 'fish'));
  return { ctx, repo };
}

describe.skipIf(!hasGit)('profiles in a git repository', () => {
  it('finds a tracked ~/.bashrc behind a symlink, and an untracked file under a linked ~/.config/fish', async () => {
    const { ctx, repo } = dotfilesMachine();
    expect(await profileExposure(join(ctx.home, '.bashrc'), ctx.env)).toMatchObject({ exposure: 'tracked', realPath: join(repo, '.bashrc'), repo });
    const fish = join(ctx.home, '.config', 'fish', 'conf.d', 'openai-onboard.fish');
    expect(await profileExposure(fish, ctx.env)).toMatchObject({ exposure: 'in-repo', realPath: join(repo, 'fish', 'conf.d', 'openai-onboard.fish') });
    // Ignored by the repository: nothing to fear from `git add -A`.
    writeFileSync(join(repo, '.gitignore'), 'conf.d/\n');
    expect(await profileExposure(fish, ctx.env)).toBeUndefined();
    // An ordinary profile outside any repository.
    expect(await profileExposure(join(ctx.root, 'elsewhere', '.zshrc'), ctx.env)).toBeUndefined();
  });

  it.each(['bash', 'fish'] as const)('a non-interactive --save shell (%s) refuses without --yes, writes nothing, and recommends the keychain', async (shell) => {
    const { ctx, repo } = dotfilesMachine({ options: { shell } });
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.error).toMatch(/git .* would be committed with your dotfiles/);
    // The keychain is recommended only where there is one; without a session bus, the project .env is.
    expect(report!.error).toMatch(/Use --save keychain instead|There is no keychain here: save to the project .env instead \(--save env\)/);
    expect(report!.error).toMatch(/--yes/);
    expect(readFileSync(join(repo, '.bashrc'), 'utf8')).toBe('alias ll="ls -l"\n');
    expect(existsSync(join(repo, 'fish', 'conf.d'))).toBe(false);
    expect(git(repo, 'status', '--porcelain').toString()).toBe('');
    expect((await ctx.config.read()).saved).toEqual([]);
  });

  it('with --yes it writes, and warns that the file is in a repository', async () => {
    const { ctx, repo } = dotfilesMachine({ options: { shell: 'bash', yes: true } });
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.error).toBeUndefined();
    expect(readFileSync(join(repo, '.bashrc'), 'utf8')).toContain(KEY);
    expect(report!.warnings?.join(' ')).toMatch(/is tracked by git .*Do not commit it/);
    expect(ctx.io.stderrText()).not.toContain(KEY);
  });

  it('the save step learns it before asking: the shell target carries the exposure', async () => {
    const { ctx } = dotfilesMachine({ options: { shell: 'bash' }, mode: { interactive: true } });
    const shell = (await availableTargets(ctx)).find((o) => o.target === 'shell')!;
    expect(shell.gitExposure).toEqual([expect.objectContaining({ exposure: 'tracked', file: join(ctx.home, '.bashrc') })]);
    expect(shell.exposure?.[0]).toContain('is tracked by git');
  });
});
