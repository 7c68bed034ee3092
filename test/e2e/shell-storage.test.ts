// The built CLI against hostile storage (repros reliability/01, 16 and 17): a profile in a dotfiles
// repository, a save that fails its own read-back, a config store that cannot be used.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runCli, useFakeMachine } from './modes-harness.js';

const key = fakeKeys.project(74);
const machine = useFakeMachine();
const hasGit = spawnSync('git', ['--version']).status === 0;
const save = ['--non-interactive', '--key-stdin', '--save', 'shell'];

describe('the built CLI and hostile storage', () => {
  it.skipIf(!hasGit)('--save shell into a stow-linked ~/.bashrc refuses without --yes (exit 1), recommends the keychain, and git sees no change', async () => {
    const box = machine.sandbox();
    const repo = join(box.root, 'dotfiles');
    mkdirSync(repo);
    writeFileSync(join(repo, '.bashrc'), 'alias ll="ls -l"\n');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=a@b', '-c', 'user.name=n', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '.');
    git('add', '-A');
    git('commit', '-qm', 'init');
    symlinkSync(join(repo, '.bashrc'), join(box.home, '.bashrc'));
    const r = await runCli(save, { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/is tracked by git in .*dotfiles: a key written there would be committed/);
    // The safer place it recommends: the keychain where there is one, else the project .env.
    expect(r.stderr.replace(/\s+/g, ' ')).toMatch(/--save keychain|--save env/);
    expect(r.stderr).not.toMatch(/All set/);
    expect(git('status', '--porcelain')).toBe('');
    expect(r.stdout + r.stderr).not.toContain(key);
  });

  it('a block that a later line of ~/.bashrc overrides is a failed save: exit 1, no "All set"', async () => {
    const box = machine.sandbox();
    writeFileSync(join(box.home, '.bashrc'), 'alias x=y\n');
    const first = await runCli(save, { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(join(box.home, '.bashrc'), `${readFileSync(join(box.home, '.bashrc'), 'utf8')}export OPENAI_API_KEY=other-value\n`);
    const r = await runCli(save, { box, stdin: { text: fakeKeys.project(75) }, timeoutMs: 20_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/not saved \(written, but a new bash sees a different key/);
    expect(r.stderr).not.toMatch(/All set/);
  });

  it('config.json as a directory: save, status and reset work after one warning each', async () => {
    const box = machine.sandbox();
    mkdirSync(join(box.configDir, 'config.json'), { recursive: true });
    const saved = await runCli(['--non-interactive', '--key-stdin', '--save', 'env'], { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stderr.match(/Warning: Could not read the config file/g)).toHaveLength(1);
    expect(saved.stderr).not.toMatch(/Unexpected error/);
    const status = await runCli(['status'], { box });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).not.toMatch(/Unexpected error/);
    const reset = await runCli(['reset', '--yes'], { box });
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stderr).not.toMatch(/Unexpected error/);
  });

  it('a config.json of a newer version is left byte for byte, and status says so', async () => {
    const box = machine.sandbox();
    mkdirSync(box.configDir, { recursive: true });
    const text = JSON.stringify({ version: 2, saved: [{ target: 'env', location: '/x' }] });
    writeFileSync(join(box.configDir, 'config.json'), text);
    const status = await runCli(['status'], { box });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toMatch(/written by a newer openai-onboard/);
    expect(status.stderr).not.toMatch(/moved aside/);
    const saved = await runCli(['--non-interactive', '--key-stdin', '--save', 'env'], { box, stdin: { text: key }, timeoutMs: 20_000 });
    expect(saved.code, saved.stderr).toBe(0);
    expect(readFileSync(join(box.configDir, 'config.json'), 'utf8')).toBe(text);
  });
});
