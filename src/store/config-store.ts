// The config store: progress, choices, where keys were saved (paths + fingerprints) and the last
// check result. Never the key itself. zod-validated and versioned; written atomically, 0600 inside
// a 0700 directory. A corrupt file is moved aside with a warning instead of crashing the tool.
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from '../platform/environment.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Config } from './config-schema.js';

export type { Config, SavedEntry } from './config-schema.js';

/** The schema, for tests and the rare reader; the store itself loads it lazily. */
export const loadConfigSchema = async () => (await import('./config-schema.js')).configSchema;

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
    const configSchema = await loadConfigSchema();
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
      const valid = (await loadConfigSchema()).parse(config);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
      return valid;
    },
    async remove() {
      await rm(path, { force: true });
    },
  };
}
