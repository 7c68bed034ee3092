// `openai-onboard --check-key`: find the key, check it, print the result, exit with the diagnosis's
// code. Human text on stdout without --json; with --json exactly one object on stdout. Progress goes
// to stderr. Changes nothing on disk.
import type { Context } from '../context.js';
import { missingKeyResult } from '../key/check.js';
import { DIAGNOSES } from '../key/diagnoses.js';
import { checkResultJson, renderCheckResult } from '../key/report.js';
import { resolveKey } from '../key/sources.js';
import type { CheckResult } from '../key/types.js';
import { annotateCheckFailure } from '../platform/github-actions.js';

export async function runCheckKey(ctx: Context): Promise<number> {
  const key = await resolveKey(ctx);
  let result: CheckResult;
  if (!key) {
    result = missingKeyResult(ctx.options, ctx.env);
  } else {
    const spinner = ctx.io.spinner('Checking the key with OpenAI…');
    try {
      result = await ctx.checker.check(key, { noSpend: !ctx.options.spend, signal: ctx.signal });
    } finally {
      spinner.stop();
    }
  }
  if (ctx.options.json) ctx.io.out(JSON.stringify(checkResultJson(result)));
  else ctx.io.out(renderCheckResult(result, ctx.io, { verbose: ctx.options.verbose }));
  annotateCheckFailure(ctx, result);
  return DIAGNOSES[result.diagnosis].exit;
}
