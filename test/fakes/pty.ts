// An interactive pseudo-terminal driver on a private tmux server: start a command, type into it,
// paste into it, read the screen, wait for text, and collect the exit status. The e2e wizard tests
// use it to go through the wizard as a person would, keystroke by keystroke.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PtyOptions {
  argv: string[];
  cwd: string;
  /** The whole environment of the command (nothing is inherited but what is given here). */
  env: Record<string, string>;
  width?: number;
  height?: number;
}

export interface Pty {
  /** Types text literally (no key names). */
  type(text: string): Promise<void>;
  /** Sends tmux key names: 'Enter', 'C-c', 'Down', 'y' … */
  press(...keys: string[]): Promise<void>;
  /**
   * Pastes the contents of a file, as a terminal paste would (the text is never in any argv). With
   * `bracketed`, tmux wraps it in ESC[200~ … ESC[201~ when the program asked for that, as terminals do.
   */
  pasteFile(path: string, o?: { bracketed?: boolean }): Promise<void>;
  /** Every byte the program wrote to the terminal so far (tmux pipe-pane), escapes and redraws included. */
  raw(): string;
  /** The whole scrollback, wrapped lines joined. */
  screen(): Promise<string>;
  /** Waits until `pattern` occurs at least `count` times in the scrollback; returns the scrollback. */
  waitFor(pattern: string | RegExp, o?: { count?: number; timeoutMs?: number }): Promise<string>;
  /** Waits until the scrollback satisfies `test`; returns the scrollback. */
  waitUntil(test: (screen: string) => boolean, o?: { timeoutMs?: number; what?: string }): Promise<string>;
  /** Waits for the command to end; null if it did not within the timeout. */
  exitCode(timeoutMs?: number): Promise<number | null>;
  close(): Promise<void>;
}

/** How many times a string or regex occurs in a text. */
export function occurrences(text: string, pattern: string | RegExp): number {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;
}

export async function startPty(o: PtyOptions): Promise<Pty> {
  const dir = mkdtempSync(join(tmpdir(), 'onboard-pty-'));
  const socket = join(dir, 'tmux.sock');
  const exitFile = join(dir, 'exit');
  const rawFile = join(dir, 'raw');
  const goFile = join(dir, 'go');
  // A config of our own: no user tmux.conf, a long scrollback, and panes that stay after exit.
  writeFileSync(join(dir, 'tmux.conf'), 'set -g history-limit 50000\nset -g remain-on-exit on\n');
  // Ctrl-C outside raw mode sends SIGINT to the whole foreground group, this script included. The
  // trap (a command, not '': an ignored signal would be inherited by the child) keeps the script
  // alive to record the command's status, as an interactive shell would.
  // The command waits for `go`, written once pipe-pane records the pane: no early byte escapes the raw log.
  writeFileSync(join(dir, 'run.sh'), `trap 'true' INT\nwhile [ ! -e ${quote(goFile)} ]; do sleep 0.02; done\ncd ${quote(o.cwd)}\n${o.argv.map(quote).join(' ')}\necho "EXIT=$?" > ${quote(exitFile)}\n`);
  // The tmux client's environment becomes the server's and so the command's: a clean, explicit one.
  const tmux = async (...args: string[]) => (await exec('tmux', ['-S', socket, '-f', join(dir, 'tmux.conf'), ...args], { env: o.env })).stdout;
  await tmux('new-session', '-d', '-s', 'wizard', '-x', String(o.width ?? 120), '-y', String(o.height ?? 50), `sh ${quote(join(dir, 'run.sh'))}`);
  await tmux('pipe-pane', '-o', '-t', 'wizard', `cat >> ${quote(rawFile)}`);
  writeFileSync(goFile, '');

  const screen = async () => (await tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'wizard')).replace(/\s+$/, '');
  const status = () => {
    const text = existsSync(exitFile) ? readFileSync(exitFile, 'utf8') : '';
    const match = /EXIT=(\d+)/.exec(text);
    return match ? Number(match[1]) : null;
  };
  const waitUntil: Pty['waitUntil'] = async (test, w = {}) => {
    const deadline = Date.now() + (w.timeoutMs ?? 15_000);
    let text = '';
    while (Date.now() < deadline) {
      const ended = status() !== null;
      text = await screen();
      if (test(text)) return text;
      if (ended) break; // it ended (and its last output is on screen) without showing it
      await sleep(100);
    }
    throw new Error(`pty: waited for ${w.what ?? 'the screen'}; the screen shows:\n${text.split('\n').slice(-30).join('\n')}`);
  };

  return {
    type: async (text) => void (await tmux('send-keys', '-t', 'wizard', '-l', text)),
    press: async (...keys) => void (await tmux('send-keys', '-t', 'wizard', ...keys)),
    pasteFile: async (path, p = {}) => {
      await tmux('load-buffer', '-b', 'paste', path);
      await tmux('paste-buffer', ...(p.bracketed ? ['-p'] : []), '-d', '-b', 'paste', '-t', 'wizard');
    },
    raw: () => (existsSync(rawFile) ? readFileSync(rawFile, 'latin1') : ''),
    screen,
    waitUntil,
    waitFor: (pattern, w = {}) =>
      waitUntil((text) => occurrences(text, pattern) >= (w.count ?? 1), { timeoutMs: w.timeoutMs, what: `${String(pattern)} (x${w.count ?? 1})` }),
    async exitCode(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (status() === null && Date.now() < deadline) await sleep(50);
      return status();
    },
    async close() {
      await tmux('kill-server').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
