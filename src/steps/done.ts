// The end: what was achieved, how to use the key from code (without ever printing it), where to
// watch spending, and the progress record cleared so the next run starts fresh.
import { clearProgress } from './resume.js';
import { checkAgain, exampleModel, LOADING_HINTS, snippets } from '../content/next-steps.js';
import { ORG_VERIFICATION } from '../content/plans.js';
import type { Context } from '../context.js';
import { analyseKey, describeKind } from '../key/analyse.js';
import { maskKey } from '../key/mask.js';
import { cmd } from '../platform/command-name.js';
import { endUnfunded } from './unfunded-ending.js';
import { URLS } from '../platform/urls.js';
import { say, showLink } from './shared.js';
import { FINISH, type Step } from './step.js';

export const doneStep: Step = {
  id: 'done',
  title: 'Done',
  resumable: false,
  numbered: false,
  async run(ctx) {
    // "Save it now and check again later" from the no-credit menu: saved, but not funded yet.
    if (ctx.state.check?.diagnosis === 'no_credits') return endUnfunded(ctx);
    const { c } = ctx.io;
    ctx.io.err(`\n${c.green.bold('✔ All set.')}`);
    summarise(ctx);
    // Before the code: a stale variable would make every snippet below use the old key.
    warnAboutShadowingVariable(ctx);
    const saved = savedTargets(ctx);
    const { model, line } = exampleModel(ctx.state.check?.exampleModel);
    ctx.io.err(`\n${c.bold('Use it from code')}`);
    ctx.io.err('These examples read OPENAI_API_KEY; never put the key itself in source files.');
    ctx.io.err(line);
    for (const snippet of snippets(model, saved.includes('env') ? 'node --env-file=.env app.mjs' : 'node app.mjs')) {
      ctx.io.err(`\n  ${c.bold(snippet.title)}`);
      // Code is never re-wrapped: a line break inside it would break the copy-paste.
      for (const l of snippet.lines) ctx.io.err(`    ${c.cyan(l)}`, { wrap: false });
    }
    ctx.io.err('');
    say(ctx, loadingHints(saved));
    ctx.io.err(`\n${c.bold('Keep an eye on spending')}`);
    showLink(ctx, 'Usage', URLS.usage);
    showLink(ctx, 'Limits (hard limit)', URLS.limits);
    ctx.io.err('');
    say(ctx, ORG_VERIFICATION.map((l) => c.dim(l)));
    ctx.io.err(`\n${checkAgain()}`);
    await clearProgress(ctx);
    return FINISH;
  },
};

function summarise(ctx: Context): void {
  const { key, check, savedTo } = ctx.state;
  if (key) {
    const analysis = analyseKey(key.value);
    // A comma, not parentheses: some kinds carry their own ("an organization key (sk-None-)").
    ctx.io.err(`  Key:     ${analysis.masked}, ${describeKind(analysis)}`);
  }
  if (check) ctx.io.err(`  Check:   ${check.diagnosis}${check.diagnosis === 'rate_limited' ? ' (the key works; you were rate limited)' : ''}`);
  const nowhere = ctx.state.saves?.some((r) => r.error) ? 'nowhere (saving failed, see above)' : 'nowhere (not asked to save)';
  ctx.io.err(`  Saved:   ${savedTo.length ? savedTo.join(', ') : nowhere}`);
}

function savedTargets(ctx: Context): string[] {
  return (ctx.state.saves ?? []).filter((r) => !r.error).map((r) => r.target as string);
}

function loadingHints(saved: string[]): string[] {
  const hints: string[] = [];
  if (saved.includes('env')) hints.push(LOADING_HINTS.env);
  if (saved.includes('shell')) hints.push(LOADING_HINTS.shell);
  if (!saved.length) hints.push(LOADING_HINTS.none);
  return hints;
}

/** A stale OPENAI_API_KEY in the environment wins over .env in most libraries: say so. */
function warnAboutShadowingVariable(ctx: Context): void {
  const inEnv = ctx.env.OPENAI_API_KEY?.trim();
  const key = ctx.state.key?.value;
  if (!inEnv || !key || inEnv === key || !ctx.state.savedTo.length) return;
  ctx.io.err(ctx.io.c.yellow(`\nNote: this terminal's OPENAI_API_KEY holds a different key (${maskKey(inEnv)}); most libraries prefer it over .env.`));
  ctx.io.err(ctx.io.c.yellow(`  Remove it from your environment (or shell profile) so the new key is used: \`${cmd('status')}\` shows where it is set.`));
}
