// Runs a command to completion in a real pseudo-terminal (stdin, stdout and stderr all TTYs) and
// returns what the screen showed and the exit code: the one-shot form of the interactive driver in
// ./pty.ts, for tests that must prove a TTY alone does not make the tool interactive (CI=true, an AI
// agent) or that a TTY on stdin is refused. A kill timer ends hung runs: `timedOut` says so.
import { startPty } from './pty.js';

export interface PtyResult {
  /** null when the command had to be killed. */
  exitCode: number | null;
  /** Everything the terminal showed, stdout and stderr interleaved, lines joined where they wrapped. */
  screen: string;
  timedOut: boolean;
}

export async function runInPty(argv: string[], o: { env: Record<string, string>; cwd: string; timeoutMs?: number }): Promise<PtyResult> {
  const pty = await startPty({ argv, cwd: o.cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...o.env }, width: 160 });
  try {
    const exitCode = await pty.exitCode(o.timeoutMs ?? 10_000);
    return { exitCode, screen: await pty.screen(), timedOut: exitCode === null };
  } finally {
    await pty.close();
  }
}
