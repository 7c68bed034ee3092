// The root's .env is proposed (and searched for a key by welcome, before the first prompt) without
// starting git: a git process there cost the wizard's first prompt ~15 ms (npm run bench).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findWorkTreeRoot } from '../../../src/store/git.js';
import { proposedEnvFile } from '../../../src/store/save-guards.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'onboard-root-'));
  dirs.push(d);
  return d;
};

describe('finding the work tree root without git', () => {
  it('finds a .git directory or a .git file (worktree, submodule) in a parent', async () => {
    const repo = temp();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'a', 'b'), { recursive: true });
    expect(await findWorkTreeRoot(join(repo, 'a', 'b'))).toBe(repo);
    const worktree = temp();
    writeFileSync(join(worktree, '.git'), 'gitdir: /elsewhere\n');
    expect(await findWorkTreeRoot(worktree)).toBe(worktree);
  });

  it("proposes the root's .env from a subfolder even where no git program can be run", async () => {
    const repo = temp();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'src'));
    const file = await proposedEnvFile({ cwd: join(repo, 'src'), options: { envFile: '.env' } as never, env: { PATH: '' } });
    expect(file).toBe(join(repo, '.env'));
  });
});
