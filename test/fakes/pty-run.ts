// Runs a command in a real pseudo-terminal (a private tmux server), so stdin, stdout and stderr are all
// TTYs, and returns what the screen showed and the exit code. For tests that must prove a TTY alone
// does not make the tool interactive (CI=true, an AI agent) or that a TTY on stdin is refused.
// A kill timer ends hung runs: `timedOut` says so instead of the test hanging.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PtyResult {
  /** null when the command had to be killed. */
  exitCode: number | null;
  /** Everything the terminal showed, stdout and stderr interleaved, lines joined where they wrapped. */
  screen: string;
  timedOut: boolean;
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

export async function runInPty(
  argv: string[],
  o: { env: Record<string, string>; cwd: string; timeoutMs?: number },
): Promise<PtyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'onboard-pty-'));
  const socket = join(dir, 'tmux.sock');
  const exitFile = join(dir, 'exit');
  // The pane runs a tiny script: the command on the pane's terminal, then its exit status to a file.
  // The pane then stays open (sleep) so its screen can be captured.
  writeFileSync(join(dir, 'run.sh'), `cd ${quote(o.cwd)}\n${argv.map(quote).join(' ')}\necho $? > ${quote(exitFile)}\nsleep 600\n`);
  const tmux = (...args: string[]) => run('tmux', ['-S', socket, ...args], { env: { PATH: process.env.PATH ?? '', ...o.env } });
  try {
    await tmux('new-session', '-d', '-x', '160', '-y', '50', `sh ${quote(join(dir, 'run.sh'))}`);
    const deadline = Date.now() + (o.timeoutMs ?? 10_000);
    // `echo $? > file` creates the file before writing it: wait for the status, not just the file.
    const status = () => (existsSync(exitFile) ? readFileSync(exitFile, 'utf8').trim() : '');
    while (!status() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const text = status();
    const { stdout } = await tmux('capture-pane', '-p', '-J', '-S', '-');
    return { exitCode: text ? Number(text) : null, screen: stdout.replace(/\s+$/, ''), timedOut: !text };
  } finally {
    await tmux('kill-server').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
