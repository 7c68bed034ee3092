// Where the key comes from, first match wins: --key-stdin, $OPENAI_API_KEY, then the places `status`
// finds. The result always says which source was used.
import { cmd } from '../platform/command-name.js';
import type { Context } from '../context.js';
import { DiagnosisError, UsageError } from '../errors.js';
import { keychainKeySource, readEnvFileKey, shellBlockKeySource } from '../store/readers.js';
import { registerSecret } from '../ui/redact.js';
import { readKeyFromStream, STDIN_KEY_LIMIT } from './stdin-key.js';
import type { KeyInput } from './types.js';

export type KeySource = (ctx: Context) => Promise<KeyInput | undefined>;

/** --key-stdin: the whole input (a few KB at most), trimmed. A terminal on stdin would wait forever: refuse it. */
async function fromStdin(ctx: Context): Promise<KeyInput | undefined> {
  if (ctx.io.stdinIsTTY) {
    throw new UsageError(
      '--key-stdin reads the key from a pipe, but standard input is a terminal.',
      `Pipe the key in, e.g.:\n  printenv OPENAI_API_KEY | ${cmd('--check-key --key-stdin')}`,
    );
  }
  const read = await readKeyFromStream(ctx.io.stdin);
  if ('tooLarge' in read) {
    const { bytes, exact } = read.tooLarge;
    throw new DiagnosisError(
      'malformed_key',
      `Standard input held ${exact ? '' : 'more than '}${bytes} bytes: far more than any key, so it was not taken as one (only its first ${STDIN_KEY_LIMIT} bytes were kept, and then dropped). Nothing was sent.`,
      `Pipe only the key, e.g.: printenv OPENAI_API_KEY | ${cmd('--check-key --key-stdin')}`,
    );
  }
  const value = read.text.trim();
  if (!value) return undefined;
  registerSecret(value);
  return { value, source: 'stdin' };
}

async function fromEnvironment(ctx: Context): Promise<KeyInput | undefined> {
  const value = ctx.env.OPENAI_API_KEY;
  if (!value?.trim()) return undefined;
  registerSecret(value);
  return { value, source: 'env:OPENAI_API_KEY' };
}

/** The project's .env file (--dotenv, default ./.env): its OPENAI_API_KEY entry, as dotenv reads it. */
async function fromDotEnv(ctx: Context): Promise<KeyInput | undefined> {
  const found = await readEnvFileKey(ctx);
  if (!found?.value.trim()) return undefined;
  registerSecret(found.value);
  return { value: found.value, source: `file:${ctx.options.envFile}` };
}

/** The sources after the environment, in the order `status` reports them. */
export const STORED_SOURCES: KeySource[] = [fromDotEnv, keychainKeySource, shellBlockKeySource];

/**
 * Resolves the key to check. With --key-browser the one-time page is the only source (it reads no
 * terminal, so it works in every mode). With --key-stdin, stdin is the only source: a script that pipes a key
 * means that key, and an empty pipe is "no key" rather than a silent fallback to another one.
 */
export async function resolveKey(ctx: Context): Promise<KeyInput | undefined> {
  if (ctx.options.keyBrowser) return (await import('../key-page/source.js')).keyFromPage(ctx);
  if (ctx.options.keyStdin) return fromStdin(ctx);
  for (const source of [fromEnvironment, ...STORED_SOURCES]) {
    const found = await source(ctx);
    if (found) return found;
  }
  return undefined;
}
