// What `npm publish` would ship: packed with `npm pack`, unpacked into a directory with no
// node_modules anywhere above it, and run from there. Proves the bundle needs no runtime
// dependency, that every lazy chunk made it into the tarball, and that nothing else did.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
let scratch: string;
let pkgDir: string;
let files: string[];
let packedBytes: number;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'onboard-pack-'));
  // --ignore-scripts: `npm test` has just built dist/; the prepare script would rebuild it mid-run.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  const [info] = JSON.parse(out) as Array<{ filename: string; size: number; files: Array<{ path: string }> }>;
  files = info!.files.map((f) => f.path);
  packedBytes = info!.size;
  execFileSync('tar', ['xzf', join(scratch, info!.filename), '-C', scratch]);
  pkgDir = join(scratch, 'package');
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runBin(args: string[], env: Record<string, string> = {}) {
  const home = join(scratch, 'home');
  mkdirSync(home, { recursive: true });
  return spawnSync(process.execPath, [join(pkgDir, 'bin', 'openai-onboard.js'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: home, OPENAI_ONBOARD_CONFIG_DIR: join(home, 'config'), CI: 'true', NO_COLOR: '1', ...env },
  });
}

describe('the packed package', () => {
  it('declares no runtime dependencies of any kind', () => {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(Object.keys((pkg[field] as object | undefined) ?? {}), field).toEqual([]);
    }
    expect(pkg.bin).toEqual({ 'openai-onboard': 'bin/openai-onboard.js' });
  });

  it('holds only bin/, dist/, docs/, README.md, LICENSE and package.json', () => {
    const strays = files.filter((f) => !/^(bin\/|dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/.test(f));
    expect(strays).toEqual([]);
    for (const needed of ['bin/openai-onboard.js', 'dist/cli.js', 'dist/help.txt', 'README.md', 'LICENSE']) expect(files).toContain(needed);
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  // The budget from the contract: `npx openai-onboard` downloads one small tarball. npm reports sizes in
  // decimal kB (116.1 kB = 116,100 bytes), so the budget is 120,000 bytes of the packed .tgz.
  it('packs to at most 120 kB', () => {
    expect(packedBytes).toBeGreaterThan(10_000);
    expect(packedBytes).toBeLessThanOrEqual(120_000);
  });

  it('has an executable bin with a node shebang', () => {
    const bin = join(pkgDir, 'bin', 'openai-onboard.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('prints its version and help from the unpacked files alone', () => {
    const version = runBin(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
    const help = runBin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: openai-onboard /);
    // The pre-rendered text is exactly what commander prints (any other flag takes commander's path).
    const fromCommander = runBin(['--no-color', '--help']);
    expect(fromCommander.status).toBe(0);
    expect(help.stdout).toBe(fromCommander.stdout);
  });

  it('loads its lazy chunks: a key check without a key ends in missing_key', () => {
    const r = runBin(['--check-key', '--json'], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(r.stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, diagnosis: 'missing_key' });
  });

  it('explain finds the docs/troubleshooting.md it ships, from the unpacked files alone', () => {
    expect(files).toContain('docs/troubleshooting.md');
    const r = runBin(['explain', 'no_credits']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('no_credits');
  });

  it('--help fits 80 columns and points only to docs the package ships', () => {
    const help = runBin(['--help']).stdout;
    expect(help.split('\n').filter((l) => l.length > 80)).toEqual([]);
    const docs = [...help.matchAll(/\bdocs\/[\w./-]+/g)].map((m) => m[0].replace(/[.,]$/, ''));
    expect(docs.filter((d) => !files.includes(d))).toEqual([]);
    expect(help).toContain('openai-onboard explain');
  });

  it('loads its lazy chunks: status runs', () => {
    const r = runBin(['status']);
    expect(r.stderr).not.toMatch(/Cannot find (module|package)|ERR_MODULE_NOT_FOUND/);
    expect(r.status).toBe(0);
  });
});
