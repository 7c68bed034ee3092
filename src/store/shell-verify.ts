// Starts a real shell the way a new terminal would (reading its startup files) and asks what
// OPENAI_API_KEY it sees. The shell never prints the key: a node child inherits the shell's
// environment and prints only a SHA-256 hash, which we compare with the hash of the key we expect.
import { createHash } from 'node:crypto';
import type { Context } from '../context.js';
import type { ShellName } from '../options.js';
import { lstatSync, statSync } from 'node:fs';
import { runProgram } from './run-command.js';
import { startupFiles, tildify } from './shell-paths.js';
import { quoteFor } from './shell-quote.js';

const SHELL_TIMEOUT_MS = 10_000;
const MARK = '__openai_onboard_sha256__';
// Passed in the environment so the command line needs no double quotes (PowerShell mangles them).
const HASH_JS = `const k=process.env.OPENAI_API_KEY;console.log(${JSON.stringify(MARK)}+(k===undefined?"unset":require("crypto").createHash("sha256").update(k,"utf8").digest("hex")))`;

export const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export type ShellView =
  /** sha256 of what the shell exports, or null when it exports nothing. */
  | { ran: true; sha256: string | null }
  | { ran: false; why: string };

const PROGRAM: Record<ShellName, (script: string) => [string, string[]]> = {
  // -i: interactive shells read ~/.bashrc / ~/.zshrc, as a new terminal does.
  bash: (s) => ['bash', ['-ic', s]],
  zsh: (s) => ['zsh', ['-ic', s]],
  // fish reads conf.d and config.fish for every invocation.
  fish: (s) => ['fish', ['-c', s]],
  pwsh: (s) => ['pwsh', ['-NoLogo', '-NonInteractive', '-Command', `& ${s}`]],
};

/** What a new `shell` started now with the user's startup files would export. */
export async function shellSees(ctx: Pick<Context, 'env' | 'home' | 'platform'>, shell: ShellName): Promise<ShellView> {
  // A startup file that is a FIFO or a device would make the shell block on it until the timeout:
  // say so at once instead of starting the shell.
  const odd = startupFiles(shell, ctx).find((f) => notRegular(f));
  if (odd) return { ran: false, why: `${tildify(odd, ctx.home)} is not a regular file, so ${shell} was not started to read it` };
  const node = quoteFor(shell, process.execPath);
  const script = `${node} -e ${quoteFor(shell, 'eval(process.env.OPENAI_ONBOARD_HASH_JS)')}`;
  const [program, args] = PROGRAM[shell](script);
  // A new terminal does not inherit this process's OPENAI_API_KEY: drop it, so only the startup
  // files can define it.
  const { OPENAI_API_KEY: _dropped, ...env } = ctx.env;
  const r = await runProgram(program, args, {
    env: { ...env, HOME: ctx.home, ...(ctx.platform === 'win32' ? { USERPROFILE: ctx.home } : {}), OPENAI_ONBOARD_HASH_JS: HASH_JS },
    timeoutMs: SHELL_TIMEOUT_MS,
  });
  if (r.notFound) return { ran: false, why: `${shell} is not installed here` };
  if (r.timedOut) return { ran: false, why: `${shell} did not finish starting within ${SHELL_TIMEOUT_MS / 1000} s` };
  const line = r.stdout.split(/\r?\n/).find((l) => l.startsWith(MARK));
  if (!line) return { ran: false, why: `${shell} started but did not run the check (exit ${r.code})` };
  const hash = line.slice(MARK.length).trim();
  return { ran: true, sha256: hash === 'unset' ? null : hash };
}

/** True for a path that exists and is not a regular file (a FIFO, a device, a socket, a directory). */
function notRegular(path: string): boolean {
  try {
    lstatSync(path);
  } catch {
    return false; // absent: the shell simply skips it
  }
  try {
    return !statSync(path).isFile();
  } catch {
    return false; // a dangling link: the shell skips it too
  }
}
