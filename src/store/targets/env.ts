// The `env` target: the OPENAI_API_KEY line of a project's .env file (read by dotenv and by
// `node --env-file`). Only that line is added, replaced or removed; every other byte stays.
import { unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';
import { fingerprint } from '../../key/mask.js';
import { writeFileAtomic } from '../atomic-write.js';
import { KEY_NAME, removeEnvKey } from '../dotenv-edit.js';
import { envFilePath, readDotenvKey, saveToEnvFile } from '../env-file.js';
import { gitRoot } from '../git.js';
import { isProjectDir } from '../project.js';
import { readRegularText } from '../safe-file.js';
import { tildify } from '../shell-paths.js';
import { readBytesIfExists, resolveTarget } from '../shell-profile.js';
import type { Found } from '../status-sources.js';
import type { SaveTarget } from './target.js';

export const envTarget: SaveTarget<'env'> = {
  id: 'env',
  subject: 'The .env file is',
  async offer(ctx) {
    // The .env may be the work tree root's (proposedEnvFile): its directory is the project.
    const project = await isProjectDir(dirname(envFilePath(ctx)));
    // In a project the .env is what its code loads; elsewhere it beats only a shell profile git carries.
    return { label: `the project file ${tildify(envFilePath(ctx), ctx.home)} (read by dotenv)`, available: true, rank: project ? 30 : 10 };
  },
  where: envFilePath,
  holder: (ctx) => tildify(envFilePath(ctx), ctx.home),
  async save(run) {
    // A last line without a newline gets one when the key line goes after it; reset must know that
    // the newline was ours to give the file back byte for byte.
    // Read only a regular file, without blocking (a FIFO .env is refused by the save itself).
    const before = await readRegularText(await resolveTarget(envFilePath(run.ctx))).catch(() => undefined);
    const w = await saveToEnvFile(run.ctx, run.key);
    const after = await readRegularText(await resolveTarget(w.path)).catch(() => undefined);
    const addedNewline = Boolean(before && !/\n$/.test(before) && after?.endsWith('\n'));
    run.entries.push({ target: 'env', location: w.path, created: w.created, ...(addedNewline ? { addedNewline } : {}), ...run.base });
    // A key the consumer cannot read back is not saved, whatever the file now holds (reset removes it).
    const error = w.verified ? undefined : 'written, but read back with a dotenv parser the file does not yield this key; check it by hand';
    return { target: 'env', location: w.path, verified: w.verified, notes: w.notes, warnings: w.warnings, ...(error ? { error } : {}) };
  },
  stored: async (ctx) => readDotenvKey(await resolveTarget(envFilePath(ctx))),
  describe: (e) => `the OPENAI_API_KEY line (${e.masked}) in ${e.location}`,
  async undo(_ctx, e) {
    const base = { target: e.target, location: e.location };
    const path = await resolveTarget(e.location);
    // As bytes (latin1): the lines around the key line may be in any encoding, and stay as they were.
    const text = await readBytesIfExists(path);
    if (text === undefined) return { ...base, outcome: 'absent', detail: 'the file no longer exists' };
    const r = removeEnvKey(text, (value) => fingerprint(value) === e.fingerprint);
    if (r.removed === 0) {
      return r.kept > 0
        ? { ...base, outcome: 'kept', detail: `its OPENAI_API_KEY now holds a different key than the one openai-onboard wrote (${e.masked}); left as is` }
        : { ...base, outcome: 'absent', detail: 'the line is already gone' };
    }
    if (e.created && r.content.trim() === '') {
      await unlink(path);
      return { ...base, outcome: 'removed', detail: 'removed the file (openai-onboard created it and nothing else is in it)' };
    }
    // Our newline after a last line that had none goes too (the key line was after it).
    const content = e.addedNewline ? r.content.replace(/\r?\n$/, '') : r.content;
    await writeFileAtomic(path, Buffer.from(content, 'latin1'));
    return { ...base, outcome: 'removed', detail: 'removed the OPENAI_API_KEY line; the rest of the file is unchanged' };
  },
  /** The .env here and the one at the git work tree's root: the ones dotenv would load. */
  async find(ctx, config) {
    const here = envFilePath(ctx);
    const root = await gitRoot(ctx.cwd, ctx.env);
    const paths = [here, ...(root ? [join(root, '.env')] : [])].filter((p, i, all) => all.indexOf(p) === i);
    const out: Found[] = [];
    for (const [i, path] of paths.entries()) {
      // Non-blocking and regular files only: a FIFO .env must not hang `status`.
      const text = await readRegularText(path).catch(() => undefined);
      if (text === undefined) continue;
      const value = parseEnv(text)[KEY_NAME];
      if (value === undefined) continue;
      out.push({
        id: `dotenv:${path}`,
        kind: 'dotenv',
        label: i > 0 ? "the .env file at the git repository's root" : ctx.options.envFile === '.env' ? 'the .env file in this directory (what dotenv loads)' : 'the file given with --dotenv',
        location: path,
        writtenByOnboard: config.saved.some((e) => e.target === 'env' && e.location === path),
        value,
      });
    }
    return out;
  },
};
