// The real check: an authentication call and (unless --no-spend) a one-token billable call, behind a
// spinner. Failures lead to the wizard's next move: add credit and check again, paste another key, …
import { fixableOnPage, rejectPageKey } from '../key-page/source.js';
import { ACTION_NAMES, type RecoveryAction, recoveryFor } from '../content/recovery.js';
import type { Context } from '../context.js';
import { CancelledError, deliberately, DiagnosisError } from '../errors.js';
import { cmd } from '../platform/command-name.js';
import { fingerprint, maskKey } from '../key/mask.js';
import { renderCheckResult } from '../key/report.js';
import type { CheckResult, KeyInput } from '../key/types.js';
import { say, untilAborted } from './shared.js';
import { CONTINUE, goto, type Step } from './step.js';

/** A key that works: `rate_limited` means the probes were throttled, not that the key is bad. */
const USABLE = new Set(['ok', 'rate_limited']);

/** While the no-credit menu is shown, the key is checked again this often (the balance can land any time). */
export const AUTO_RECHECK_MS = 10_000;

/** What the menu answered, or 'auto': its timer ran out and the key is checked again by itself. */
type NextMove = RecoveryAction | 'auto';

export const checkKeyStep: Step = {
  id: 'check-key',
  title: 'Check the key',
  resumable: false,
  async run(ctx) {
    const key = ctx.state.key;
    if (!key) return goto('paste-key');
    const explained = explainedIn(ctx);
    let previous: string | undefined;
    let failedRetries = 0;
    let move: NextMove | undefined;
    for (;;) {
      const result = await checkWithSpinner(ctx, key);
      ctx.state.check = result;
      await recordLastCheck(ctx, key, result);
      // A timed re-check with the same outcome changes nothing on screen: the menu comes back.
      if (!(move === 'auto' && result.diagnosis === previous)) ctx.io.err(renderCheckResult(result, ctx.io, { verbose: ctx.options.verbose }));
      if (USABLE.has(result.diagnosis)) {
        if (previous === 'no_credits') ctx.io.err(ctx.io.c.green('✔ The credit has arrived: the key can spend now.'));
        return CONTINUE;
      }
      if (key.source === 'browser') {
        // The person can fix these on the page itself, in any mode: it asks for another key there.
        if (fixableOnPage(result.diagnosis)) {
          rejectPageKey(ctx, result.summary);
          return goto('paste-key');
        }
      }
      if (!ctx.mode.interactive) return { next: 'stop', ended: 'check-failed', check: result, error: new DiagnosisError(result.diagnosis, result.summary, result.fix) };
      if (move === 'retry' && result.diagnosis === previous) failedRetries++;
      previous = result.diagnosis;
      move = await askWhatNext(ctx, result, explained, failedRetries);
      if (move === 'paste') return goto('paste-key');
      // The save step runs next; done then ends "saved, not yet funded" (exit 5).
      if (move === 'save-later') return CONTINUE;
      if (move === 'quit') return { next: 'stop', ended: 'quit', check: result, error: stopped(key, result) };
    }
  },
};

/**
 * Diagnoses already explained (and their page opened) in this run. Kept per run, not per visit of this
 * step: "paste a different key" comes back here, and a second invalid_key must not open another tab.
 */
const explainedPerRun = new WeakMap<Context['state'], Set<string>>();
function explainedIn(ctx: Context): Set<string> {
  let set = explainedPerRun.get(ctx.state);
  if (!set) explainedPerRun.set(ctx.state, (set = new Set()));
  return set;
}

/** A deliberate Quit: said plainly (not as "Error:"), with the diagnosis's exit code. */
function stopped(key: KeyInput, result: CheckResult): DiagnosisError {
  const pasted = key.source === 'prompt' || key.source === 'stdin' || key.source === 'browser';
  const lost = pasted ? ' The key was not stored anywhere, and OpenAI shows it only once.' : '';
  return deliberately(new DiagnosisError(result.diagnosis, `Stopped before saving the key (${result.diagnosis}).${lost}`, `Run ${cmd()} again to continue.`));
}

async function checkWithSpinner(ctx: Context, key: KeyInput): Promise<CheckResult> {
  const noSpend = !ctx.options.spend;
  const spinner = ctx.io.spinner(noSpend ? 'Checking the key (one free call)…' : 'Checking the key (a free call and a one-token paid call)…');
  try {
    // The checker gets the signal to close its sockets; untilAborted makes sure Ctrl-C ends the wait
    // even if a request ignores it.
    const result = await untilAborted(ctx.signal, ctx.checker.check(key, { noSpend, signal: ctx.signal }));
    spinner.stop();
    return result;
  } catch (error) {
    spinner.fail('The check did not finish.');
    throw error;
  }
}

/** Remembers the outcome for `status`: masked form and fingerprint only, never the key. */
async function recordLastCheck(ctx: Context, key: KeyInput, result: CheckResult): Promise<void> {
  if (!ctx.mode.interactive) return; // non-interactive runs write nothing unless asked (--save)
  await ctx.config.update((config) => {
    config.lastCheck = { diagnosis: result.diagnosis, masked: maskKey(key.value), fingerprint: fingerprint(key.value), at: ctx.clock.now().toISOString() };
  });
}

async function askWhatNext(ctx: Context, result: CheckResult, explained: Set<string>, failedRetries: number): Promise<NextMove> {
  const recovery = recoveryFor(result.diagnosis, result.detail);
  // Explain and open the page once; checking again in a loop should not reopen tabs.
  if (!explained.has(result.diagnosis)) {
    explained.add(result.diagnosis);
    if (recovery.lines.length) ctx.io.err('');
    say(ctx, recovery.lines);
    if (recovery.page) await ctx.browser.open(recovery.page.url, recovery.page.label);
  }
  const choices = recovery.actions.map((value) => ({ value, name: ACTION_NAMES[value] }));
  // After a "Check again" that still found no credit, keeping the key is the better bet.
  const fallback = recovery.actions.includes('save-later') && failedRetries > 0 ? 'save-later' : recovery.actions[0];
  if (result.diagnosis !== 'no_credits') return ctx.prompter.select<RecoveryAction>(recovery.question, choices, { default: fallback });
  return timedMenu(ctx, recovery.question, choices, fallback);
}

/**
 * The no-credit menu, withdrawn after AUTO_RECHECK_MS so the key is checked again by itself: the
 * wizard notices the balance landing without the user guessing when. The clock and the signal come
 * from the context, so tests drive the timer with a fake clock.
 */
async function timedMenu(ctx: Context, question: string, choices: Array<{ value: RecoveryAction; name: string }>, fallback: RecoveryAction | undefined): Promise<NextMove> {
  const stop = new AbortController();
  const timer = ctx.clock.sleep(AUTO_RECHECK_MS, stop.signal).then(
    () => stop.abort(),
    () => {},
  );
  const at = ctx.clock.now().toTimeString().slice(0, 8);
  const enter = fallback === 'retry' ? '; Enter checks now' : '';
  const message = `${question} (checked at ${at}; checking again in ${AUTO_RECHECK_MS / 1000} s${enter})`;
  try {
    return await ctx.prompter.select<RecoveryAction>(message, choices, { default: fallback, signal: stop.signal });
  } catch (error) {
    if (error instanceof CancelledError && stop.signal.aborted && !ctx.signal.aborted) return 'auto';
    throw error;
  } finally {
    stop.abort();
    await timer;
  }
}
