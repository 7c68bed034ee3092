// Where the user's code will find the key. The storage module writes and verifies each target;
// this step decides which targets (flag, non-interactive default, or questions), guards against
// overwriting another key or writing into a git-tracked .env, and never lets a pasted key be lost:
// when nothing could be saved it offers another place, and quitting then says so and fails.
import type { Context } from '../context.js';
import { deliberately, StorageError } from '../errors.js';
import { envFilePath } from '../store/env-file.js';
import type { SaveReport } from '../store/save.js';
import { proposedEnvFile, withEnvFile } from '../store/save-guards.js';
import { applyGuards, chooseTargets, type Plan, rescuePlan } from './save-key-questions.js';
import { describeSource } from './shared.js';
import type { KeySourceName } from '../key/types.js';
import { CONTINUE, type Step } from './step.js';

/** Keys that already live somewhere the user controls: not saving them again loses nothing. */
const STORED_SOURCE = /^(env:|file:|shell:|keychain$)/;

export const saveKeyStep: Step = {
  id: 'save-key',
  title: 'Save the key',
  resumable: false,
  async run(ctx) {
    const key = ctx.state.key;
    if (!key) return CONTINUE;
    const saves = (ctx.state.saves ??= []);
    // Interactive runs propose the .env where the project's code loads it (the work tree root).
    const proposed = ctx.mode.interactive ? await proposedEnvFile(ctx) : envFilePath(ctx);
    const base = proposed === envFilePath(ctx) ? ctx : withEnvFile(ctx, proposed);
    // A pasted key saved nowhere is lost; `--save none` says the user keeps it elsewhere on purpose.
    const atRisk = ctx.mode.interactive && !STORED_SOURCE.test(key.source) && !ctx.options.save?.includes('none');
    let plan: Plan = await chooseTargets(base);
    let failed: SaveReport[] = [];
    // Targets a guard turned down (a tracked .env, a key not to replace): the rescue menu does not
    // default to them. A plain "No" to "Also save it in…?" does not count: that was about a second copy.
    const declined = new Set<string>();
    for (let round = 0; ; round++) {
      const target = plan.envFile ? withEnvFile(base, plan.envFile) : base;
      const guarded = await applyGuards(target, key.value, plan.targets);
      for (const t of plan.targets) if (!guarded.targets.includes(t)) declined.add(t);
      failed = [];
      if (guarded.targets.length) {
        const reports = await ctx.store.saveKey(target, key.value, guarded.targets);
        for (const r of reports) if (guarded.replacing[r.target] && !r.error) r.replaced = guarded.replacing[r.target];
        for (const r of reports) printReport(ctx, r);
        saves.push(...reports);
        const saved = reports.filter((r) => !r.error);
        ctx.state.savedTo.push(...saved.map((r) => r.location));
        failed = reports.filter((r) => r.error);
        if (failed.length && !ctx.mode.interactive) {
          // A script asked for these files: finishing with exit 0 would hide that they are missing.
          throw new StorageError(
            // The reasons go into the error itself: with --json this object is all a script gets.
            `The key works, but it could not be saved: ${failed.map((r) => `${r.location}: ${r.error}`).join('; ')}`,
            failed.some((r) => r.target === 'env')
              ? 'Fix the path (--dotenv) or choose other targets with --save; nothing else was changed there.'
              : 'Choose other targets with --save; nothing else was changed there.',
          );
        }
        // Written, but a program reading it there would not get the key (the warning above says why):
        // a script must not be told it worked. A person has seen the "!" line and the warning.
        const misread = saved.filter((r) => !r.verified && r.warnings?.length);
        if (misread.length && !ctx.mode.interactive) {
          throw new StorageError(
            `The key was written to ${misread.map((r) => r.location).join(', ')}, but reading it back the way a program would does not yield it.`,
            'See the warning above; fix that file by hand, or choose another target with --save.',
          );
        }
        if (saved.length) return CONTINUE;
      }
      // Nothing saved. Declining is fine for a key that already lives somewhere; a failure never is.
      if (!ctx.mode.interactive || (!atRisk && !failed.length)) {
        ctx.io.err('Not saved: the key stays only where it already was.');
        if (!ctx.mode.interactive && !ctx.options.save) ctx.io.err(ctx.io.c.dim('  (non-interactive runs save nothing unless asked: add --save env to write ./.env)'));
        return CONTINUE;
      }
      const next = await rescuePlan(base, failed, atRisk, declined);
      if (!next) throw notStored(atRisk ? undefined : key.source);
      plan = next;
      if (round > 50) throw new Error('internal: the save step went round in circles');
    }
  },
};

/** The user quits with nothing saved: say it plainly, and fail (exit 1, like a failed --save). */
function notStored(stillIn?: KeySourceName): StorageError {
  if (stillIn) {
    return deliberately(new StorageError(`Quit without saving: the key was not saved anywhere new; it is still only in ${describeSource(stillIn)}.`));
  }
  return deliberately(
    new StorageError(
      'Quit without saving: the key was not stored anywhere.',
      'OpenAI shows a secret key only once. If you did not keep a copy, delete this key on the API keys page and create a new one next time.',
    ),
  );
}

function printReport(ctx: Context, report: SaveReport): void {
  const { c } = ctx.io;
  if (report.error) {
    ctx.io.err(`${c.red('✖')} ${report.location}: not saved (${report.error})`);
    return;
  }
  const mark = report.verified ? c.green('✔') : c.yellow('!');
  // Not verified without an error: it could not be read back here (a shell that is not installed, say).
  const verified = report.verified ? 'saved and read back' : 'saved, but not read back here (see below)';
  ctx.io.err(`${mark} ${report.location}: ${verified}`);
  if (report.replaced) ctx.io.err(`  Replaced the key that was there (${report.replaced}).`);
  for (const note of report.notes) ctx.io.err(`  ${note}`);
}
