// Where the user's code will find the key. The storage module writes and verifies each target;
// this step only decides which targets (flag, non-interactive default, or questions) and reports.
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { availableTargets, type SaveReport, saveKey, type StoreTarget } from '../store/save.js';
import { CONTINUE, type Step } from './step.js';

/** Short names for lines about a target that cannot be offered. */
const TARGET_NAMES: Record<StoreTarget, string> = { env: 'The .env file is', shell: 'Shell profiles are', keychain: 'A keychain is' };

export const saveKeyStep: Step = {
  id: 'save-key',
  title: 'Save the key',
  resumable: false,
  async run(ctx) {
    const key = ctx.state.key;
    if (!key) return CONTINUE;
    const targets = await chooseTargets(ctx);
    if (!targets.length) {
      ctx.io.err('Not saved: the key stays only where it already was.');
      if (!ctx.mode.interactive && !ctx.options.save) ctx.io.err(ctx.io.c.dim('  (non-interactive runs save nothing unless asked: add --save env to write ./.env)'));
      return CONTINUE;
    }
    const reports = await saveKey(ctx, key.value, targets);
    for (const report of reports) printReport(ctx, report);
    const saved = reports.filter((r) => !r.error);
    ctx.state.savedTo.push(...saved.map((r) => r.location));
    // The summary tailors its "how your code loads it" hints to what was written.
    ctx.state.choices.savedTargets = saved.map((r) => r.target).join(',');
    const failed = reports.filter((r) => r.error);
    if (failed.length) {
      ctx.state.choices.saveFailed = failed.map((r) => r.target).join(',');
      // A script asked for these files: finishing with exit 0 would hide that they are missing.
      if (!ctx.mode.interactive) {
        throw new StorageError(
          `The key works, but it could not be saved to ${failed.map((r) => r.location).join(', ')}.`,
          'Fix the path (--dotenv) or choose other targets with --save; nothing else was changed there.',
        );
      }
    }
    return CONTINUE;
  },
};

async function chooseTargets(ctx: Context): Promise<StoreTarget[]> {
  // Explicit flag first; then the non-interactive default (none); then questions.
  if (ctx.options.save) return ctx.options.save.filter((t): t is StoreTarget => t !== 'none');
  if (!ctx.mode.interactive) return [];
  const offered = await availableTargets(ctx);
  // The storage module knows which target suits this machine (the .env in a project directory);
  // that one is asked first and defaults to yes, the others are opt-in.
  const preselected = offered.find((o) => o.recommended && o.available)?.target ?? 'env';
  const ordered = [...offered].sort((a, b) => Number(b.target === preselected) - Number(a.target === preselected));
  const chosen: StoreTarget[] = [];
  for (const option of ordered) {
    if (!option.available) {
      // Only the reason: the label of an unavailable target describes what it would have done.
      if (option.why) ctx.io.err(ctx.io.c.dim(`  ${TARGET_NAMES[option.target]} not available here: ${option.why}.`));
      continue;
    }
    const first = option.target === preselected;
    const question = first ? `Save the key in ${option.label}?` : chosen.length ? `Also save it in ${option.label}?` : `Save it in ${option.label} instead?`;
    if (await ctx.prompter.confirm(question, { default: first })) chosen.push(option.target);
  }
  return chosen;
}

function printReport(ctx: Context, report: SaveReport): void {
  const { c } = ctx.io;
  if (report.error) {
    ctx.io.err(`${c.red('✖')} ${report.location}: not saved (${report.error})`);
    return;
  }
  const mark = report.verified ? c.green('✔') : c.yellow('!');
  const verified = report.verified ? 'saved and read back' : 'saved, but reading it back did not match';
  ctx.io.err(`${mark} ${report.location}: ${verified}`);
  for (const note of report.notes) ctx.io.err(`  ${note}`);
}
