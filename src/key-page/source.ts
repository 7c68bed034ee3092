// --key-browser as a key source: starts the one-time page on first use, prints its address (and, for an
// AI agent, a sentence it can relay), waits for a paste, and later shows the outcome on the page. The
// commands call settleKeyPage() once they know how the run ended.
import type { Context } from '../context.js';
import { CancelledError } from '../errors.js';
import type { Diagnosis } from '../key/diagnoses.js';
import type { CheckResult, KeyInput } from '../key/types.js';
import { registerSecret } from '../ui/redact.js';
// The server (node:http) loads only when a page is started: the wizard imports this module on every run.
import type { KeyPage } from './server.js';

const pages = new WeakMap<Context, KeyPage>();
const timedOut = new WeakSet<Context>();
const problems = new WeakMap<Context, string>();

/** Diagnoses the person can fix by pasting another key on the same page. */
export function fixableOnPage(diagnosis: Diagnosis): boolean {
  return diagnosis === 'malformed_key' || diagnosis === 'wrong_provider_key' || diagnosis === 'invalid_key';
}

/** The next paste should show why the last key could not be used. */
export function rejectPageKey(ctx: Context, why: string): void {
  problems.set(ctx, why);
}

/** True when the last wait ended because --wait ran out. */
export const pageTimedOut = (ctx: Context): boolean => timedOut.has(ctx);

export async function keyFromPage(ctx: Context): Promise<KeyInput | undefined> {
  let page = pages.get(ctx);
  if (!page) {
    const { startKeyPage } = await import('./server.js');
    page = await startKeyPage();
    pages.set(ctx, page);
    await ctx.browser.open(page.url, 'Open this page to paste your key');
    if (ctx.mode.agent) {
      ctx.io.err(
        `\n${ctx.io.c.bold(`Next step for the person (${ctx.mode.agent} can relay this):`)}\n` +
          `Open ${page.url} in a browser on this computer and paste your OpenAI API key there. ` +
          'Do not paste the key into this conversation: the page hands it straight to openai-onboard.',
      );
    }
  }
  const problem = problems.get(ctx);
  problems.delete(ctx);
  const seconds = ctx.options.wait;
  const spinner = ctx.mode.interactive ? ctx.io.spinner(`Waiting for the key on the page (up to ${seconds} s; Ctrl-C to stop)…`) : undefined;
  if (!spinner) ctx.io.err(`Waiting up to ${seconds} s for the key on the page…`);
  let key: string | undefined;
  try {
    key = await page.nextKey({ signal: ctx.signal, timeoutMs: seconds * 1000, problem });
  } catch (error) {
    spinner?.stop();
    page.close();
    pages.delete(ctx);
    if (ctx.signal.aborted) throw new CancelledError();
    throw error;
  }
  spinner?.stop();
  if (key === undefined) {
    timedOut.add(ctx);
    page.close();
    pages.delete(ctx);
    return undefined;
  }
  registerSecret(key);
  ctx.io.err('Received a key from the page.');
  return { value: key, source: 'browser' };
}

/** Shows how the run ended on the page and closes it. Never the key: its masked form and where it went. */
export async function settleKeyPage(ctx: Context, result: CheckResult | undefined, savedTo: readonly string[], stopped?: string): Promise<void> {
  const page = pages.get(ctx);
  if (!page) return;
  pages.delete(ctx);
  const lines: string[] = [];
  if (result) lines.push(`Key: ${result.key.masked}`);
  if (result?.ok) lines.push(savedTo.length ? `Saved to: ${savedTo.join(', ')}` : 'Not saved anywhere by this run (the terminal says how to save it).');
  if (result && !result.ok) lines.push(`What to do: ${result.fix}`);
  await page.finish({ ok: Boolean(result?.ok), summary: result?.summary ?? stopped ?? 'openai-onboard stopped before checking a key.', lines });
}

/** Closes the page without an outcome (Ctrl-C, an unexpected error). */
export function closeKeyPage(ctx: Context): void {
  pages.get(ctx)?.close();
  pages.delete(ctx);
}
