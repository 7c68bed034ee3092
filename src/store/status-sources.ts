// Collects every place OPENAI_API_KEY is defined that a user's tools would read: the process
// environment, the project's .env files, shell startup files, openai-onboard's keychain entry, and
// other tools' key stores (Codex, llm). Values stay in memory; only masked forms leave this module.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import type { Context } from '../context.js';
import { SHELLS, type ShellName } from '../options.js';
import type { Config } from './config-store.js';
import { KEY_NAME } from './dotenv-edit.js';
import { envFilePath } from './env-file.js';
import { gitRoot } from './git.js';
import { keychainDescription, keychainInfo, keychainRead } from './keychain.js';
import { scanFishVariables, scanShellText } from './shell-scan.js';
import { fishConfDir, fishVariablesFile, profileFiles, startupFiles, tildify } from './shell-paths.js';
import { readRegularText } from './safe-file.js';
import type { StatusDefinition } from './status-schema.js';

export interface Found extends Pick<StatusDefinition, 'id' | 'kind' | 'label' | 'location' | 'writtenByOnboard' | 'note'> {
  /** The key itself; never printed. Undefined when computed at run time. */
  value?: string;
  /** Set when this place exists but could not be read here: why (shown as "not readable here (why)"). */
  unreadable?: string;
  /** Shells whose startup reads this definition, in reading order position `order`. */
  shells?: ShellName[];
  order?: number;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    // Non-blocking and regular files only: a FIFO .env or profile must not hang `status`.
    return await readRegularText(path);
  } catch {
    return undefined;
  }
}

export async function findDefinitions(ctx: Context, config: Config): Promise<Found[]> {
  const found: Found[] = [];
  const env = ctx.env.OPENAI_API_KEY;
  if (env !== undefined) {
    found.push({ id: 'env', kind: 'env', label: 'the environment of this process (this terminal)', location: 'OPENAI_API_KEY', writtenByOnboard: false, value: env });
  }
  // The keychain is asked once: a locked one costs up to its 3 s timeout.
  const [keychain, dotenv, tools] = await Promise.all([readKeychain(ctx, config), dotenvFiles(ctx, config), otherTools(ctx)]);
  found.push(...dotenv);
  const shell = await shellFiles(ctx, keychain?.value);
  found.push(...shell);
  // An unreadable keychain is listed only where a key is expected in it (we saved one, or a profile
  // block reads it): omitting it would let the report claim that all definitions agree.
  const expected = config.saved.some((e) => e.target === 'keychain') || shell.some((f) => f.note?.includes('keychain'));
  if (keychain && (keychain.value !== undefined || (keychain.unreadable && expected))) found.push(keychain);
  found.push(...tools);
  return found;
}

async function dotenvFiles(ctx: Context, config: Config): Promise<Found[]> {
  const here = envFilePath(ctx);
  const root = await gitRoot(ctx.cwd, ctx.env);
  const paths = [here, ...(root ? [join(root, '.env')] : [])].filter((p, i, all) => all.indexOf(p) === i);
  const out: Found[] = [];
  for (const [i, path] of paths.entries()) {
    const text = await readText(path);
    if (text === undefined) continue;
    const value = parseEnv(text)[KEY_NAME];
    if (value === undefined) continue;
    const ours = config.saved.some((e) => e.target === 'env' && e.location === path);
    out.push({
      id: `dotenv:${path}`,
      kind: 'dotenv',
      label: i > 0 ? "the .env file at the git repository's root" : ctx.options.envFile === '.env' ? 'the .env file in this directory (what dotenv loads)' : 'the file given with --dotenv',
      location: path,
      writtenByOnboard: ours,
      value,
    });
  }
  return out;
}

/** Every startup file of every shell, each file once, with the shells that read it. */
function shellFileList(ctx: Context, confD: string[]): Array<{ path: string; shells: ShellName[] }> {
  const list: Array<{ path: string; shells: ShellName[] }> = [];
  const add = (path: string, shell: ShellName) => {
    const entry = list.find((e) => e.path === path);
    if (entry) entry.shells.push(shell);
    else list.push({ path, shells: [shell] });
  };
  for (const shell of SHELLS) {
    if (shell === 'fish') for (const f of confD) add(f, shell);
    for (const f of startupFiles(shell, ctx)) add(f, shell);
    for (const f of profileFiles(shell, ctx)) add(f, shell);
  }
  return list;
}

async function shellFiles(ctx: Context, keychainValue: string | undefined): Promise<Found[]> {
  const confDir = fishConfDir(ctx);
  const confD = (await readdir(confDir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.fish'))
    .sort()
    .map((f) => join(confDir, f));
  const out: Found[] = [];
  let order = 0;
  for (const { path, shells } of shellFileList(ctx, confD)) {
    const text = await readText(path);
    if (text === undefined) continue;
    for (const a of scanShellText(text, path)) {
      const where = `${tildify(path, ctx.home)}:${a.line}`;
      const base = { id: `shell:${path}:${a.line}`, kind: 'shell' as const, location: `${path}:${a.line}`, shells, order: order++ };
      if (a.keychainBlock) {
        out.push({ ...base, label: `openai-onboard's block in ${where}`, writtenByOnboard: true, value: keychainValue, note: 'reads the key from the keychain at shell start' });
      } else {
        out.push({
          ...base,
          label: a.ours ? `openai-onboard's block in ${where}` : `a line in ${where}`,
          writtenByOnboard: a.ours,
          value: a.value,
          ...(a.value === undefined ? { note: 'computed at shell start; not evaluated here' } : {}),
        });
      }
    }
  }
  const universal = fishVariablesFile(ctx);
  const text = await readText(universal);
  for (const a of text ? scanFishVariables(text) : []) {
    out.push({ id: `shell:${universal}:${a.line}`, kind: 'shell', label: 'a fish universal variable (set -Ux)', location: `${universal}:${a.line}`, writtenByOnboard: false, value: a.value, shells: ['fish'], order: order++ });
  }
  return out;
}

async function readKeychain(ctx: Context, config: Config): Promise<Found | undefined> {
  const recorded = config.saved.find((e) => e.target === 'keychain');
  const unreadable = (label: string, why: string): Found => ({
    id: 'keychain',
    kind: 'keychain',
    label,
    location: recorded?.location ?? label,
    writtenByOnboard: Boolean(recorded),
    unreadable: why,
    note: `not readable here (${why})`,
  });
  try {
    const info = await keychainInfo(ctx);
    if (!info.available || !info.backend) return unreadable(info.label, info.why ?? 'no keychain');
    const value = await keychainRead(ctx, info.backend);
    return { id: 'keychain', kind: 'keychain', label: info.label, location: keychainDescription(info.backend), writtenByOnboard: true, value };
  } catch (error) {
    return unreadable('the system keychain', error instanceof Error ? error.message : String(error));
  }
}

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
