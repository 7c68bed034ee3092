// The config store: 0600 file in a 0700 directory, atomic writes, and a corrupt file moved aside
// with a warning instead of a crash.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir, createConfigStore } from '../../../src/store/config-store.js';

const fresh = () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'onboard-config-')), 'openai-onboard');
  const warnings: string[] = [];
  return { dir, warnings, store: createConfigStore(dir, (m) => warnings.push(m)) };
};

const entry = { target: 'env' as const, location: '/p/.env', masked: 'sk-proj-…abcd', fingerprint: '0123456789ab', savedAt: '2026-01-01T00:00:00.000Z' };

describe('config store', () => {
  it('creates config.json 0600 inside a 0700 directory', async () => {
    const { dir, store } = fresh();
    await store.update((c) => void c.saved.push(entry));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect((await store.read()).saved).toEqual([entry]);
    // No temporary files are left beside it.
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it.each([
    ['not JSON', '{"version": 1, "saved": ['],
    ['a wrong shape', JSON.stringify({ version: 1, saved: [{ target: 'floppy' }] })],
  ])('moves a file with %s aside, warns, and starts fresh', async (_, text) => {
    const { dir, store, warnings } = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(store.path, text);
    expect(await store.read()).toEqual({ version: 1, saved: [] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/moved aside/);
    const aside = readdirSync(dir).find((f) => f.startsWith('config.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(text);
    expect(existsSync(store.path)).toBe(false);
    // And writing works again afterwards.
    await store.update((c) => void c.saved.push(entry));
    expect((await store.read()).saved).toHaveLength(1);
  });

  it('keeps optional fields it does not know yet out, and records keychain and variant facts', async () => {
    const { store } = fresh();
    await store.update((c) => void c.saved.push({ ...entry, target: 'keychain', location: 'k', keychain: 'secret-service' }, { ...entry, target: 'shell', location: '/h/.bashrc', variant: 'keychain', shell: 'bash' }));
    expect((await store.read()).saved.map((e) => [e.keychain, e.variant])).toEqual([
      ['secret-service', undefined],
      [undefined, 'keychain'],
    ]);
  });

  it('finds its directory from OPENAI_ONBOARD_CONFIG_DIR, then XDG_CONFIG_HOME, then the platform default', () => {
    expect(configDir({ OPENAI_ONBOARD_CONFIG_DIR: '/c', XDG_CONFIG_HOME: '/x' }, '/h', 'linux')).toBe('/c');
    expect(configDir({ XDG_CONFIG_HOME: '/x' }, '/h', 'linux')).toBe(join('/x', 'openai-onboard'));
    expect(configDir({}, '/h', 'linux')).toBe(join('/h', '.config', 'openai-onboard'));
  });
});

// The store never blocks a command (repro reliability/17): whatever is in the way, one warning, and
// the run goes on in memory without writing.
describe('config store that cannot be used', () => {
  const entryV1 = { target: 'shell', location: '/h/.bashrc', masked: 'sk-proj-…abcd', fingerprint: '0123456789ab', savedAt: '2026-01-01T00:00:00.000Z' };

  it.each([
    ['a directory in its place', (dir: string, path: string) => mkdirSync(path, { recursive: true }), /it is a directory/],
    ['a symlink loop in its place', (dir: string, path: string) => (mkdirSync(dir, { recursive: true }), symlinkSync(path, path)), /too many symbolic links/],
  ])('%s: warns once, reads empty, keeps updates in memory, writes and removes nothing', async (_, make, why) => {
    const { dir, store, warnings } = fresh();
    make(dir, store.path);
    expect(await store.read()).toEqual({ version: 1, saved: [] });
    const after = await store.update((c) => void c.saved.push(entry));
    expect(after.saved).toEqual([entry]);
    expect((await store.read()).saved).toEqual([entry]);
    expect(await store.remove()).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(why);
    expect(warnings[0]).toMatch(/carrying on without it/);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('a path under a file: reading and writing both fail quietly after one warning', async () => {
    const root = mkdtempSync(join(tmpdir(), 'onboard-config-'));
    writeFileSync(join(root, 'afile'), 'x');
    const warnings: string[] = [];
    const store = createConfigStore(join(root, 'afile', 'openai-onboard'), (m) => warnings.push(m));
    await store.update((c) => void c.saved.push(entry));
    await store.update((c) => void c.saved.push(entry));
    expect((await store.read()).saved).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/a part of its path is a file/);
  });

  it('a newer version is read as far as understood, never rewritten, never moved aside', async () => {
    const { dir, store, warnings } = fresh();
    mkdirSync(dir, { recursive: true });
    const text = JSON.stringify({ version: 2, saved: [entryV1, { target: 'cloud-vault', location: 'x' }], future: { a: 1 } });
    writeFileSync(store.path, text);
    expect((await store.read()).saved).toEqual([entryV1]);
    await store.update((c) => void c.saved.push(entry));
    expect(await store.remove()).toBe(false);
    expect(readFileSync(store.path, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['config.json']);
    expect(warnings).toEqual([expect.stringMatching(/written by a newer openai-onboard \(version 2\).*writes nothing/)]);
  });

  it('a file far larger than we write is not parsed: moved aside with its size', async () => {
    const { dir, store, warnings } = fresh();
    mkdirSync(dir, { recursive: true });
    // Valid JSON of a valid shape, so only the size can make the store refuse it (2 MB stands in for 120 MB).
    writeFileSync(store.path, JSON.stringify({ version: 1, saved: [], progress: { done: [], choices: { pad: 'x'.repeat(2 * 1024 * 1024) }, updatedAt: 'now' } }));
    expect(await store.read()).toEqual({ version: 1, saved: [] });
    expect(warnings).toEqual([expect.stringMatching(/was 2 MB, far more than openai-onboard writes.*moved aside/)]);
    expect(existsSync(store.path)).toBe(false);
  });
});
