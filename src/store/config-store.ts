// The config store: progress, choices, where keys were saved (paths + fingerprints) and the last
// check result. Never the key itself. zod-validated and versioned; written atomically, 0600 inside
// a 0700 directory. A corrupt file is moved aside with a warning instead of crashing the tool.
//
// The store is a convenience, so it never stops a command: when config.json cannot be read or
// written (permissions, a directory in its place, a path under a file) or was written by a newer
// openai-onboard, it warns once and carries on "detached": in memory for this run, writing nothing.
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from '../platform/environment.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Config } from './config-schema.js';

export type { Config, SavedEntry } from './config-schema.js';

/** The schema, for tests and the rare reader; the store itself loads it lazily. */
export const loadConfigSchema = async () => (await import('./config-schema.js')).configSchema;

export const emptyConfig = (): Config => ({ version: 1, saved: [] });

/** We write a few KB; anything this large is not ours, and parsing it would only cost time. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ConfigStore {
  readonly dir: string;
  readonly path: string;
  read(): Promise<Config>;
  /** Read, change, write back atomically (only in memory when the file cannot be used). */
  update(change: (config: Config) => void): Promise<Config>;
  /** Delete config.json (reset). False when it was left in place (a newer version's, or unusable). */
  remove(): Promise<boolean>;
}

export function configDir(env: Env, home: string, platform: NodeJS.Platform): string {
  if (env.OPENAI_ONBOARD_CONFIG_DIR) return env.OPENAI_ONBOARD_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'openai-onboard');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'openai-onboard');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'openai-onboard', 'Config');
  return join(home, '.config', 'openai-onboard');
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of its path is a file, not a directory',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ELOOP: 'too many symbolic links',
};
const why = (error: unknown) => WHY[(error as NodeJS.ErrnoException).code ?? ''] ?? (error instanceof Error ? error.message : String(error));

export function createConfigStore(dir: string, onWarning: (message: string) => void): ConfigStore {
  const path = join(dir, 'config.json');
  /** Set once the file cannot be used: this run's config lives here, and nothing is written. */
  let detached: Config | undefined;
  const detach = (config: Config, message: string): Config => {
    detached = config;
    onWarning(message);
    return config;
  };
  const cannot = (doing: string, error: unknown) =>
    `Could not ${doing} the config file ${path} (${why(error)}); carrying on without it: this run's progress and saved locations are not recorded, so \`reset\` will not know about them.`;

  const moveAside = async (reason: string): Promise<Config> => {
    const aside = `${path}.corrupt-${Date.now()}`;
    try {
      await rename(path, aside);
    } catch (error) {
      return detach(emptyConfig(), cannot('move aside an unreadable', error));
    }
    onWarning(`The config file ${reason} and was moved aside to ${aside}; starting fresh.`);
    return emptyConfig();
  };

  const readFromDisk = async (): Promise<Config> => {
    let text: string;
    try {
      // stat first: a FIFO in its place would block a read, and a huge file is not worth reading.
      const info = await stat(path);
      if (info.isDirectory()) return detach(emptyConfig(), cannot('read', Object.assign(new Error(), { code: 'EISDIR' })));
      if (!info.isFile()) return detach(emptyConfig(), cannot('read', new Error('it is not a regular file')));
      if (info.size > MAX_CONFIG_BYTES) return moveAside(`was ${Math.round(info.size / 1024 / 1024)} MB, far more than openai-onboard writes,`);
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyConfig();
      return detach(emptyConfig(), cannot('read', error));
    }
    const { configSchema, understoodParts } = await import('./config-schema.js');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return moveAside('was unreadable');
    }
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > 1) {
      return detach(
        understoodParts(raw as Record<string, unknown>),
        `The config file ${path} was written by a newer openai-onboard (version ${version}); this one reads what it understands and writes nothing to it. Update openai-onboard to record this run.`,
      );
    }
    const result = configSchema.safeParse(raw);
    return result.success ? result.data : moveAside('was unreadable');
  };

  const read = async (): Promise<Config> => (detached ? structuredClone(detached) : readFromDisk());

  return {
    dir,
    path,
    read,
    async update(change) {
      const config = await read();
      change(config);
      const valid = (await loadConfigSchema()).parse(config);
      if (detached) {
        detached = valid;
        return valid;
      }
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(path, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
      } catch (error) {
        detach(valid, cannot('write', error));
      }
      return valid;
    },
    async remove() {
      await read();
      if (detached) return false;
      try {
        await rm(path, { force: true });
        return true;
      } catch (error) {
        onWarning(`Could not remove the config file ${path} (${why(error)}); delete it by hand.`);
        return false;
      }
    },
  };
}
