// `openai-onboard reset`: lists exactly what openai-onboard wrote (from its config store), asks, and
// removes only that. Reminds that deleting a local copy does not revoke the key.
import { access } from 'node:fs/promises';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { URLS } from '../platform/urls.js';
import { redact } from '../ui/redact.js';
import { tildify } from '../store/shell-paths.js';
import { describeEntry, removeConfig, type UndoOutcome, undoEntry } from '../store/unsave.js';

export async function runReset(ctx: Context): Promise<number> {
  const config = await ctx.config.read();
  const hasConfig = await access(ctx.config.path).then(() => true, () => false);
  const t = (p: string) => tildify(p, ctx.home);
  if (config.saved.length === 0 && !hasConfig) {
    if (ctx.options.json) ctx.io.out(JSON.stringify({ ok: true, removed: [], kept: [], configRemoved: false }));
    else ctx.io.out('openai-onboard has not written anything on this machine: nothing to reset.');
    return 0;
  }
  ctx.io.err('openai-onboard wrote:');
  for (const e of config.saved) ctx.io.err(`  - ${t(describeEntry(e))}`);
  ctx.io.err(`  - its settings, ${t(ctx.config.path)}`);
  if (!ctx.options.yes) {
    if (!ctx.mode.interactive) {
      throw new UsageError('reset removes files, and cannot ask for confirmation in non-interactive mode.', 'Add --yes to confirm: openai-onboard reset --yes');
    }
    if (!(await ctx.prompter.confirm('Remove all of these?', { default: false }))) {
      ctx.io.err('Nothing was removed.');
      return 0;
    }
  }
  const outcomes: UndoOutcome[] = [];
  for (const entry of config.saved) {
    try {
      outcomes.push(await undoEntry(ctx, entry));
    } catch (error) {
      outcomes.push({ target: entry.target, location: entry.location, outcome: 'kept', detail: `could not remove it: ${redact(error instanceof Error ? error.message : String(error))}` });
    }
  }
  const configRemoved = await removeConfig(ctx);
  if (ctx.options.json) {
    ctx.io.out(
      JSON.stringify({
        ok: true,
        removed: outcomes.filter((o) => o.outcome !== 'kept'),
        kept: outcomes.filter((o) => o.outcome === 'kept'),
        configRemoved,
      }),
    );
  } else {
    for (const o of outcomes) {
      const mark = o.outcome === 'kept' ? ctx.io.c.yellow('!') : ctx.io.c.green('✔');
      ctx.io.out(`${mark} ${t(o.location)}: ${t(o.detail)}`);
    }
    if (configRemoved) ctx.io.out(`${ctx.io.c.green('✔')} ${t(ctx.config.path)}: removed`);
    else ctx.io.out(`${ctx.io.c.yellow('!')} ${t(ctx.config.path)}: left as it is (see the warning)`);
  }
  ctx.io.err(ctx.io.c.yellow('Deleting local copies does not revoke the key: anyone who has a copy can still use it.'));
  ctx.io.err('To revoke it, delete it on the API keys page.');
  await ctx.browser.open(URLS.apiKeys, 'API keys');
  if (config.saved.some((e) => e.target === 'env')) ctx.io.err(ctx.io.c.dim('(.gitignore lines that openai-onboard added are kept: ignoring .env stays a good idea.)'));
  return 0;
}
