// The end of a run that saved a valid key before its account had credit ("Save it now and check
// again later" in the no-credit menu): where the key is, what is still missing, and how to check
// once the balance lands. The wizard then exits with no_credits' code (5): saved, not yet funded.
import type { Context } from '../context.js';
import { maskKey } from '../key/mask.js';
import { cmd } from '../platform/command-name.js';
import { URLS } from '../platform/urls.js';
import { tildify } from '../store/shell-paths.js';
import { showLink } from './shared.js';
import type { StepOutcome } from './step.js';

export async function endUnfunded(ctx: Context): Promise<StepOutcome> {
  const { c } = ctx.io;
  const where = ctx.state.savedTo.map((p) => tildify(p, ctx.home)).join(', ');
  ctx.io.err(`\n${c.yellow.bold('! Saved, not yet funded.')}`);
  if (ctx.state.key) ctx.io.err(`  Key:     ${maskKey(ctx.state.key.value)} (valid)`);
  ctx.io.err(`  Saved:   ${where || 'nowhere'}`);
  ctx.io.err('  Credit:  none yet: API calls fail with "insufficient_quota" until the balance shows credit.');
  showLink(ctx, 'Add credit', URLS.billing);
  ctx.io.err(`When the balance shows credit (it can take a few minutes), check the saved key with: ${c.bold(cmd('--check-key'))}`);
  // Progress stays: the next run offers to check the saved key (welcome finds it) instead of starting over.
  return { next: 'finish', unfunded: true };
}
