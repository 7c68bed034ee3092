// Getting the key into memory: a masked prompt, or (flag / non-interactive) --key-stdin or
// OPENAI_API_KEY. Obvious mistakes are caught locally, before anything is sent anywhere.
import { PASTE_KEY } from '../content/pages.js';
import type { Context } from '../context.js';
import { DiagnosisError, UsageError } from '../errors.js';
import { analyseKey, describeKind, type LocalAnalysis } from '../key/analyse.js';
import { resolveKey } from '../key/sources.js';
import type { KeySourceName } from '../key/types.js';
import { registerSecret } from '../ui/redact.js';
import { because, describeSource } from './shared.js';
import { CONTINUE, type Step } from './step.js';

export const pasteKeyStep: Step = {
  id: 'paste-key',
  title: 'Paste your key',
  resumable: false,
  async run(ctx) {
    // Explicit flag first, then the non-interactive source, then the prompt (create-astro's order).
    // A key already taken from stdin is not read again when "paste again" brings us back here.
    if (ctx.options.keyStdin ? ctx.state.key?.source !== 'stdin' : !ctx.mode.interactive) {
      if (await takeFromSources(ctx)) return CONTINUE;
    }
    await promptForKey(ctx);
    return CONTINUE;
  },
};

/** --key-stdin or OPENAI_API_KEY. Returns false when an interactive user can still paste instead. */
async function takeFromSources(ctx: Context): Promise<boolean> {
  const found = await resolveKey(ctx);
  if (!found) {
    if (ctx.mode.interactive) return false;
    throw new UsageError(
      'No API key given, and prompting is not possible in non-interactive mode.',
      'Pipe the key with --key-stdin (e.g. `printenv MY_KEY | npx openai-onboard --key-stdin`), or set OPENAI_API_KEY.',
    );
  }
  const analysis = analyseKey(found.value);
  if (analysis.ok) {
    accept(ctx, analysis, found.source);
    return true;
  }
  const message = because(`The key from ${describeSource(found.source)} cannot be used`, analysis.reason);
  if (!ctx.mode.interactive) throw new DiagnosisError(analysis.diagnosis ?? 'malformed_key', message, PASTE_KEY.fixSource);
  ctx.io.err(ctx.io.c.red(`✖ ${message}`));
  return false;
}

async function promptForKey(ctx: Context): Promise<void> {
  // A key pasted at an earlier prompt (a "Press Enter" pause, a question) was kept, not shown: use it.
  let pasted = ctx.prompter.takePastedKey();
  // Ctrl-C here is the usual way out; the prompter turns it into CancelledError.
  for (;;) {
    const analysis = analyseKey(pasted ?? (await ctx.prompter.password(PASTE_KEY.prompt)));
    pasted = undefined;
    if (analysis.ok) return accept(ctx, analysis, 'prompt');
    ctx.io.err(ctx.io.c.red(`✖ ${analysis.reason ?? 'That does not look like an OpenAI API key.'}`));
    ctx.io.err(PASTE_KEY.retry);
  }
}

function accept(ctx: Context, analysis: LocalAnalysis, source: KeySourceName): void {
  // From now on any error text that happens to contain the key is masked before printing.
  registerSecret(analysis.cleaned);
  ctx.state.key = { value: analysis.cleaned, source };
  const ending = analysis.masked.slice(analysis.masked.indexOf('…'));
  const from = source === 'prompt' ? '' : ` from ${describeSource(source)}`;
  ctx.io.err(ctx.io.c.green(`✔ Received ${analysis.length} characters${from}, ending ${ending}: ${describeKind(analysis)}.`));
  for (const warning of analysis.warnings) ctx.io.err(ctx.io.c.yellow(`  Note: ${warning}`));
}
