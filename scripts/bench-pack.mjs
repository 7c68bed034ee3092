// Package size and the cold `npx` a first-time user pays, compared with create-vite's packed tarball
// installed the same way in the same run (both from a local tarball, each with an empty npm cache).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, run } from './bench-lib.mjs';

const QUIET_NPM = { npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' };

/** What `npm pack` would publish: gzipped size, unpacked size, files, and the runtime dependencies declared. */
export async function packInfo(root) {
  const r = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  if (r.code !== 0) throw new Error(`npm pack --dry-run failed: ${r.stderr}`);
  const [info] = JSON.parse(r.stdout);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    size: info.size,
    unpackedSize: info.unpackedSize,
    files: info.files.map((f) => f.path),
    dependencies: Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }),
  };
}

async function packInto(dir, args, cwd) {
  const r = await run('npm', ['pack', ...args, '--json', '--pack-destination', dir], { cwd, env: { ...process.env, ...QUIET_NPM } });
  if (r.code !== 0) throw new Error(`npm pack ${args.join(' ')} failed: ${r.stderr}`);
  const [info] = JSON.parse(r.stdout);
  return { tarball: join(dir, info.filename), size: info.size, version: info.version };
}

/** One cold `npx --yes --package=<tarball> <bin> --help`: fresh npm cache, fresh empty directory. */
async function coldNpx(tarball, bin, args) {
  const cache = mkdtempSync(join(tmpdir(), 'bench-npx-cache-'));
  const cwd = mkdtempSync(join(tmpdir(), 'bench-npx-cwd-'));
  try {
    const r = await run('npx', ['--yes', '--cache', cache, `--package=${tarball}`, '--', bin, ...args], { cwd, env: { ...process.env, ...QUIET_NPM, CI: 'true' } });
    if (r.code !== 0) throw new Error(`npx ${tarball} ${args.join(' ')} exited ${r.code}: ${r.stderr.slice(0, 400)}`);
    return r.ms;
  } finally {
    rmSync(cache, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Median cold npx time of our tarball and of create-vite's, runs interleaved so drift hits both. */
export async function npxComparison(root, { runs = 5 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pack-'));
  try {
    const ours = await packInto(dir, ['--ignore-scripts'], root);
    const vite = await packInto(dir, ['create-vite'], dir);
    const oursMs = [];
    const viteMs = [];
    await coldNpx(ours.tarball, 'openai-onboard', ['--version']); // warm the OS file cache for npm itself
    for (let i = 0; i < runs; i++) {
      oursMs.push(await coldNpx(ours.tarball, 'openai-onboard', ['--help']));
      viteMs.push(await coldNpx(vite.tarball, 'create-vite', ['--help']));
    }
    return { ours: { ...ours, ms: median(oursMs) }, vite: { ...vite, ms: median(viteMs) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
