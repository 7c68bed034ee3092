// `status`: every definition found, masked; who wins for a new shell, Node with dotenv and the SDK;
// the warning when the environment shadows a newer saved key; --check; the --json schema.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStatus } from '../../../src/commands/status.js';
import { fingerprint, maskKey } from '../../../src/key/mask.js';
import { saveKey } from '../../../src/store/save.js';
import { statusSchema } from '../../../src/store/status-schema.js';
import { fakeKeys } from '../../fakes/fake-keys.js';
import { FakeChecker } from '../../fakes/test-context.js';
import { storeContext } from './store-context.js';

const OLD = fakeKeys.project(41);
const SAVED = fakeKeys.project(42);
const OTHER = fakeKeys.legacyUser(43);

async function machine(options: Record<string, unknown> = {}) {
  const ctx = storeContext({ options: { shell: 'bash', ...options } });
  await saveKey(ctx, SAVED, ['env']);
  ctx.env = { ...ctx.env, OPENAI_API_KEY: OLD };
  writeFileSync(join(ctx.home, '.bashrc'), `alias l=ls\nexport OPENAI_API_KEY='${OTHER}'\n`);
  mkdirSync(join(ctx.home, '.codex'));
  writeFileSync(join(ctx.home, '.codex', 'auth.json'), JSON.stringify({ OPENAI_API_KEY: SAVED }));
  mkdirSync(join(ctx.home, '.config', 'io.datasette.llm'), { recursive: true });
  writeFileSync(join(ctx.home, '.config', 'io.datasette.llm', 'keys.json'), JSON.stringify({ openai: OLD }));
  return ctx;
}

const noKeys = (text: string) => {
  for (const k of [OLD, SAVED, OTHER]) expect(text).not.toContain(k);
};

describe('status', () => {
  it('--json lists every definition, the winners, and warns that the environment shadows the saved key', async () => {
    const ctx = await machine({ json: true });
    expect(await runStatus(ctx, {})).toBe(0);
    const report = statusSchema.parse(JSON.parse(ctx.io.stdoutText()));
    const byId = Object.fromEntries(report.definitions.map((d) => [d.id, d]));
    const envFile = join(ctx.cwd, '.env');
    expect(Object.keys(byId).sort()).toEqual(['dotenv:' + envFile, 'env', `shell:${join(ctx.home, '.bashrc')}:2`, 'tool:codex', 'tool:llm'].sort());
    expect(byId.env).toMatchObject({ masked: maskKey(OLD), fingerprint: fingerprint(OLD), agrees: false, writtenByOnboard: false });
    expect(byId[`dotenv:${envFile}`]).toMatchObject({ fingerprint: fingerprint(SAVED), agrees: true, writtenByOnboard: true });
    expect(byId['tool:codex']!.agrees).toBe(true);
    expect(report.reference?.fingerprint).toBe(fingerprint(SAVED));
    expect(report.consistent).toBe(false);
    expect(report.winners.node.definition).toBe('env');
    expect(report.winners.sdk.definition).toBe('env');
    // A real bash was started with the temp HOME: it reads ~/.bashrc, not this process's environment.
    expect(report.winners.newShell).toMatchObject({ shell: 'bash', method: 'started', definition: `shell:${join(ctx.home, '.bashrc')}:2`, fingerprint: fingerprint(OTHER) });
    expect(report.warnings.join('\n')).toMatch(/environment has a different key .* than the one openai-onboard saved/);
    expect(ctx.io.stderrText()).toMatch(/unset OPENAI_API_KEY/);
    noKeys(ctx.io.stdoutText() + ctx.io.stderrText());
  });

  it('human output names each place masked and says which one wins where', async () => {
    const ctx = await machine();
    await runStatus(ctx, {});
    const out = ctx.io.stdoutText();
    expect(out).toContain('Where OPENAI_API_KEY is defined');
    expect(out).toContain(maskKey(SAVED));
    expect(out).toContain('~/.bashrc');
    expect(out).toMatch(/Node with dotenv:\s+the environment/);
    expect(out).toContain('[openai-onboard]');
    noKeys(out + ctx.io.stderrText());
  });

  it('without the environment variable, dotenv uses ./.env and the SDK finds nothing', async () => {
    const ctx = storeContext({ options: { json: true, shell: 'bash' } });
    await saveKey(ctx, SAVED, ['env']);
    await runStatus(ctx, {});
    const report = statusSchema.parse(JSON.parse(ctx.io.stdoutText()));
    expect(report.winners.node.definition).toBe(`dotenv:${join(ctx.cwd, '.env')}`);
    expect(report.winners.sdk.definition).toBeNull();
    expect(report.consistent).toBe(true);
    expect(report.warnings).toEqual([]);
  });

  it('--check checks the winning key with the checker and exits with its diagnosis code', async () => {
    const checker = new FakeChecker([{ diagnosis: 'no_credits' }]);
    const ctx = await machine({ json: true, spend: false });
    ctx.checker = checker;
    expect(await runStatus(ctx, { check: true })).toBe(5);
    expect(checker.calls).toEqual([{ value: OLD, source: 'env:OPENAI_API_KEY' }]);
    const report = statusSchema.parse(JSON.parse(ctx.io.stdoutText()));
    expect(report.ok).toBe(false);
    expect(report.check?.diagnosis).toBe('no_credits');
  });

  it('--check with no key anywhere is missing_key (exit 3)', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    expect(await runStatus(ctx, { check: true })).toBe(3);
    expect(ctx.io.stdoutText()).toContain('not defined anywhere');
  });

  it('shows a keychain it cannot read as "not readable here (why)" and does not claim that all definitions agree', async () => {
    const ctx = storeContext({ options: { shell: 'bash' } });
    await saveKey(ctx, SAVED, ['env']);
    await ctx.config.update((c) => {
      c.saved.push({ target: 'keychain', location: 'the Secret Service (GNOME Keyring / KWallet): openai-onboard/OPENAI_API_KEY', keychain: 'secret-service', masked: maskKey(SAVED), fingerprint: fingerprint(SAVED), savedAt: '2026-11-20T09:30:00.000Z' });
    });
    expect(await runStatus(ctx, {})).toBe(0);
    const out = ctx.io.stdoutText();
    expect(out).toMatch(/keychain .*\(value not read\)/);
    expect(out).toMatch(/not readable here \(no D-Bus session bus/);
    expect(out).not.toContain('All definitions hold the same key.');
    expect(out).toContain('The definitions that could be read hold the same key; not readable here: keychain.');
  });
});
