// The config store: 0600 file in a 0700 directory, atomic writes, and a corrupt file moved aside
// with a warning instead of a crash.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
    ['a future version', JSON.stringify({ version: 99, saved: [] })],
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
