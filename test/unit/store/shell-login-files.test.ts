// Which file a shell really reads: on macOS a login bash reads only the first existing of
// ~/.bash_profile, ~/.bash_login, ~/.profile (issue 9 §5); zsh reads .zshrc from the ZDOTDIR that
// ~/.zshenv may set (repro reliability/16).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveKey } from '../../../src/store/save.js';
import { profileFiles, startupFiles } from '../../../src/store/shell-paths.js';
import { expandZdotdir } from '../../../src/store/shell-zdotdir.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(72);
const hasZsh = spawnSync('zsh', ['-c', 'exit 0']).status === 0;

describe('macOS bash login file', () => {
  it.each([
    [['.profile'], '.profile'],
    [['.bash_login', '.profile'], '.bash_login'],
    [['.bash_profile', '.bash_login', '.profile'], '.bash_profile'],
    [[], '.bash_profile'],
  ])('with %j present, the block goes to %s', (present, chosen) => {
    const ctx = storeContext({ platform: 'darwin' });
    for (const f of present) writeFileSync(join(ctx.home, f), '# theirs\n');
    expect(profileFiles('bash', ctx)).toEqual([join(ctx.home, '.bashrc'), join(ctx.home, chosen)]);
  });

  it('an existing ~/.profile (Homebrew, cargo PATH lines) gets the block, and no ~/.bash_profile appears to hide it', async () => {
    const ctx = storeContext({ platform: 'darwin', options: { shell: 'bash' } });
    const profile = 'eval "$(/opt/homebrew/bin/brew shellenv)"\n. "$HOME/.cargo/env"\n';
    writeFileSync(join(ctx.home, '.profile'), profile);
    await saveKey(ctx, KEY, ['shell']);
    expect(existsSync(join(ctx.home, '.bash_profile'))).toBe(false);
    expect(readFileSync(join(ctx.home, '.profile'), 'utf8').startsWith(profile)).toBe(true);
    expect(readFileSync(join(ctx.home, '.profile'), 'utf8')).toContain(KEY);
  });
});

describe('zsh ZDOTDIR', () => {
  it('expands the usual ways of writing it, and gives up on computed ones', () => {
    const where = { home: '/h', env: { XDG_CONFIG_HOME: '/x' } };
    expect(expandZdotdir('"$HOME/.config/zsh"', where)).toBe('/h/.config/zsh');
    expect(expandZdotdir('~/.zsh', where)).toBe('/h/.zsh');
    expect(expandZdotdir('${XDG_CONFIG_HOME:-$HOME/.config}/zsh', where)).toBe('/x/zsh');
    expect(expandZdotdir('${XDG_CONFIG_HOME:-$HOME/.config}/zsh', { home: '/h', env: {} })).toBe('/h/.config/zsh');
    expect(expandZdotdir("'/opt/zsh' # mine", where)).toBe('/opt/zsh');
    expect(expandZdotdir('"$(compute)"', where)).toBeUndefined();
  });

  it.skipIf(!hasZsh)('ZDOTDIR set in ~/.zshenv: the block goes to $ZDOTDIR/.zshrc, and a new zsh sees the key', async () => {
    const ctx = storeContext({ options: { shell: 'zsh' } });
    writeFileSync(join(ctx.home, '.zshenv'), 'export ZDOTDIR="$HOME/.config/zsh"\n');
    mkdirSync(join(ctx.home, '.config', 'zsh'), { recursive: true });
    const zshrc = join(ctx.home, '.config', 'zsh', '.zshrc');
    expect(profileFiles('zsh', ctx)).toEqual([zshrc]);
    expect(startupFiles('zsh', ctx)).toEqual([join(ctx.home, '.zshenv'), ...['.zprofile', '.zshrc', '.zlogin'].map((f) => join(ctx.home, '.config', 'zsh', f))]);
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.error).toBeUndefined();
    expect(report!.verified).toBe(true);
    expect(readFileSync(zshrc, 'utf8')).toContain(KEY);
    expect(existsSync(join(ctx.home, '.zshrc'))).toBe(false);
  });
});
