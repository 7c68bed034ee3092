// Collects every place OPENAI_API_KEY is defined that a user's tools would read: the process
// environment, the places of each save target (src/store/targets/: the project's .env files, shell
// startup files, openai-onboard's keychain entry), and other tools' key stores (Codex, llm). Values stay in memory; only masked forms leave this module.
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { Config } from './config-store.js';
import { readRegularText } from './safe-file.js';
import type { ShellName } from './shell-paths.js';
import type { StatusDefinition } from './status-schema.js';
import { askEach, type Registry, SAVE_TARGET_LIST } from './targets/index.js';

export interface Found extends Pick<StatusDefinition, 'id' | 'kind' | 'label' | 'location' | 'writtenByOnboard' | 'note'> {
  /** The key itself; never printed. Undefined when computed at run time. */
  value?: string;
  /** Set when this place exists but could not be read here: why (shown as "not readable here (why)"). */
  unreadable?: string;
  /** Shells whose startup reads this definition, in reading order position `order`. */
  shells?: ShellName[];
  order?: number;
  /** The save target whose stored key this is: 'keychain' for its entry and for a profile block that reads it. */
  holds?: string;
}

export async function findDefinitions(ctx: Context, config: Config, registry: Registry = SAVE_TARGET_LIST): Promise<Found[]> {
  const found: Found[] = [];
  const env = ctx.env.OPENAI_API_KEY;
  if (env !== undefined) {
    found.push({ id: 'env', kind: 'env', label: 'the environment of this process (this terminal)', location: 'OPENAI_API_KEY', writtenByOnboard: false, value: env });
  }
  // Each target is asked once, all at the same time (a locked keychain costs up to its 3 s timeout);
  // one target may wait for another's answer (a profile block that reads the keychain).
  const [byTarget, tools] = await Promise.all([askEach<Found[]>(registry, (t, peer) => t.find(ctx, config, peer)), otherTools(ctx)]);
  const stored = byTarget.flat();
  // A place that cannot be read is listed only where a key is expected in it (we saved one there, or
  // another definition reads it): omitting it would let the report claim that all definitions agree.
  const expected = (f: Found) => config.saved.some((e) => e.target === f.holds) || stored.some((g) => g !== f && g.holds === f.holds);
  found.push(...stored.filter((f) => !f.unreadable || expected(f)), ...tools);
  return found;
}

const readText = (path: string) => readRegularText(path).catch(() => undefined);

/** Other CLIs people use with OpenAI keep their own copy of the key. */
async function otherTools(ctx: Context): Promise<Found[]> {
  const codex = join(ctx.env.CODEX_HOME || join(ctx.home, '.codex'), 'auth.json');
  const llmDir =
    ctx.env.LLM_USER_PATH ||
    (ctx.platform === 'darwin'
      ? join(ctx.home, 'Library', 'Application Support', 'io.datasette.llm')
      : ctx.platform === 'win32'
        ? join(ctx.env.APPDATA || join(ctx.home, 'AppData', 'Roaming'), 'io.datasette.llm')
        : join(ctx.env.XDG_CONFIG_HOME || join(ctx.home, '.config'), 'io.datasette.llm'));
  const llm = join(llmDir, 'keys.json');
  const out: Found[] = [];
  const read = async (path: string, field: string) => {
    const text = await readText(path);
    if (!text) return undefined;
    try {
      const v = (JSON.parse(text) as Record<string, unknown>)[field];
      return typeof v === 'string' && v ? v : undefined;
    } catch {
      return undefined;
    }
  };
  const codexKey = await read(codex, 'OPENAI_API_KEY');
  if (codexKey) out.push({ id: 'tool:codex', kind: 'tool', label: 'Codex CLI (its own copy)', location: codex, writtenByOnboard: false, value: codexKey });
  const llmKey = await read(llm, 'openai');
  if (llmKey) out.push({ id: 'tool:llm', kind: 'tool', label: "llm (Simon Willison's CLI, its own copy)", location: llm, writtenByOnboard: false, value: llmKey });
  return out;
}
