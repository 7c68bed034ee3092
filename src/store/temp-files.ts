// The temporary files openai-onboard creates beside a file it edits (the next version of the file,
// and the lock that serialises edits). Their names say whose they are, so a later run can remove the
// ones a killed run left behind, and src/cli.ts can remove live ones synchronously when a signal
// (SIGINT, SIGTERM, SIGHUP) ends the process: a temp file may hold a key.
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Hidden, and starting with the target's own name: `.env` → `.env`, `app.env` → `.app.env`. */
const hiddenName = (target: string) => (basename(target).startsWith('.') ? basename(target) : `.${basename(target)}`);

/**
 * `.env` → `.env.openai-onboard-1a2b3c4d5e6f.tmp`. Starting with the target's name lets the usual
 * `.env*` ignore rules cover it; the `.git/info/exclude` rule (src/store/git-exclude.ts) covers the rest.
 */
export const tempPathFor = (target: string) =>
  join(dirname(target), `${hiddenName(target)}.openai-onboard-${randomBytes(6).toString('hex')}.tmp`);

/** `.env` → `.env.openai-onboard.lock` beside it. */
export const lockPathFor = (target: string) => join(dirname(target), `${hiddenName(target)}.openai-onboard.lock`);

/** Our temp names for this target: today's, and v0.1's `..env.<12 hex>.tmp`. */
function isOurStaleTemp(name: string, target: string): boolean {
  const ours = new RegExp(`^${escape(hiddenName(target))}\\.openai-onboard-[0-9a-f]{12}\\.tmp$`);
  const v01 = new RegExp(`^\\.${escape(basename(target))}\\.[0-9a-f]{12}\\.tmp$`);
  return ours.test(name) || v01.test(name);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const live = new Set<string>();

export function trackTemp(path: string): void {
  live.add(path);
}

export function untrackTemp(path: string): void {
  live.delete(path);
}

/** Removes a temp file we created; never throws. */
export async function discardTemp(path: string): Promise<void> {
  await unlink(path).catch(() => {});
  live.delete(path);
}

/** For a signal handler or process exit: removes every temp file this process still holds. */
export function removeLiveTempsSync(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/**
 * Removes temp files a killed earlier run left beside `target`. Called under the target's lock, so no
 * other openai-onboard is writing one for this target at the same time.
 */
export async function removeStaleTemps(target: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dirname(target), name);
    if (isOurStaleTemp(name, target) && !live.has(path)) await unlink(path).catch(() => {});
  }
}
