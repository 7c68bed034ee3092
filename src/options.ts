// Flags are parsed by commander and validated here, once, into a typed Options object.
// zod/mini: the same validation as classic zod with a functional API that esbuild can tree-shake
// (~20 KB instead of ~100 KB on every path that parses options).
import { cmd } from './platform/command-name.js';
import * as z from 'zod/mini';
import { UsageError } from './errors.js';
import { SHELLS } from './store/shell-paths.js';
import { type StoreTarget, TARGET_IDS } from './store/targets/ids.js';

export { SHELLS, type ShellName } from './store/shell-paths.js';
/** --save: the registered targets (src/store/targets/index.ts), and `none`. */
export const SAVE_TARGETS = [...TARGET_IDS, 'none'] as const;
export type SaveTarget = StoreTarget | 'none';

/** "env, shell, keychain or none": the --save values in words, for help and error text. */
export const saveTargetWords = (ids: readonly string[], last = 'or') => `${ids.slice(0, -1).join(', ')} ${last} ${ids.at(-1)}`;

const flag = (value: boolean) => z._default(z.boolean(), value);

/** The --save list for the given target ids (a test passes its own registry's). */
export const saveListSchema = <T extends string>(ids: readonly T[]) =>
  z
    .pipe(
      z.pipe(
        z.string(),
        z.transform((s: string) => s.split(',').map((t) => t.trim()).filter(Boolean)),
      ),
      z
        .array(z.enum([...ids, 'none'] as [T | 'none'], { error: (i) => `unknown target "${String(i.input)}" (use ${saveTargetWords([...ids, 'none'])})` }))
        .check(z.minLength(1, 'give at least one target')),
    )
    .check(z.refine((list) => !((list as string[]).includes('none') && list.length > 1), '"none" cannot be combined with other targets'));

export const optionsSchema = z.object({
  json: flag(false),
  nonInteractive: flag(false),
  browser: flag(true),
  color: flag(true),
  baseUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.openai.com/v1' })),
  timeout: z._default(
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .check(
        z.int('must be a whole number of milliseconds'),
        z.minimum(100, 'must be at least 100 ms'),
        z.maximum(600_000, 'must be at most 600000 ms'),
      ),
    15_000,
  ),
  verbose: flag(false),
  yes: flag(false),
  keyStdin: flag(false),
  keyBrowser: flag(false),
  /** --wait: how long --key-browser waits for a paste, in seconds. */
  wait: z._default(
    z.coerce
      .number({ error: 'must be a number of seconds' })
      .check(z.int('must be a whole number of seconds'), z.minimum(1, 'must be at least 1 second'), z.maximum(86_400, 'must be at most 86400 seconds (a day)')),
    600,
  ),
  spend: flag(true),
  save: z.optional(saveListSchema(TARGET_IDS)),
  envFile: z._default(z.string().check(z.minLength(1)), '.env'),
  shell: z.optional(z.enum(SHELLS, { error: 'must be one of bash, zsh, fish, pwsh' })),
  checkKey: flag(false),
});

export type Options = z.output<typeof optionsSchema>;

const FLAG_NAMES: Record<string, string> = {
  baseUrl: '--base-url',
  timeout: '--timeout',
  save: '--save',
  envFile: '--dotenv',
  shell: '--shell',
  wait: '--wait',
};

/** Validates commander's raw option bag; a bad value is a UsageError naming the flag. */
export function parseOptions(raw: Record<string, unknown>): Options {
  // --dotenv fills `envFile`. There is no --env-file option: Node itself reads an `--env-file`
  // argument even after the script name and applies NODE_OPTIONS from it before our code runs
  // (nodejs/node#54232); src/argv-guard.ts refuses it with that reason.
  const { dotenv, ...rest } = raw;
  const result = optionsSchema.safeParse(dotenv === undefined ? rest : { ...rest, envFile: dotenv });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = FLAG_NAMES[key] ?? `--${key}`;
    throw new UsageError(`Invalid value for ${flag}: ${issue.message}.`, `Run "${cmd('--help')}" for usage.`);
  }
  if (result.data.keyBrowser && result.data.keyStdin) {
    throw new UsageError('--key-browser and --key-stdin both say where the key comes from.', 'Give one of them.');
  }
  if (result.data.checkKey && result.data.save && !result.data.save.includes('none')) {
    // The contract: --check-key changes nothing on disk. Ignoring --save silently would let a script
    // believe the key was stored.
    throw new UsageError(
      '--check-key only checks a key and changes nothing on disk, so it cannot be combined with --save.',
      `To check and save in one run: ${cmd('--non-interactive --key-stdin --save ' + result.data.save.join(','))}`,
    );
  }
  return result.data;
}
