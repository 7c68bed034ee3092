// Which shell the user runs and which files it reads at start. Pure functions of the Context's
// env, home and platform, so tests state any machine.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Context } from '../context.js';
import { zshDotDir } from './shell-zdotdir.js';

export const SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export type ShellName = (typeof SHELLS)[number];

type Where = Pick<Context, 'env' | 'home' | 'platform'>;

/** --shell, else $SHELL's name, else PowerShell on Windows and bash elsewhere. */
export function detectShell(ctx: Where & { options: { shell?: ShellName } }): ShellName {
  if (ctx.options.shell) return ctx.options.shell;
  const name = basename(ctx.env.SHELL ?? '').replace(/\.exe$/i, '');
  if (name === 'bash' || name === 'zsh' || name === 'fish') return name;
  if (name === 'pwsh' || name === 'powershell') return 'pwsh';
  return ctx.platform === 'win32' ? 'pwsh' : 'bash';
}

const configHome = (ctx: Where) => ctx.env.XDG_CONFIG_HOME || join(ctx.home, '.config');
const zdotdir = (ctx: Where) => zshDotDir(ctx);

/**
 * bash on macOS: Terminal starts login shells, and a login bash reads only the first existing of
 * these. Creating ~/.bash_profile next to an existing ~/.profile would make bash stop reading it.
 */
export function bashLoginFile(ctx: Where): string {
  const candidates = ['.bash_profile', '.bash_login', '.profile'].map((f) => join(ctx.home, f));
  return candidates.find((f) => existsSync(f)) ?? candidates[0]!;
}

/** The files openai-onboard writes its block into for a shell. */
export function profileFiles(shell: ShellName, ctx: Where): string[] {
  switch (shell) {
    case 'bash':
      // macOS terminals start login shells, which read ~/.bash_profile and not ~/.bashrc.
      return ctx.platform === 'darwin' ? [join(ctx.home, '.bashrc'), bashLoginFile(ctx)] : [join(ctx.home, '.bashrc')];
    case 'zsh':
      return [join(zdotdir(ctx), '.zshrc')];
    case 'fish':
      // A file of our own in conf.d: fish reads it at every start, and config.fish stays untouched.
      return [join(configHome(ctx), 'fish', 'conf.d', 'openai-onboard.fish')];
    case 'pwsh':
      return [pwshProfile(ctx)];
  }
}

/** $PROFILE (CurrentUserCurrentHost) of PowerShell 7. */
export function pwshProfile(ctx: Where): string {
  if (ctx.platform === 'win32') return join(ctx.home, 'Documents', 'PowerShell', 'Microsoft.PowerShell_profile.ps1');
  return join(configHome(ctx), 'powershell', 'Microsoft.PowerShell_profile.ps1');
}

/** Every startup file a shell may read, in reading order, for `status` to scan. */
export function startupFiles(shell: ShellName, ctx: Where): string[] {
  switch (shell) {
    case 'bash':
      return ['.bash_profile', '.bash_login', '.profile', '.bashrc'].map((f) => join(ctx.home, f));
    case 'zsh':
      // .zshenv comes from the ZDOTDIR zsh starts with; it may move the others (see shell-zdotdir.ts).
      return [join(ctx.env.ZDOTDIR || ctx.home, '.zshenv'), ...['.zprofile', '.zshrc', '.zlogin'].map((f) => join(zdotdir(ctx), f))];
    case 'fish':
      // conf.d files are listed by the scanner (a directory); config.fish is read after them.
      return [join(configHome(ctx), 'fish', 'config.fish')];
    case 'pwsh':
      return ctx.platform === 'win32'
        ? [pwshProfile(ctx), join(ctx.home, 'Documents', 'WindowsPowerShell', 'Microsoft.PowerShell_profile.ps1')]
        : [pwshProfile(ctx)];
  }
}

export const fishConfDir = (ctx: Where) => join(configHome(ctx), 'fish', 'conf.d');
/** Universal variables (`set -Ux`) live here. */
export const fishVariablesFile = (ctx: Where) => join(configHome(ctx), 'fish', 'fish_variables');

/** `~/.bashrc` instead of the full path, for messages. */
export function tildify(path: string, home: string): string {
  return path === home || path.startsWith(`${home}/`) || path.startsWith(`${home}\\`) ? `~${path.slice(home.length)}` : path;
}
