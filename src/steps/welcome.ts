// A short greeting; then the shortcut a returning user wants: check the key they already have instead
// of creating another one. (Resuming an interrupted run is offered by the runner: ./resume.ts.)
import { WELCOME } from '../content/pages.js';
import type { Context } from '../context.js';
import { analyseKey, describeKind } from '../key/analyse.js';
import { resolveKey } from '../key/sources.js';
import type { KeyInput } from '../key/types.js';
import { envFilePath, readDotenvKey } from '../store/env-file.js';
import { proposedEnvFile } from '../store/save-guards.js';
import { registerSecret } from '../ui/redact.js';
import { because, describeSource, say } from './shared.js';
import { CONTINUE, goto, type Step, type StepOutcome } from './step.js';

export const welcomeStep: Step = {
  id: 'welcome',
  title: 'Welcome',
  resumable: false,
  numbered: false,
  async run(ctx) {
    ctx.io.err(ctx.io.c.bold(WELCOME.title));
    say(ctx, WELCOME.lines);
    // Non-interactive runs never resume (nothing is recorded) and take the key in paste-key.
    if (!ctx.mode.interactive) {
      say(ctx, ctx.options.keyBrowser ? WELCOME.nonInteractiveKeyPage : WELCOME.nonInteractive);
      return CONTINUE;
    }
    return (await offerExistingKey(ctx)) ?? CONTINUE;
  },
};

async function offerExistingKey(ctx: Context): Promise<StepOutcome | undefined> {
  const found = await findExistingKey(ctx);
  if (!found) return undefined;
  const analysis = analyseKey(found.value);
  const where = describeSource(found.source);
  if (!analysis.ok) {
    ctx.io.err(ctx.io.c.yellow(`\n${because(`There is a key in ${where}, but it cannot be used`, analysis.reason)}`));
    ctx.io.err('Let us set up a new one.');
    return undefined;
  }
  ctx.io.err(`\nFound ${describeKind(analysis)} in ${where}: ${analysis.masked}`);
  const checkIt = await ctx.prompter.confirm('Check this key instead of starting over?', { default: true });
  // A newcomer who pastes a new key at this question means that key, not the stored one.
  const pasted = takeNewPastedKey(ctx, analysis.cleaned);
  if (pasted) {
    ctx.io.err(`Using the key you just pasted (${pasted.masked}), not the one in ${where}.`);
    registerSecret(pasted.cleaned);
    ctx.state.key = { value: pasted.cleaned, source: 'prompt' };
    return goto('check-key');
  }
  if (!checkIt) return undefined;
  registerSecret(analysis.cleaned);
  ctx.state.key = { value: analysis.cleaned, source: found.source };
  return goto('check-key');
}

/** A usable key pasted at the question that differs from the stored one; a bad paste is said, not dropped silently. */
function takeNewPastedKey(ctx: Context, stored: string): ReturnType<typeof analyseKey> | undefined {
  const raw = ctx.prompter.takePastedKey();
  if (raw === undefined) return undefined;
  const pasted = analyseKey(raw);
  if (pasted.ok && pasted.kind !== 'admin') return pasted.cleaned === stored ? undefined : pasted;
  ctx.io.err(ctx.io.c.yellow(because('The key you pasted cannot be used', pasted.ok ? 'It is an admin key, which cannot call models.' : pasted.reason)));
  return undefined;
}

async function findExistingKey(ctx: Context): Promise<KeyInput | undefined> {
  // With --key-stdin the key is meant for paste-key; reading stdin here would consume it.
  if (ctx.options.keyStdin || ctx.options.keyBrowser) return undefined;
  try {
    return (await resolveKey(ctx)) ?? (await rootEnvKey(ctx));
  } catch {
    // A source that cannot be read (an unreadable .env, a locked keychain) is not a reason to stop here.
    return undefined;
  }
}

/** In a subfolder of a git work tree, the root's .env (where dotenv users keep it, and where save-key proposes it). */
async function rootEnvKey(ctx: Context): Promise<KeyInput | undefined> {
  const file = await proposedEnvFile(ctx);
  if (file === envFilePath(ctx)) return undefined;
  const value = await readDotenvKey(file);
  if (!value?.trim()) return undefined;
  registerSecret(value);
  return { value, source: `file:${file}` };
}
