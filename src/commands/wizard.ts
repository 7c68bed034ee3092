// `openai-onboard`: the onboarding wizard. Its steps (src/steps) do the talking; this file decides
// what the run amounts to: the exit code, the `--json` object (src/schemas/wizard-result.ts), the
// GitHub Actions annotation of a failed check, and the next step an AI agent relays to its person.
import type { Context } from '../context.js';
import { DiagnosisError, exitCodeFor, UsageError } from '../errors.js';
import { DIAGNOSES } from '../key/diagnoses.js';
import { checkResultJson } from '../key/report.js';
import type { CheckResult } from '../key/types.js';
import { type NextStepSituation, nextStepForPerson, printAgentNextStep } from '../platform/agent-hints.js';
import { annotateCheckFailure } from '../platform/github-actions.js';
import { WIZARD_STEPS } from '../steps/index.js';
import { type RunEnd, runSteps } from '../steps/run-steps.js';
import { closeKeyPage, settleKeyPage } from '../key-page/source.js';

export async function runWizard(ctx: Context): Promise<number> {
  try {
    return await runWizardSteps(ctx);
  } catch (error) {
    // --key-browser: the page says how the run ended too (never the key), then it is gone.
    if (ctx.options.keyBrowser) await settleKeyPage(ctx, ctx.state.check, [], error instanceof Error ? error.message : undefined);
    throw error;
  } finally {
    if (ctx.options.keyBrowser) closeKeyPage(ctx);
  }
}

async function runWizardSteps(ctx: Context): Promise<number> {
  let end: RunEnd;
  try {
    end = await runSteps(ctx, WIZARD_STEPS);
  } catch (error) {
    const situation = situationOf(error);
    if (situation) printAgentNextStep(ctx, situation);
    throw error;
  }
  switch (end.ended) {
    case 'finished':
      return await finish(ctx, 0);
    // "Save it now and check again later" on an unfunded account: the key is saved but not usable
    // yet, and the run ends with the diagnosis's code (5).
    case 'unfunded':
      return await finish(ctx, ctx.state.check ? DIAGNOSES[ctx.state.check.diagnosis].exit : 0);
    default: {
      // A key check that did not pass ends the run with the diagnosis's exit code. With --json that
      // is a result like any other (the check is in it), not an error object.
      annotateCheckFailure(ctx, end.check);
      if (ctx.options.json) {
        // The check's own summary is in the object; a Quit says in words what it left behind.
        if (end.ended === 'quit') ctx.io.err(end.error.message);
        return await finish(ctx, exitCodeFor(end.error));
      }
      printAgentNextStep(ctx, { kind: 'checked', result: end.check, savedTo: [] });
      throw end.error;
    }
  }
}

/** Prints the agent's next step and, with --json, the one result object. */
async function finish(ctx: Context, exitCode: number): Promise<number> {
  const check: CheckResult | null = ctx.state.check ?? null;
  // Filled only by the save step: after a working key, or a valid unfunded one the user chose to save.
  const savedTo = [...ctx.state.savedTo];
  const situation: NextStepSituation | undefined = check ? { kind: 'checked', result: check, savedTo } : undefined;
  if (situation) printAgentNextStep(ctx, situation);
  if (ctx.options.json) {
    const result = {
      ok: exitCode === 0,
      diagnosis: check?.diagnosis ?? null,
      // Exactly what --check-key --json prints for the same check.
      check: check ? checkResultJson(check) : null,
      savedTo,
      // A different key that a save replaced, so a script knows the old one is gone from there.
      replaced: (ctx.state.saves ?? []).filter((r) => r.replaced).map((r) => ({ target: r.target, location: r.location, previous: r.replaced! })),
      nextStep: situation ? nextStepForPerson(situation) : null,
      ...(check?.exampleModel ? { exampleModel: check.exampleModel } : {}),
      mode: ctx.mode,
      exitCode,
    };
    ctx.io.out(JSON.stringify(result));
  }
  if (ctx.options.keyBrowser) await settleKeyPage(ctx, check ?? undefined, savedTo);
  return exitCode;
}

/** What the person must do after a run that stopped before any check (no key, or one refused locally). */
function situationOf(error: unknown): NextStepSituation | undefined {
  if (error instanceof UsageError) return { kind: 'no-key' };
  if (!(error instanceof DiagnosisError)) return undefined;
  if (error.diagnosis === 'missing_key') return { kind: 'no-key' };
  const fix = error.hint ?? error.message;
  return { kind: 'checked', result: { ok: false, diagnosis: error.diagnosis, fix, fixUrl: DIAGNOSES[error.diagnosis].fixUrl }, savedTo: [] };
}
