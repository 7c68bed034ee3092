// The save step's questions: which targets (flag, non-interactive default, or one question per
// target), the guards before writing (a git-tracked .env, another key already there), and the
// rescue menu when nothing was saved. Each answers with a plan; the step carries it out.
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { maskKey } from '../key/mask.js';
import { envFilePath } from '../store/env-file.js';
import { markRecommended, type SaveReport, type StoreTarget, type TargetOption } from '../store/save.js';
import { findTarget } from '../store/targets/index.js';
import { inspectTarget, isTrackedEnvFile } from '../store/save-guards.js';
import { trackedEnvAllowed } from './save-key-tracked-env.js';
import { tildify } from '../store/shell-paths.js';

export interface Plan {
  targets: StoreTarget[];
  /** Write the .env target here instead of the proposed one ("another .env file"). */
  envFile?: string;
}

export async function chooseTargets(ctx: Context): Promise<Plan> {
  // Explicit flag first; then the non-interactive default (none); then questions.
  if (ctx.options.save) return { targets: ctx.options.save.filter((t): t is StoreTarget => t !== 'none') };
  if (!ctx.mode.interactive) return { targets: [] };
  const offered = await offeredTargets(ctx);
  // The storage module knows which target suits this machine (the .env in a project directory);
  // that one is asked first and defaults to yes, the others are opt-in.
  const preselected = offered.find((o) => o.recommended && o.available)?.target ?? 'env';
  const ordered = [...offered].sort((a, b) => Number(b.target === preselected) - Number(a.target === preselected));
  const chosen: string[] = [];
  for (const option of ordered) {
    if (!option.available) {
      // Only the reason: the label of an unavailable target describes what it would have done.
      if (option.why) ctx.io.err(ctx.io.c.dim(`  ${findTarget(option.target)?.subject ?? option.target} not available here: ${option.why}.`));
      continue;
    }
    sayExposure(ctx, option);
    const first = option.target === preselected;
    const question = first ? `Save the key in ${option.label}?` : chosen.length ? `Also save it in ${option.label}?` : `Save it in ${option.label} instead?`;
    if (await ctx.prompter.confirm(question, { default: first })) chosen.push(option.target);
  }
  return { targets: chosen as StoreTarget[] };
}

/** availableTargets, plus what only the save step checks: a .env that git tracks is not recommended. */
async function offeredTargets(ctx: Context): Promise<TargetOption[]> {
  const [offered, tracked] = await Promise.all([ctx.store.availableTargets(ctx), isTrackedEnvFile(ctx)]);
  const env = offered.find((o) => o.target === 'env');
  if (tracked && env) {
    env.exposure = [...(env.exposure ?? []), `${tildify(envFilePath(ctx), ctx.home)} is tracked by git: a key in it gets committed.`];
    // Never pre-selected: the next best target is, if any.
    if (env.recommended) {
      delete env.rank;
      markRecommended(offered);
    }
  }
  return offered;
}

function sayExposure(ctx: Context, option: TargetOption): void {
  // A profile in a git repository is a warning, not a note: the key would be committed.
  const loud = (option.gitExposure?.length ?? 0) > 0;
  for (const line of option.exposure ?? []) ctx.io.err(loud && /git/.test(line) ? ctx.io.c.yellow(`  Warning: ${line}`) : ctx.io.c.dim(`  Note: ${line}`));
}

export interface Guarded {
  targets: StoreTarget[];
  /** Target → the masked key it held before, for targets where a different key gets replaced. */
  replacing: Partial<Record<string, string>>;
}

/**
 * Before writing: a .env that git tracks is not filled without consent (interactive: default No,
 * untracking recommended; non-interactive: refused unless --yes), and another key already stored
 * in a target is shown masked next to the new one and replaced only with consent (non-interactive
 * runs replace it and report it).
 */
export async function applyGuards(ctx: Context, key: string, targets: StoreTarget[]): Promise<Guarded> {
  const out: Guarded = { targets: [], replacing: {} };
  const ask = ctx.mode.interactive && !ctx.options.yes;
  for (const target of targets) {
    const facts = await inspectTarget(ctx, target, key);
    if (facts.tracked && !(await trackedEnvAllowed(ctx, ask))) continue;
    if (facts.previous) {
      const before = maskKey(facts.previous);
      ctx.io.err(`${findTarget(target)?.holder(ctx)} already holds another key: replacing ${before} with ${maskKey(key)}.`);
      // The usual re-run replaces the key openai-onboard saved there itself; any other key may be
      // the only copy of a key in use, so that one is kept unless the user says otherwise.
      if (ask && !(await ctx.prompter.confirm(`Replace ${before} with ${maskKey(key)}?`, { default: Boolean(facts.previousIsOurs) }))) continue;
      out.replacing[target] = before;
    }
    out.targets.push(target);
  }
  return out;
}

/**
 * Nothing was saved (a failure, or every target declined for a pasted key): offer a retry, the other
 * targets and another .env path. Undefined means the user quits.
 */
export async function rescuePlan(ctx: Context, failed: SaveReport[], atRisk: boolean, declined: ReadonlySet<string>): Promise<Plan | undefined> {
  const offered = (await offeredTargets(ctx)).filter((o) => o.available);
  ctx.io.err('');
  // What failed is on the ✖ lines just above; this says what it means.
  ctx.io.err(ctx.io.c.yellow(failed.length ? 'The key is not saved yet.' : 'The key is not saved anywhere yet.'));
  if (atRisk) ctx.io.err('OpenAI shows a secret key only once: keep it somewhere before you go.');
  const failedTargets = new Set(failed.map((f) => f.target));
  const choices = [
    ...failed.map((f) => ({ value: `retry:${f.target}`, name: `Try ${tildify(f.location, ctx.home)} again` })),
    ...offered.filter((o) => !failedTargets.has(o.target)).map((o) => ({ value: o.target as string, name: `Save it in ${o.label}${o.recommended ? ' (recommended)' : ''}` })),
    { value: 'env-path', name: 'Save it in another .env file (type its path)' },
    { value: 'quit', name: atRisk ? 'Quit without saving (the key cannot be shown again)' : 'Quit without saving' },
  ];
  // Enter should not lead back to what just failed or was turned down.
  const preferred = offered.filter((o) => !failedTargets.has(o.target) && !declined.has(o.target)).sort((a, b) => Number(Boolean(b.recommended)) - Number(Boolean(a.recommended)))[0];
  const answer = await ctx.prompter.select('Where should the key go?', choices, { default: preferred?.target ?? 'env-path' });
  if (answer === 'quit') return undefined;
  if (answer.startsWith('retry:')) {
    const target = answer.slice('retry:'.length) as StoreTarget;
    const env = failed.find((f) => f.target === 'env');
    return { targets: [target], ...(target === 'env' && env ? { envFile: env.location } : {}) };
  }
  if (answer === 'env-path') {
    const path = await ctx.prompter.input('Path of the .env file to write:', {
      default: tildify(envFilePath(ctx), ctx.home),
      validate: (v) => (v.trim() ? true : 'Type a path, e.g. ./.env'),
    });
    const typed = path.trim().replace(/^~(?=$|[\\/])/, ctx.home);
    return { targets: ['env'], envFile: resolve(ctx.cwd, typed) };
  }
  return { targets: [answer as StoreTarget] };
}
