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
import { clearProgress } from './resume.js';

export async function endUnfunded(ctx: Context): Promise<StepOutcome> {
  const { c } = ctx.io;
  const where = ctx.state.savedTo.map((p) => tildify(p, ctx.home)).join(', ');
  ctx.io.err(`\n${c.yellow.bold('! Saved, not yet funded.')}`);
  if (ctx.state.key) ctx.io.err(`  Key:     ${maskKey(ctx.state.key.value)} (valid)`);
  ctx.io.err(`  Saved:   ${where || 'nowhere'}`);
  ctx.io.err('  Credit:  none yet: API calls fail with "insufficient_quota" until the balance shows credit.');
  showLink(ctx, 'Add credit', URLS.billing);
  ctx.io.err(`When the balance shows credit (it can take a few minutes), check the saved key with: ${c.bold(cmd('--check-key'))}`);
  // The run is over: the next one starts at welcome, which finds the saved key and offers to check it
  // (a kept "Continue where you left off?" would skip that offer, and follow the user to other projects).
  await clearProgress(ctx);
  return { next: 'finish', unfunded: true };
}
