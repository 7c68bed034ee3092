// Getting the key into memory: a masked prompt, or (flag / non-interactive) --key-stdin or
// OPENAI_API_KEY. Obvious mistakes are caught locally, before anything is sent anywhere.
import { keyFromPage, rejectPageKey } from '../key-page/source.js';
import { PASTE_KEY } from '../content/pages.js';
import type { Context } from '../context.js';
import { DiagnosisError, UsageError } from '../errors.js';
import { analyseKey, describeKind, type LocalAnalysis } from '../key/analyse.js';
import { resolveKey } from '../key/sources.js';
import type { KeySourceName } from '../key/types.js';
import { URLS } from '../platform/urls.js';
import { registerSecret } from '../ui/redact.js';
import { because, describeSource, showLink } from './shared.js';
import { CONTINUE, type Step, type StepOutcome } from './step.js';

/** The dashboard lists keys masked ("sk-proj-…AbCd", "sk-…***"): the analyser refuses those. */
const MASKED = /[\u2026\u2022\u25cf]|\.{3}|\*{3}/;

export const pasteKeyStep: Step = {
  id: 'paste-key',
  title: 'Paste your key',
  resumable: false,
  async run(ctx) {
    // --key-browser: the one-time page is the only source, in every mode (it reads no terminal).
    if (ctx.options.keyBrowser) return takeFromPage(ctx);
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
  const refusal = refusalOf(analysis);
  if (!refusal) {
    accept(ctx, analysis, found.source);
    return true;
  }
  const message = because(`The key from ${describeSource(found.source)} cannot be used`, refusal);
  if (!ctx.mode.interactive) throw new DiagnosisError(analysis.diagnosis ?? 'malformed_key', message, PASTE_KEY.fixSource);
  ctx.io.err(ctx.io.c.red(`✖ ${message}`));
  return false;
}

/** Waits for a paste on the key page; a string that cannot be a key is asked for again on the page. */
async function takeFromPage(ctx: Context): Promise<StepOutcome> {
  for (;;) {
    const found = await keyFromPage(ctx);
    if (!found) {
      throw new DiagnosisError(
        'missing_key',
        `No key was pasted on the key page within ${ctx.options.wait} s.`,
        'Run the command again and paste the key on the page whose address it prints, or give more time with --wait <seconds>.',
      );
    }
    const analysis = analyseKey(found.value);
    const refusal = refusalOf(analysis);
    if (!refusal) {
      accept(ctx, analysis, 'browser');
      return CONTINUE;
    }
    const message = because('That cannot be used as a key', refusal);
    ctx.io.err(ctx.io.c.red(`✖ ${message}`));
    rejectPageKey(ctx, message);
  }
}

async function promptForKey(ctx: Context): Promise<void> {
  // A key pasted at an earlier prompt (a "Press Enter" pause, a question) was kept, not shown: use it.
  let pasted = ctx.prompter.takePastedKey();
  // Ctrl-C here is the usual way out; the prompter turns it into CancelledError.
  for (;;) {
    const analysis = analyseKey(pasted ?? (await ctx.prompter.password(PASTE_KEY.prompt)));
    pasted = undefined;
    const refusal = refusalOf(analysis);
    if (!refusal) return accept(ctx, analysis, 'prompt');
    await nextStepAfter(ctx, analysis, refusal);
    // The rest of a paste that began with a line break (which submitted this prompt empty) lands at the
    // next question, where the guard keeps it: take it instead of asking for the key again.
    pasted = ctx.prompter.takePastedKey();
  }
}

/**
 * Why the wizard will not take this string, or undefined when it will. An admin key is a real OpenAI
 * key, but it cannot call models: sending it would only come back as a puzzling invalid_key.
 */
function refusalOf(analysis: LocalAnalysis): string | undefined {
  if (!analysis.ok) return analysis.reason ?? 'That does not look like an OpenAI API key.';
  if (analysis.kind === 'admin') return PASTE_KEY.admin;
  return undefined;
}

/** One next step per kind of mistake, so the advice never contradicts the reason above it. */
async function nextStepAfter(ctx: Context, analysis: LocalAnalysis, refusal: string): Promise<void> {
  if (analysis.cleaned === '') {
    ctx.io.err(ctx.io.c.yellow(PASTE_KEY.empty));
    if (await ctx.prompter.confirm(PASTE_KEY.reopen, { default: true })) await ctx.browser.open(URLS.apiKeys, 'API keys');
    return;
  }
  ctx.io.err(ctx.io.c.red(`✖ ${refusal}`));
  if (analysis.kind === 'admin') return showLink(ctx, 'API keys', URLS.apiKeys);
  if (analysis.diagnosis === 'wrong_provider_key') {
    ctx.io.err(PASTE_KEY.otherProvider);
    return showLink(ctx, 'API keys', URLS.apiKeys);
  }
  // A key copied from the keys list, masked: copying it again cannot help.
  if (MASKED.test(analysis.cleaned)) return showLink(ctx, 'API keys', URLS.apiKeys);
  ctx.io.err(PASTE_KEY.retry);
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
