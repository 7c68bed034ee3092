// Where zsh reads .zshrc from. zsh reads $ZDOTDIR/.zshenv first (ZDOTDIR defaults to HOME), and a
// ZDOTDIR set in that file moves every later startup file (.zprofile, .zshrc, .zlogin). Many
// setups do exactly that (`export ZDOTDIR="$HOME/.config/zsh"` in ~/.zshenv), so a block written
// to ~/.zshrc would never run. We read the assignment statically: starting zsh for it would run
// the user's code on every status.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Env } from '../platform/environment.js';

interface Where {
  env: Env;
  home: string;
}

const ASSIGNMENT = /^\s*(?:export\s+|typeset\s+-x\s+|declare\s+-x\s+)?ZDOTDIR=(.*)$/;

/** Expands the forms people write: quotes, ~, $HOME, ${HOME}, $XDG_CONFIG_HOME, ${VAR:-default}. */
export function expandZdotdir(raw: string, where: Where): string | undefined {
  let value = raw.replace(/\s+#.*$/, '').replace(/;\s*$/, '').trim();
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1);
  else if (/\s/.test(value)) return undefined;
  if (quote === "'") return isAbsolute(value) ? value : undefined;
  const vars: Record<string, string | undefined> = { ...where.env, HOME: where.home };
  const expanded = value
    .replace(/^~(?=\/|$)/, where.home)
    .replace(/\$\{(\w+):-([^}]*)\}/g, (_, name: string, fallback: string) => vars[name] || fallback.replace(/^~(?=\/|$)/, where.home).replace(/\$\{?HOME\}?/g, where.home))
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a?: string, b?: string) => vars[(a ?? b)!] ?? all);
  // Anything still computed ($(…), an unset variable) cannot be known without running zsh.
  if (/[$`]/.test(expanded) || !isAbsolute(expanded)) return undefined;
  return expanded;
}

/** The directory zsh reads .zshrc from for this user: $ZDOTDIR, or as .zshenv sets it, else HOME. */
export function zshDotDir(where: Where): string {
  const first = where.env.ZDOTDIR || where.home;
  let text: string;
  try {
    text = readFileSync(join(first, '.zshenv'), 'latin1');
  } catch {
    return first;
  }
  let dir = first;
  // The last assignment wins, as it would when zsh runs the file.
  for (const line of text.split(/\r?\n/)) {
    const m = ASSIGNMENT.exec(line);
    const value = m ? expandZdotdir(m[1]!, where) : undefined;
    if (value) dir = value;
  }
  return dir;
}
