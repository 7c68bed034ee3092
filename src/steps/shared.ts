// Small helpers the steps share: printing paragraphs and links to stderr, visiting a platform page,
// and waiting on work that Ctrl-C must be able to interrupt.
import type { Context } from '../context.js';
import { CancelledError } from '../errors.js';

/** Explanations go to stderr: stdout is reserved for results a script would read. */
export function say(ctx: Context, lines: readonly string[]): void {
  for (const line of lines) ctx.io.err(line);
}

/** A link printed the way the browser opener prints one, without opening anything. */
export function showLink(ctx: Context, label: string, url: string): void {
  ctx.io.err(`  ${label}: ${ctx.io.c.cyan.underline(ctx.io.link(url))}`);
}

/**
 * Sends the user to a platform page: explains what to do there, prints the URL and (interactive,
 * browser allowed) opens it. In non-interactive mode that is all; the caller waits only when interactive.
 */
export async function visitPage(ctx: Context, page: { url: string; label: string; lines: readonly string[] }): Promise<void> {
  say(ctx, page.lines);
  await ctx.browser.open(page.url, page.label);
}

/**
 * Resolves with `work`, or rejects with CancelledError as soon as the signal aborts (Ctrl-C while a
 * spinner runs: the terminal is not in raw mode then, so SIGINT reaches src/cli.ts, which aborts).
 * The work itself also receives the signal where it can, so sockets are closed rather than leaked.
 */
export function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** "the environment variable OPENAI_API_KEY", "/home/me/app/.env", … for "Found a key in …". */
/** Where a key came from, in words (one definition, shared with the check report). */
export { describeSource } from '../key/report.js';

/** Joins "cannot be used" with an analysis reason that may or may not end in a full stop. */
export function because(what: string, reason: string | undefined): string {
  const why = (reason ?? 'It does not look like an OpenAI API key.').trim();
  return `${what}. ${/[.!?]$/.test(why) ? why : `${why}.`}`;
}
