// Profiles are edited as bytes: text in another encoding survives save + reset, a CRLF file gets an
// LF block that bash reads, a missing final newline comes back, and the backup is deleted only when
// the restored file matches it byte for byte (repros reliability/02 and 16).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReset } from '../../../src/commands/reset.js';
import { fingerprint } from '../../../src/key/mask.js';
import { saveKey } from '../../../src/store/save.js';
import { shellSees, sha256 } from '../../../src/store/shell-verify.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { storeContext } from './store-context.js';

const KEY = fakeKeys.project(91);
const hasBash = spawnSync('bash', ['-c', 'exit 0']).status === 0;
// "café" in latin1: 0xE9 is not valid UTF-8 on its own.
const LATIN1 = Buffer.concat([Buffer.from('PS1="caf'), Buffer.from([0xe9]), Buffer.from('> "\nalias x=y\n')]);

function resetCtx() {
  return storeContext({ options: { shell: 'bash', yes: true }, mode: { interactive: false, reason: 'flag' } });
}

describe('shell profile bytes', () => {
  it('a non-UTF-8 byte survives save and reset, and the backup goes only after the bytes match it', async () => {
    const ctx = resetCtx();
    const bashrc = join(ctx.home, '.bashrc');
    writeFileSync(bashrc, LATIN1);
    await saveKey(ctx, KEY, ['shell']);
    const saved = readFileSync(bashrc);
    expect(saved.subarray(0, LATIN1.length).equals(LATIN1)).toBe(true);
    expect(readFileSync(`${bashrc}.openai-onboard.bak`).equals(LATIN1)).toBe(true);

    await runReset(ctx);
    expect(readFileSync(bashrc).equals(LATIN1)).toBe(true);
    expect(existsSync(`${bashrc}.openai-onboard.bak`)).toBe(false);
  });

  it('keeps the backup when the file changed since the first save, and says so', async () => {
    const ctx = resetCtx();
    const bashrc = join(ctx.home, '.bashrc');
    writeFileSync(bashrc, LATIN1);
    await saveKey(ctx, KEY, ['shell']);
    writeFileSync(bashrc, Buffer.concat([readFileSync(bashrc), Buffer.from('alias later=1\n')]));
    await runReset(ctx);
    expect(readFileSync(bashrc, 'latin1')).not.toContain('openai-onboard >>>');
    expect(readFileSync(bashrc, 'latin1')).toContain('alias later=1');
    expect(readFileSync(`${bashrc}.openai-onboard.bak`).equals(LATIN1)).toBe(true);
    expect(ctx.io.stdoutText()).toMatch(/kept its backup .*changed since openai-onboard first edited it/);
  });

  it('reset takes the key line out of a .env as bytes: a Latin-1 line next to it survives', async () => {
    const ctx = resetCtx();
    const env = join(ctx.cwd, '.env');
    const greeting = Buffer.concat([Buffer.from('GREETING=caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    writeFileSync(env, Buffer.concat([greeting, Buffer.from(`OPENAI_API_KEY=${KEY}\n`)]));
    await ctx.config.update((c) => void c.saved.push({ target: 'env', location: env, masked: 'm', fingerprint: fingerprint(KEY), savedAt: 'now' }));
    await runReset(ctx);
    expect(readFileSync(env).equals(greeting)).toBe(true);
  });

  it('restores a missing final newline', async () => {
    const ctx = resetCtx();
    const bashrc = join(ctx.home, '.bashrc');
    writeFileSync(bashrc, 'alias a=1\nalias b=2');
    await saveKey(ctx, KEY, ['shell']);
    expect(readFileSync(bashrc, 'utf8')).toMatch(/^alias a=1\nalias b=2\n\n# >>> openai-onboard >>>\n/);
    await runReset(ctx);
    expect(readFileSync(bashrc, 'utf8')).toBe('alias a=1\nalias b=2');
    expect(existsSync(`${bashrc}.openai-onboard.bak`)).toBe(false);
  });

  it.skipIf(!hasBash)('a CRLF .bashrc gets an LF block: a new bash sees the key itself, not the key and a "\\r"', async () => {
    const ctx = resetCtx();
    const bashrc = join(ctx.home, '.bashrc');
    const crlf = 'alias x=y\r\nexport A=1\r\n';
    writeFileSync(bashrc, crlf);
    const [report] = await saveKey(ctx, KEY, ['shell']);
    expect(report!.error).toBeUndefined();
    expect(report!.verified).toBe(true);
    expect(await shellSees(ctx, 'bash')).toEqual({ ran: true, sha256: sha256(KEY) });
    const text = readFileSync(bashrc, 'utf8');
    expect(text.startsWith(crlf)).toBe(true);
    expect(text.slice(crlf.length)).not.toContain('\r');
    await runReset(ctx);
    expect(readFileSync(bashrc, 'utf8')).toBe(crlf);
  });
});
