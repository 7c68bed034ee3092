// When an AI coding agent runs us for a person, the person is the one who must act in a browser. The
// agent can only relay what we print, so the next step is one self-contained paragraph with the URL and
// the exact command to run afterwards. It never contains the key, and it tells the agent not to ask for
// the key in the chat (a key pasted there ends up in a transcript).
import type { CheckResult } from '../key/types.js';
import type { Context } from '../context.js';
import { cmd } from './command-name.js';
import { URLS } from './urls.js';

/** How the person (or the agent, once the key is in its environment) checks a key without showing it. */
export const recheckCommand = () => `printenv OPENAI_API_KEY | ${cmd('--check-key --key-stdin')}`;

const KEEP_IT_OUT_OF_CHAT = 'They should not paste the key into this conversation.';

/**
 * The hand-over an agent can do itself: --key-browser serves a one-time page on 127.0.0.1, so the
 * key goes from the person's browser straight to us, never through the agent's transcript.
 */
const handOver = () =>
  `Then run \`${cmd('--non-interactive --key-browser --save env --json')}\` yourself and give the person the ` +
  `http://127.0.0.1 address it prints: they paste the key on that page (or, in their own terminal: ${recheckCommand()}).`;

export type NextStepSituation =
  /** No key was given: the whole platform part of the onboarding is still to do. */
  | { kind: 'no-key' }
  /** A key was checked; savedTo lists where it was saved (empty: nowhere). */
  | { kind: 'checked'; result: Pick<CheckResult, 'ok' | 'diagnosis' | 'fix' | 'fixUrl'>; savedTo: readonly string[] };

/** The next step for the person, in words an agent can relay as they are. */
export function nextStepForPerson(situation: NextStepSituation): string {
  if (situation.kind === 'no-key') {
    return (
      `Ask the person to open ${URLS.signIn} and sign in (ChatGPT plans include no API usage), ` +
      `add a payment method and credit at ${URLS.billing}, ` +
      `and create a secret key at ${URLS.apiKeys}. ${handOver()} ${KEEP_IT_OUT_OF_CHAT}`
    );
  }
  const { result, savedTo } = situation;
  if (result.diagnosis === 'ok' || result.diagnosis === 'rate_limited') {
    const works = result.diagnosis === 'ok' ? 'The key works' : 'The key works (the check was rate limited, which is not a key problem)';
    if (savedTo.length) return `${works} and was saved to ${savedTo.join(', ')}. Nothing else is needed.`;
    return (
      `${works}. It was not saved anywhere (the default in non-interactive mode). To save it to the project's .env, ` +
      `run: printenv OPENAI_API_KEY | ${cmd('--non-interactive --key-stdin --save env')}`
    );
  }
  const fix = result.fix.trim().replace(/[.\s]+$/, '');
  const where = result.fixUrl && !fix.includes(result.fixUrl) ? ` (${result.fixUrl})` : '';
  return (
    `The key check ended in "${result.diagnosis}". Ask the person to do this: ${fix}${where}. ` +
    `${handOver()} ${KEEP_IT_OUT_OF_CHAT}`
  );
}

/** Prints the next step on stderr when an agent runs us; says nothing otherwise. */
export function printAgentNextStep(ctx: Pick<Context, 'io' | 'mode'>, situation: NextStepSituation): void {
  if (!ctx.mode.agent) return;
  // Not re-wrapped: an agent reads logical lines, and the command it relays must stay whole.
  ctx.io.err(`\n${ctx.io.c.bold(`Next step for the person (${ctx.mode.agent} can relay this):`)}\n${nextStepForPerson(situation)}`, { wrap: false });
}
