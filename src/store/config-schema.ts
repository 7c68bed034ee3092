// The config file's schema (zod/mini). Its own module so a first run, with no config file yet,
// never loads zod: config-store.ts imports this only to read an existing file or to write one.
import * as z from 'zod/mini';
import { TARGET_IDS } from './targets/ids.js';

export const savedEntry = z.object({
  target: z.enum(TARGET_IDS),
  /** File written (env, shell) or keychain service/account label. */
  location: z.string(),
  shell: z.optional(z.string()),
  masked: z.string(),
  fingerprint: z.string(),
  savedAt: z.string(),
  /** A backup made before the first change of that file, if any. */
  backup: z.optional(z.string()),
  /** Whether we created the file (reset may then remove it when it is otherwise empty). */
  created: z.optional(z.boolean()),
  /** .env entries: the file had no final newline and the save added one (reset takes it away again). */
  addedNewline: z.optional(z.boolean()),
  /** keychain entries: which secret store holds the key. */
  keychain: z.optional(z.enum(['secret-service', 'macos', 'windows'])),
  /** shell entries: whether the block holds the key itself or reads it from the keychain. */
  variant: z.optional(z.enum(['plain', 'keychain'])),
});

export const CONFIG_VERSION = 1;

export const configSchema = z.object({
  version: z.literal(1),
  progress: z.optional(
    z.object({
      /** Ids of finished wizard steps, in order. */
      done: z.array(z.string()),
      choices: z._default(z.record(z.string(), z.string()), {}),
      updatedAt: z.string(),
    }),
  ),
  saved: z._default(z.array(savedEntry), []),
  lastCheck: z.optional(
    z.object({ diagnosis: z.string(), masked: z.string(), fingerprint: z.string(), at: z.string() }),
  ),
});

export type Config = z.infer<typeof configSchema>;
export type SavedEntry = z.infer<typeof savedEntry>;

/**
 * A file from a newer openai-onboard (version > 1): whatever parts this version understands. Entries
 * it cannot read are skipped, not dropped from the file: the store never writes such a file.
 */
export function understoodParts(raw: Record<string, unknown>): Config {
  const saved = Array.isArray(raw.saved) ? raw.saved.flatMap((e) => {
    const r = savedEntry.safeParse(e);
    return r.success ? [r.data] : [];
  }) : [];
  const config: Config = { version: 1, saved };
  const progress = configSchema.shape.progress.safeParse(raw.progress);
  if (progress.success && progress.data) config.progress = progress.data;
  const lastCheck = configSchema.shape.lastCheck.safeParse(raw.lastCheck);
  if (lastCheck.success && lastCheck.data) config.lastCheck = lastCheck.data;
  return config;
}
