// The config store: progress, choices, where keys were saved (paths + fingerprints) and the last
// check result. Never the key itself. zod-validated and versioned; written atomically, 0600 inside
// a 0700 directory. A corrupt file is moved aside with a warning instead of crashing the tool.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Env } from '../platform/environment.js';
import { writeFileAtomic } from './atomic-write.js';

const savedEntry = z.object({
  target: z.enum(['env', 'shell', 'keychain']),
  /** File written (env, shell) or keychain service/account label. */
  location: z.string(),
  shell: z.string().optional(),
  masked: z.string(),
  fingerprint: z.string(),
  savedAt: z.string(),
  /** A backup made before the first change of that file, if any. */
  backup: z.string().optional(),
  /** Whether we created the file (reset may then remove it when it is otherwise empty). */
  created: z.boolean().optional(),
  /** keychain entries: which secret store holds the key. */
  keychain: z.enum(['secret-service', 'macos', 'windows']).optional(),
  /** shell entries: whether the block holds the key itself or reads it from the keychain. */
  variant: z.enum(['plain', 'keychain']).optional(),
});

export const configSchema = z.object({
  version: z.literal(1),
  progress: z
    .object({
      /** Ids of finished wizard steps, in order. */
      done: z.array(z.string()),
      choices: z.record(z.string(), z.string()).default({}),
      updatedAt: z.string(),
    })
    .optional(),
  saved: z.array(savedEntry).default([]),
  lastCheck: z
    .object({ diagnosis: z.string(), masked: z.string(), fingerprint: z.string(), at: z.string() })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;
export type SavedEntry = z.infer<typeof savedEntry>;

export const emptyConfig = (): Config => ({ version: 1, saved: [] });

export interface ConfigStore {
  readonly dir: string;
  readonly path: string;
  read(): Promise<Config>;
  /** Read, change, write back atomically. */
  update(change: (config: Config) => void): Promise<Config>;
  /** Delete config.json (reset). */
  remove(): Promise<void>;
}

export function configDir(env: Env, home: string, platform: NodeJS.Platform): string {
  if (env.OPENAI_ONBOARD_CONFIG_DIR) return env.OPENAI_ONBOARD_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'openai-onboard');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'openai-onboard');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'openai-onboard', 'Config');
  return join(home, '.config', 'openai-onboard');
}

export function createConfigStore(dir: string, onWarning: (message: string) => void): ConfigStore {
  const path = join(dir, 'config.json');
  const read = async (): Promise<Config> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyConfig();
      throw error;
    }
    let parsed: Config | undefined;
    try {
      const result = configSchema.safeParse(JSON.parse(text));
      if (result.success) parsed = result.data;
    } catch {
      // not JSON: handled below like a schema failure
    }
    if (parsed) return parsed;
    const aside = `${path}.corrupt-${Date.now()}`;
    await rename(path, aside);
    onWarning(`The config file was unreadable and was moved aside to ${aside}; starting fresh.`);
    return emptyConfig();
  };
  return {
    dir,
    path,
    read,
    async update(change) {
      const config = await read();
      change(config);
      const valid = configSchema.parse(config);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
      return valid;
    },
    async remove() {
      await rm(path, { force: true });
    },
  };
}
