// The real check: an authentication call and (unless --no-spend) a one-token billable call, behind a
// spinner. Failures lead to the wizard's next move: add credit and check again, paste another key, …
import { ACTION_NAMES, type RecoveryAction, recoveryFor } from '../content/recovery.js';
import type { Context } from '../context.js';
import { DiagnosisError } from '../errors.js';
import { fingerprint, maskKey } from '../key/mask.js';
import { renderCheckResult } from '../key/report.js';
import type { CheckResult, KeyInput } from '../key/types.js';
import { say, untilAborted } from './shared.js';
import { CONTINUE, goto, type Step } from './step.js';

/** A key that works: `rate_limited` means the probes were throttled, not that the key is bad. */
const USABLE = new Set(['ok', 'rate_limited']);

export const checkKeyStep: Step = {
  id: 'check-key',
  title: 'Check the key',
  resumable: false,
  async run(ctx) {
    const key = ctx.state.key;
    if (!key) return goto('paste-key');
    const explained = explainedIn(ctx);
    for (;;) {
      const result = await checkWithSpinner(ctx, key);
      ctx.state.check = result;
      await recordLastCheck(ctx, key, result);
      ctx.io.err(renderCheckResult(result, ctx.io));
      if (USABLE.has(result.diagnosis)) return CONTINUE;
      if (key.source === 'browser') {
        // The person can fix these on the page itself, in any mode: it asks for another key there.
        const { fixableOnPage, rejectPageKey } = await import('../key-page/source.js');
        if (fixableOnPage(result.diagnosis)) {
          rejectPageKey(ctx, result.summary);
          return goto('paste-key');
        }
      }
      if (!ctx.mode.interactive) throw new DiagnosisError(result.diagnosis, result.summary, result.fix);
      const action = await askWhatNext(ctx, result, explained);
      if (action === 'paste') return goto('paste-key');
      if (action === 'quit') {
        throw new DiagnosisError(result.diagnosis, `Stopped before saving the key (${result.diagnosis}).`, 'Run openai-onboard again to continue where you left off.');
      }
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

async function askWhatNext(ctx: Context, result: CheckResult, explained: Set<string>): Promise<RecoveryAction> {
  const recovery = recoveryFor(result.diagnosis, result.detail);
  // Explain and open the page once; checking again in a loop should not reopen tabs.
  if (!explained.has(result.diagnosis)) {
    explained.add(result.diagnosis);
    if (recovery.lines.length) ctx.io.err('');
    say(ctx, recovery.lines);
    if (recovery.page) await ctx.browser.open(recovery.page.url, recovery.page.label);
  }
  const choices = recovery.actions.map((value) => ({ value, name: ACTION_NAMES[value] }));
  return ctx.prompter.select<RecoveryAction>(recovery.question, choices, { default: recovery.actions[0] });
}
