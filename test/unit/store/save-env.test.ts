// The .env target on disk: a new file is 0600, an existing one keeps its bytes and mode, git is told
// to ignore it, a tracked .env is a loud warning, and every write is read back with dotenv's parser.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readEnvFileKey } from '../../../src/store/readers.js';
import { saveKey } from '../../../src/store/save.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(31);
const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

describe('.env target', () => {
  it('creates a 0600 file with the key, reads it back, and records it without the key', async () => {
    const ctx = storeContext();
    const [report] = await saveKey(ctx, KEY, ['env']);
    const path = join(ctx.cwd, '.env');
    expect(report).toMatchObject({ target: 'env', location: path, verified: true });
    expect(readFileSync(path, 'utf8')).toBe(`OPENAI_API_KEY=${KEY}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await readEnvFileKey(ctx)).toEqual({ value: KEY, file: path });
    const saved = (await ctx.config.read()).saved;
    expect(saved).toEqual([expect.objectContaining({ target: 'env', location: path, created: true, masked: `${KEY.slice(0, 8)}…${KEY.slice(-4)}` })]);
    expect(readFileSync(ctx.config.path, 'utf8')).not.toContain(KEY);
    expect(ctx.io.stderrText() + ctx.io.stdoutText()).not.toContain(KEY);
  });

  it('replaces only the key line of an existing CRLF file and keeps its mode', async () => {
    const ctx = storeContext();
    const path = join(ctx.cwd, '.env');
    const before = '# db\r\nDATABASE_URL="postgres://x"\r\nexport OPENAI_API_KEY="sk-old-0123456789" # old\r\nDEBUG=1';
    writeFileSync(path, before);
    chmodSync(path, 0o640);
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(report!.verified).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('sk-old-0123456789', KEY));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    // Group-readable: saved, with a warning on stderr.
    expect(report!.warnings?.join(' ')).toMatch(/can be read by other users/);
    expect(ctx.io.stderrText()).toMatch(/chmod 600/);
    expect((await ctx.config.read()).saved[0]!.created).toBe(false);
  });

  it('honours --dotenv relative to the working directory', async () => {
    const ctx = storeContext({ options: { envFile: 'config/.env.local' } });
    mkdirSync(join(ctx.cwd, 'config'));
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(report!.location).toBe(join(ctx.cwd, 'config', '.env.local'));
    expect(parseEnv(readFileSync(report!.location, 'utf8')).OPENAI_API_KEY).toBe(KEY);
  });

  it('reports a missing directory as an error and writes nothing', async () => {
    const ctx = storeContext({ options: { envFile: 'nope/.env' } });
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(report!.error).toMatch(/directory does not exist/);
    expect((await ctx.config.read()).saved).toEqual([]);
  });

  it('in a git work tree, adds .env to .gitignore when git does not ignore it yet', async () => {
    const ctx = storeContext();
    git(ctx.cwd, 'init', '-q');
    writeFileSync(join(ctx.cwd, '.gitignore'), 'node_modules');
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(readFileSync(join(ctx.cwd, '.gitignore'), 'utf8')).toBe('node_modules\n.env\n');
    expect(git(ctx.cwd, 'check-ignore', '-q', '.env').status).toBe(0);
    expect(report!.notes.join(' ')).toMatch(/Added \.env to .*\.gitignore/);
    // A second save does not add it again.
    await saveKey(ctx, KEY, ['env']);
    expect(readFileSync(join(ctx.cwd, '.gitignore'), 'utf8')).toBe('node_modules\n.env\n');
  });

  it('warns loudly when .env is already tracked by git', async () => {
    const ctx = storeContext();
    git(ctx.cwd, 'init', '-q');
    writeFileSync(join(ctx.cwd, '.env'), 'A=1\n');
    git(ctx.cwd, 'add', '.env');
    git(ctx.cwd, 'commit', '-qm', 'oops');
    const [report] = await saveKey(ctx, KEY, ['env']);
    expect(report!.verified).toBe(true);
    expect(report!.warnings?.join(' ')).toMatch(/TRACKED by git/);
    expect(ctx.io.stderrText()).toMatch(/TRACKED by git.*git rm --cached \.env/);
    expect(ctx.io.stderrText()).not.toContain(KEY);
  });
});
