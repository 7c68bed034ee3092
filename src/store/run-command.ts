// Runs a helper program (secret-tool, security, git, a shell) with input on stdin and a hard time
// limit. Secrets travel on stdin, never in argv (argv is visible to every user via `ps`). A child that
// outlives its limit is killed with SIGKILL: a locked keychain waiting for a GUI prompt must not hang us.
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Env } from '../platform/environment.js';

export interface RunResult {
  /** Exit code; null when killed or when the program could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The program is not installed (ENOENT) or could not be started. */
  notFound: boolean;
}

export interface RunOptions {
  input?: string;
  env: Env;
  cwd?: string;
  timeoutMs: number;
}

export function runProgram(command: string, args: string[], o: RunOptions): Promise<RunResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let settled = false;
    const finish = (r: Omit<RunResult, 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut });
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, {
        env: o.env as NodeJS.ProcessEnv,
        cwd: o.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
        // Own process group, so a timeout also kills whatever the program started.
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch {
      resolve({ code: null, stdout: '', stderr: '', timedOut: false, notFound: true });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, o.timeoutMs);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => finish({ code: null, notFound: e.code === 'ENOENT' || e.code === 'EACCES' }));
    child.on('close', (code) => finish({ code, notFound: false }));
    // A program that exits without reading stdin closes the pipe: ignore EPIPE.
    child.stdin?.on('error', () => {});
    child.stdin?.end(o.input ?? '');
  });
}

function killTree(child: ReturnType<typeof spawn>): void {
  try {
    if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Whether `name` is an executable on PATH (no child process needed). */
export async function onPath(name: string, env: Env, platform: NodeJS.Platform): Promise<boolean> {
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      try {
        await access(join(dir, name + ext), platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        // keep looking
      }
    }
  }
  return false;
}
