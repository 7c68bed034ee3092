// Opening platform pages. The URL is always printed first and stays on screen: a launch can fail
// silently (on a headless box xdg-open may "succeed" with a text browser), so we never rely on it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { IO } from '../ui/io.js';
import { type Env, hasDisplay, isSSH, isWSL } from './environment.js';

export type OpenOutcome = 'opened' | 'printed';

export interface BrowserOpener {
  /** Prints `label: url`, then tries to open it when allowed. */
  open(url: string, label?: string): Promise<OpenOutcome>;
}

export interface BrowserPolicy {
  enabled: boolean;
  reason?: string;
  /** How to launch: the user's $BROWSER, WSL's helpers, or the platform's own opener. */
  via?: 'env-browser' | 'wsl' | 'open';
}

/**
 * Whether and how to launch a browser. $BROWSER is the user's explicit choice and wins over the
 * SSH/display guesses; --no-browser and non-interactive mode always only print.
 */
export function browserPolicy(o: {
  flag: boolean;
  interactive: boolean;
  env: Env;
  platform: NodeJS.Platform;
  osRelease?: string;
}): BrowserPolicy {
  if (!o.flag) return { enabled: false, reason: '--no-browser' };
  if (!o.interactive) return { enabled: false, reason: 'non-interactive' };
  if (o.env.BROWSER) return { enabled: true, via: 'env-browser' };
  if (isSSH(o.env)) return { enabled: false, reason: 'SSH session' };
  if (isWSL(o.env, o.platform, o.osRelease)) return { enabled: true, via: 'wsl' };
  if (!hasDisplay(o.env, o.platform)) return { enabled: false, reason: 'no display' };
  return { enabled: true, via: 'open' };
}

function launchDetached(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * One $BROWSER entry as a command: "firefox", "firefox --new-tab", "open -a Safari %s", or a path to
 * an executable, which may contain spaces ("/Applications/Google Chrome.app/…") and is used whole.
 */
export function browserCommand(candidate: string, url: string, isFile: (path: string) => boolean = existsSync): [string, string[]] {
  if (!candidate.includes('%s') && isFile(candidate)) return [candidate, [url]];
  const [bin = '', ...args] = candidate.split(' ').filter(Boolean);
  if (!candidate.includes('%s')) return [bin, [...args, url]];
  return [bin, args.map((arg) => arg.replaceAll('%s', url))];
}

async function launch(url: string, policy: BrowserPolicy, env: Env, platform: NodeJS.Platform): Promise<boolean> {
  if (policy.via === 'env-browser') {
    // $BROWSER may be a list ("firefox:chromium") as in xdg-utils; the first one that starts wins.
    for (const candidate of (env.BROWSER ?? '').split(':').filter(Boolean)) {
      const [bin, args] = browserCommand(candidate, url);
      if (bin && (await launchDetached(bin, args))) return true;
    }
    return false;
  }
  if (policy.via === 'wsl') {
    if (await launchDetached('wslview', [url])) return true;
    // cmd's start treats the first quoted argument as a window title, hence the empty "".
    return launchDetached('cmd.exe', ['/c', 'start', '""', url.replaceAll('&', '^&')]);
  }
  for (const [bin, args] of systemOpeners(platform, url)) {
    if (await launchDetached(bin, args)) return true;
  }
  return false;
}

/**
 * The platform's own way to open a URL, in the order GitHub CLI's browser package tries them. (We used
 * the `open` package; its ~9 KB of platform detection cost 3 KB of the 120 kB tarball budget for what
 * these lines do. The URL is printed first anyway, so a launcher that fails costs nothing.)
 */
export function systemOpeners(platform: NodeJS.Platform, url: string): Array<[string, string[]]> {
  if (platform === 'darwin') return [['open', [url]]];
  // rundll32 hands the URL to the default browser without a shell, so `&` in a URL needs no escaping.
  if (platform === 'win32') return [['rundll32', ['url.dll,FileProtocolHandler', url]]];
  return [
    ['xdg-open', [url]],
    ['x-www-browser', [url]],
    ['www-browser', [url]],
  ];
}

export function createBrowserOpener(io: IO, policy: BrowserPolicy, env: Env, platform: NodeJS.Platform = 'linux'): BrowserOpener {
  return {
    async open(url, label = 'Open') {
      io.err(`  ${label}: ${io.c.cyan.underline(io.link(url))}`);
      if (!policy.enabled) return 'printed';
      const ok = await launch(url, policy, env, platform);
      io.err(io.c.dim(ok ? '  (opened in your browser; if nothing appeared, open the link above)' : '  (could not start a browser; open the link above)'));
      return ok ? 'opened' : 'printed';
    },
  };
}
