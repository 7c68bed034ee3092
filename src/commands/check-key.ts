// `openai-onboard --check-key`: find the key, check it, print the result, exit with the diagnosis's
// code. Human text on stdout without --json; with --json exactly one object on stdout. Progress goes
// to stderr. Changes nothing on disk.
import { analyseKey } from '../key/analyse.js';
import type { Context } from '../context.js';
import { DiagnosisError } from '../errors.js';
import { missingKeyResult } from '../key/check.js';
import { DIAGNOSES } from '../key/diagnoses.js';
import { checkResultJson, renderCheckResult } from '../key/report.js';
import { resolveKey } from '../key/sources.js';
import type { CheckResult } from '../key/types.js';
import { annotateCheckFailure } from '../platform/github-actions.js';
import { closeKeyPage, fixableOnPage, pageTimedOut, rejectPageKey, settleKeyPage } from '../key-page/source.js';

export async function runCheckKey(ctx: Context): Promise<number> {
  try {
    const result = await checkUntilSettled(ctx);
    if (ctx.options.json) ctx.io.out(JSON.stringify(checkResultJson(result)));
    else ctx.io.out(renderCheckResult(result, ctx.io, { verbose: ctx.options.verbose }));
    annotateCheckFailure(ctx, result);
    if (ctx.options.keyBrowser) await settleKeyPage(ctx, result, []);
    return DIAGNOSES[result.diagnosis].exit;
  } finally {
    if (ctx.options.keyBrowser) closeKeyPage(ctx);
  }
}

/** One check; with --key-browser, a key the person can fix by pasting again is asked for again. */
async function checkUntilSettled(ctx: Context): Promise<CheckResult> {
  for (;;) {
    let key: Awaited<ReturnType<typeof resolveKey>>;
    try {
      key = await resolveKey(ctx);
    } catch (error) {
      // A source refused before any check (10 MB on stdin): still the one check-result object.
      if (error instanceof DiagnosisError) return refusedInputResult(ctx, error);
      throw error;
    }
    if (!key) return ctx.options.keyBrowser && pageTimedOut(ctx) ? pageTimeoutResult(ctx) : missingKeyResult(ctx.options, ctx.env);
    // A string the local analysis refuses is never sent: no "Checking with OpenAI" for it.
    const spinner = analyseKey(key.value).ok ? ctx.io.spinner('Checking the key with OpenAI…') : undefined;
    let result: CheckResult;
    try {
      result = await ctx.checker.check(key, { noSpend: !ctx.options.spend, signal: ctx.signal });
    } finally {
      spinner?.stop();
    }
    if (key.source !== 'browser' || !fixableOnPage(result.diagnosis)) return result;
    ctx.io.err(`✖ ${result.summary} Waiting for another key on the page.`);
    rejectPageKey(ctx, result.summary);
  }
}

function refusedInputResult(ctx: Context, error: DiagnosisError): CheckResult {
  const result = missingKeyResult(ctx.options, ctx.env);
  return {
    ...result,
    diagnosis: error.diagnosis,
    summary: error.message,
    fix: error.hint ?? result.fix,
    key: { ...result.key, source: ctx.options.keyStdin ? 'stdin' : result.key.source },
    checks: [{ name: 'format', ok: false }],
  };
}

function pageTimeoutResult(ctx: Context): CheckResult {
  const result = missingKeyResult(ctx.options, ctx.env);
  return {
    ...result,
    key: { ...result.key, source: 'browser' },
    summary: `No key was pasted on the key page within ${ctx.options.wait} s.`,
    fix: `Run the command again and paste the key on the page whose address it prints, or give more time with --wait <seconds>.`,
  };
}
