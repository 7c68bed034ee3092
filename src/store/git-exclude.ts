// Makes git ignore our temp and lock files (src/store/temp-files.ts) in the repository that holds a
// file we edit. They live for milliseconds, but a run killed with SIGKILL cannot remove its temp
// file, which may hold a key; `git add -A` must not pick it up before the next run removes it.
// The rule goes to the repository's own `.git/info/exclude`: local to this clone, never committed,
// and the user's `.gitignore` stays as it is. Found without running git (this is on every save's
// path); anything unusual (a bare repository, no permission) and we simply skip it.
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export const EXCLUDE_RULES = ['.*.openai-onboard-*.tmp', '.*.openai-onboard.lock'];
const HEADER = '# openai-onboard: its short-lived temp and lock files';

/** Directories already looked at in this run: a wizard writes its config store after every step. */
const done = new Set<string>();

export async function excludeOurTempsFromGit(target: string): Promise<void> {
  if (done.has(dirname(target))) return;
  done.add(dirname(target));
  try {
    const common = await gitCommonDir(dirname(target));
    if (!common) return;
    const exclude = join(common, 'info', 'exclude');
    const text = await readFile(exclude, 'utf8').catch(() => '');
    const missing = EXCLUDE_RULES.filter((rule) => !text.split(/\r?\n/).includes(rule));
    if (missing.length === 0) return;
    await mkdir(dirname(exclude), { recursive: true });
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    await appendFile(exclude, `${sep}${HEADER}\n${missing.join('\n')}\n`);
  } catch {
    // Best effort: the temp files are 0600 and removed by the next run anyway.
  }
}

/** The repository's common git directory (where info/exclude lives), from `.git` dirs or `gitdir:` files. */
async function gitCommonDir(start: string): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const s = await stat(dotGit).catch(() => undefined);
    if (s?.isDirectory()) return dotGit;
    if (s?.isFile()) {
      // A linked worktree or submodule: `gitdir: <path>`, and a worktree's `commondir` names the shared one.
      const m = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'));
      if (!m) return undefined;
      const gitDir = resolve(dir, m[1]!);
      const common = await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
      return common ? resolve(gitDir, common.trim()) : gitDir;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
