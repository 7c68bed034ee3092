// `openai-onboard reset`: lists exactly what openai-onboard wrote (from its config store), asks, and
// removes only that. Reminds that deleting a local copy does not revoke the key.
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { CancelledError, EXIT, UsageError } from '../errors.js';
import type { SavedEntry } from '../store/config-store.js';
import { URLS } from '../platform/urls.js';
import { redact } from '../ui/redact.js';
import { tildify } from '../store/shell-paths.js';
import { describeEntry, removeConfig, type UndoOutcome, undoEntry } from '../store/unsave.js';

export async function runReset(ctx: Context): Promise<number> {
  const config = await ctx.config.read();
  const hasConfig = await access(ctx.config.path).then(() => true, () => false);
  const t = (p: string) => tildify(p, ctx.home);
  if (config.saved.length === 0 && !hasConfig) {
    if (ctx.options.json) ctx.io.out(JSON.stringify({ ok: true, removed: [], kept: [], configRemoved: false, exitCode: 0 }));
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
    const confirmed = await ctx.prompter.confirm('Remove all of these?', { default: false }).catch((error: unknown) => {
      // Ctrl-C here: nothing was removed (the wizard's "Nothing was saved" would be wrong).
      throw error instanceof CancelledError ? new CancelledError('Cancelled. Nothing was removed.') : error;
    });
    if (!confirmed) {
      ctx.io.err('Nothing was removed.');
      return 0;
    }
  }
  const outcomes: UndoOutcome[] = [];
  // Entries whose removal failed or could not be confirmed: their records stay, so a later reset
  // (where the keychain answers) still knows about them.
  const unfinished: SavedEntry[] = [];
  for (const entry of config.saved) {
    try {
      const outcome = await undoEntry(ctx, entry);
      if (outcome.outcome === 'unreachable') unfinished.push(entry);
      outcomes.push(outcome);
    } catch (error) {
      unfinished.push(entry);
      outcomes.push({ target: entry.target, location: entry.location, outcome: 'unreachable', detail: `could not remove it: ${redact(error instanceof Error ? error.message : String(error))}` });
    }
  }
  if (unfinished.length) {
    await ctx.config.update((c) => {
      c.saved = c.saved.filter((e) => unfinished.some((u) => u.target === e.target && u.location === e.location));
    });
  }
  const configRemoved = unfinished.length === 0 && (await removeConfig(ctx));
  const isKept = (o: UndoOutcome) => o.outcome === 'kept' || o.outcome === 'unreachable';
  if (ctx.options.json) {
    ctx.io.out(
      JSON.stringify({
        ok: unfinished.length === 0,
        removed: outcomes.filter((o) => !isKept(o)),
        kept: outcomes.filter(isKept),
        configRemoved,
        // As every --json object: the code this run exits with (1 while something may still hold the key).
        exitCode: unfinished.length ? EXIT.unexpected : 0,
      }),
    );
  } else {
    for (const o of outcomes) {
      const mark = o.outcome === 'unreachable' ? ctx.io.c.red('✖') : o.outcome === 'kept' ? ctx.io.c.yellow('!') : ctx.io.c.green('✔');
      ctx.io.out(`${mark} ${t(o.location)}: ${t(o.detail)}`);
    }
    if (unfinished.length) ctx.io.out(`${ctx.io.c.yellow('!')} ${t(ctx.config.path)}: kept, with the record of what could not be removed (run reset again where it can be reached)`);
    else if (configRemoved) ctx.io.out(`${ctx.io.c.green('✔')} ${t(ctx.config.path)}: removed`);
    else ctx.io.out(`${ctx.io.c.yellow('!')} ${t(ctx.config.path)}: left as it is (see the warning)`);
  }
  ctx.io.err(ctx.io.c.yellow('Deleting local copies does not revoke the key: anyone who has a copy can still use it.'));
  ctx.io.err('To revoke it, delete it on the API keys page.');
  await ctx.browser.open(URLS.apiKeys, 'API keys');
  // Only where a .gitignore sits next to a .env we wrote (outside a git work tree none was touched).
  const gitignored = config.saved.some((e) => e.target === 'env' && existsSync(join(dirname(e.location), '.gitignore')));
  if (gitignored) ctx.io.err(ctx.io.c.dim('(.gitignore lines that openai-onboard added are kept: ignoring .env stays a good idea.)'));
  // Something may still hold the key: a script must not read this as done.
  return unfinished.length ? EXIT.unexpected : 0;
}
