// What a wizard step is. Steps are small modules listed in order in ./index.ts.
import type { Context } from '../context.js';
import type { DiagnosisError } from '../errors.js';
import type { CheckResult } from '../key/types.js';

export type StepId =
  | 'welcome'
  | 'explain-plans'
  | 'sign-in'
  | 'credits'
  | 'create-key'
  | 'paste-key'
  | 'check-key'
  | 'save-key'
  | 'done';

/**
 * What happens after a step: go on to the next one (the default when a step returns nothing),
 * jump to another step (e.g. "paste again" after invalid_key), finish the wizard (`unfunded`: a valid
 * key saved before its account had credit), or stop it because the key check did not pass.
 * (Resuming an interrupted run is the runner's business: src/steps/resume.ts.)
 */
export type StepOutcome = { next: 'continue' } | { next: 'goto'; step: StepId } | { next: 'finish'; unfunded?: true } | StopOutcome;

/**
 * The key check did not pass and the run ends with its diagnosis's exit code: `check-failed` in a
 * non-interactive run, `quit` when the person chose Quit. `error` is what the user reads.
 */
export interface StopOutcome {
  next: 'stop';
  ended: 'check-failed' | 'quit';
  check: CheckResult;
  error: DiagnosisError;
}

export interface Step {
  id: StepId;
  /** Short title for progress lines ("Step 3 of 9: Sign in"). */
  title: string;
  /**
   * Steps that only inform and open pages are skipped when resuming an interrupted run;
   * the key itself is never stored in progress, so paste/check/save always run again.
   */
  resumable: boolean;
  /** false for the greeting and the summary: they are not counted in "Step n of m". Default true. */
  numbered?: boolean;
  run(ctx: Context): Promise<StepOutcome | void>;
}

/** Steps shown as "Step n of N" and in the plan: all but the greeting and the summary. */
export function numberedSteps(steps: readonly Step[]): Step[] {
  return steps.filter((s) => s.numbered !== false);
}

export const CONTINUE: StepOutcome = { next: 'continue' };
export const goto = (step: StepId): StepOutcome => ({ next: 'goto', step });
export const FINISH: StepOutcome = { next: 'finish' };
