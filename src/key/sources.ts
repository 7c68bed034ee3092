// Where the key comes from, first match wins: --key-stdin, $OPENAI_API_KEY, then the places
// `status` finds (project .env, keychain, openai-onboard's shell block). STUB: issue 3 / issue 4.
import type { Context } from '../context.js';
import type { KeyInput } from './types.js';

export async function resolveKey(ctx: Context): Promise<KeyInput | undefined> {
  if (ctx.options.keyStdin) return { value: (await ctx.io.readStdin()).trim(), source: 'stdin' };
  const env = ctx.env.OPENAI_API_KEY;
  if (env) return { value: env, source: 'env:OPENAI_API_KEY' };
  return undefined;
}
