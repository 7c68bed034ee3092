// Flags are parsed by commander and validated here, once, into a typed Options object.
import { z } from 'zod';
import { UsageError } from './errors.js';

export const SAVE_TARGETS = ['env', 'shell', 'keychain', 'none'] as const;
export type SaveTarget = (typeof SAVE_TARGETS)[number];
export const SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
export type ShellName = (typeof SHELLS)[number];

const saveList = z
  .string()
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.enum(SAVE_TARGETS, { error: (i) => `unknown target "${String(i.input)}" (use env, shell, keychain or none)` }))
      .min(1, 'give at least one target'),
  )
  .refine((list) => !(list.includes('none') && list.length > 1), '"none" cannot be combined with other targets');

export const optionsSchema = z.object({
  json: z.boolean().default(false),
  nonInteractive: z.boolean().default(false),
  browser: z.boolean().default(true),
  color: z.boolean().default(true),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.openai.com/v1' })
    .optional(),
  timeout: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100 ms')
    .max(600_000, 'must be at most 600000 ms')
    .default(15_000),
  verbose: z.boolean().default(false),
  yes: z.boolean().default(false),
  keyStdin: z.boolean().default(false),
  spend: z.boolean().default(true),
  save: saveList.optional(),
  envFile: z.string().min(1).default('.env'),
  shell: z.enum(SHELLS, { error: 'must be one of bash, zsh, fish, pwsh' }).optional(),
  checkKey: z.boolean().default(false),
});

export type Options = z.infer<typeof optionsSchema>;

const FLAG_NAMES: Record<string, string> = {
  baseUrl: '--base-url',
  timeout: '--timeout',
  save: '--save',
  envFile: '--env-file',
  shell: '--shell',
};

/** Validates commander's raw option bag; a bad value is a UsageError naming the flag. */
export function parseOptions(raw: Record<string, unknown>): Options {
  const result = optionsSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = FLAG_NAMES[key] ?? `--${key}`;
  throw new UsageError(`Invalid value for ${flag}: ${issue.message}.`, `Run "openai-onboard --help" for usage.`);
}
