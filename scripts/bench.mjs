#!/usr/bin/env node
// `npm run bench`: start-up time, first prompt, key check, peak memory, package size and cold npx,
// each next to a baseline measured in the same run, with the targets of issue 6. Exits 1 when a
// target is missed or a figure cannot be measured. Not part of `npm test` (timings are machine noise).
//   --quick           fewer runs
//   --update-readme   write the table into docs/performance.md
//   --only=a,b        measure only some of: startup, prompt, check, pack, npx (npx needs the registry),
//                     screens (words and rows per step at 80×24; alone: npm run bench:screens)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssKb, run, timeCommands, timer } from './bench-lib.mjs';
import { npxComparison, packInfo } from './bench-pack.mjs';
import { medianTimeToText } from './bench-pty.mjs';
import { measureScreens, screensReport } from './bench-screens.mjs';
import { fakeProjectKey, startSlowServer } from './bench-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (part) => !only || only.includes(part);
const bin = join(root, 'bin', 'openai-onboard.js');
const node = process.execPath;
const DELAY = 400;
const rows = [];

function row(figure, value, baseline, ratio, target, pass, note = '') {
  rows.push({ figure, value, baseline, ratio, target, pass, note });
  const mark = pass === null ? 'n/a ' : pass ? 'ok  ' : 'MISS';
  console.log(`${mark} ${figure.padEnd(26)} ${String(value).padEnd(12)} base ${String(baseline).padEnd(12)} ${ratio.padEnd(8)} target ${target}${note ? `  (${note})` : ''}`);
}
const ms = (x) => `${x.toFixed(1)} ms`;
const x2 = (r) => `${r.toFixed(2)}×`;

function newestMtime(path) {
  const s = statSync(path, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((e) => newestMtime(join(path, e))));
}

function buildIfStale() {
  const built = (() => {
    try {
      return statSync(join(root, 'dist', 'cli.js')).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const sources = Math.max(...['src', 'scripts/build.mjs', 'package.json', 'package-lock.json'].map((p) => newestMtime(join(root, p))));
  if (built >= sources) return;
  console.log('dist/ is stale: building');
  const r = spawnSync(node, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

const scratch = mkdtempSync(join(tmpdir(), 'onboard-bench-'));
const home = join(scratch, 'home');
const work = join(scratch, 'work');
spawnSync('mkdir', ['-p', home, work]);
const empty = join(scratch, 'empty.mjs');
writeFileSync(empty, '');
// The prompt baseline: bare node drawing one prompt-like line on the same pty.
const promptBaseline = join(scratch, 'prompt.mjs');
writeFileSync(promptBaseline, "process.stderr.write('? ready\\n');\n");

// A clean user: no key, no config, no CI, a terminal.
const cleanEnv = { ...process.env, HOME: home, OPENAI_ONBOARD_CONFIG_DIR: join(scratch, 'config'), TERM: 'xterm-256color', SHELL: '/bin/bash' };
for (const k of ['CI', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_ORG_ID', 'OPENAI_PROJECT_ID', 'NO_COLOR', 'FORCE_COLOR']) delete cleanEnv[k];

try {
  buildIfStale();
  console.log(`node ${process.version}, timings by ${timer()}, medians\n`);

  if (want('startup')) await startup();
  if (want('prompt')) await firstPrompt();
  if (want('check')) await checkKey();
  if (want('pack')) await packageSize();
  if (want('npx')) await coldNpx();
  if (want('screens')) await screens();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const missed = rows.filter((r) => r.pass === false);
const table = [
  '| figure | measured | baseline | ratio | target | |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.pass === null ? '' : r.pass ? 'ok' : '**missed**'} |`),
].join('\n');
console.log(`\n${table}\n`);
if (args.has('--update-readme')) updateReadme(table);
console.log(missed.length ? `${missed.length} target(s) missed: ${missed.map((r) => r.figure).join(', ')}` : 'all targets met');
process.exitCode = missed.length ? 1 : 0;

function updateReadme(table) {
  const path = join(root, 'docs', 'performance.md');
  const text = readFileSync(path, 'utf8');
  const marker = '<!-- section: performance (issue 6) -->';
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`docs/performance.md has no "${marker}"`);
  const end = text.indexOf('\n## ', start);
  const cpu = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim();
  const body = readFileSync(join(root, 'scripts', 'bench-readme.md'), 'utf8')
    .replace('{{TABLE}}', table)
    .replace('{{MACHINE}}', `Node ${process.version}, ${cpu} cores, timings by ${timer()}`);
  writeFileSync(path, `${text.slice(0, start + marker.length)}\n${body.trimEnd()}\n${end < 0 ? '' : text.slice(end)}`);
  console.log('docs/performance.md updated');
}

// 1. Start-up: bare node, --help, --version, in one batch.
async function startup() {
  const [bare, help, version] = await timeCommands([[node, empty], [node, bin, '--help'], [node, bin, '--version']], {
    runs: quick ? 10 : 30,
    warmup: 3,
    env: cleanEnv,
    cwd: work,
  });
  row('bare node empty.mjs', ms(bare.ms), '', '1.00×', '', null);
  for (const [name, r] of [['--help', help], ['--version', version]]) {
    const ratio = r.ms / bare.ms;
    const ok = r.exitCodes.every((c) => c === 0);
    row(name, ms(r.ms), ms(bare.ms), x2(ratio), '≤ 1.25×', ok && ratio <= 1.25, ok ? '' : `exit codes ${r.exitCodes}`);
  }
}

// 2. First prompt of the wizard on a real pty, against bare node drawing a line on the same pty.
async function firstPrompt() {
  const q = (s) => `'${s}'`;
  const ptyOpts = { runs: quick ? 7 : 21, warmup: 2, env: cleanEnv, cwd: work };
  const [base, prompt] = await medianTimeToText([`${q(node)} ${q(promptBaseline)}`, `${q(node)} ${q(bin)}`], ptyOpts);
  if (prompt.ms === null || base.ms === null) {
    const screen = (prompt.screen || '').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim().split('\n').slice(-3).join(' | ');
    row('first prompt (pty)', 'none', base.ms === null ? 'none' : ms(base.ms), '', '≤ 1.5×', false, `no prompt appeared; screen ended: ${screen.slice(0, 160)}`);
  } else {
    const ratio = prompt.ms / base.ms;
    row('first prompt (pty)', ms(prompt.ms), ms(base.ms), x2(ratio), '≤ 1.5×', ratio <= 1.5, 'baseline: bare node printing one line on the same pty');
  }
}

// 3. --check-key against a loopback server that answers each request after 400 ms, and its peak memory.
async function checkKey() {
  const server = await startSlowServer(DELAY);
  const checkEnv = { ...cleanEnv, CI: 'true', OPENAI_API_KEY: fakeProjectKey(), OPENAI_BASE_URL: server.url };
  const name = `--check-key (${DELAY} ms/request)`;
  try {
    const probe = await run(node, [bin, '--check-key', '--json'], { env: checkEnv, cwd: work });
    const perRun = server.requests.length;
    if (probe.code !== 0) {
      row(name, `exit ${probe.code}`, '', '', `≤ node + ${1.5 * DELAY} ms`, false, `not measurable: ${(probe.stderr || probe.stdout).trim().split('\n')[0].slice(0, 120)}`);
      return;
    }
    const [bare, check] = await timeCommands([[node, empty], [node, bin, '--check-key']], { runs: quick ? 6 : 12, warmup: 1, rounds: 3, env: checkEnv, cwd: work });
    const limit = bare.ms + 1.5 * DELAY;
    row(name, ms(check.ms), ms(bare.ms), `+${(check.ms - bare.ms).toFixed(0)} ms`, `≤ node + ${1.5 * DELAY} ms`, check.ms <= limit, `${perRun} requests per check`);
    const rssBase = await peakRssKb([node, empty], { env: checkEnv, runs: quick ? 3 : 5 });
    const rss = await peakRssKb([node, bin, '--check-key'], { env: checkEnv, runs: quick ? 3 : 5 });
    const ratio = rss.kb / rssBase.kb;
    row('peak RSS of --check-key', `${(rss.kb / 1024).toFixed(1)} MB`, `${(rssBase.kb / 1024).toFixed(1)} MB`, x2(ratio), '≤ 1.6×', ratio <= 1.6, rss.how);
  } finally {
    await server.close();
  }
}

// 4. The package: runtime dependencies, files, size.
async function packageSize() {
  const pack = await packInfo(root);
  row('runtime dependencies', String(pack.dependencies.length), '', '', '0', pack.dependencies.length === 0, pack.dependencies.join(', '));
  const strays = pack.files.filter((f) => !/^(bin\/|dist\/|docs\/|README\.md$|LICENSE$|package\.json$)/.test(f));
  row('packed tarball', `${(pack.size / 1000).toFixed(1)} kB`, '', '', '≤ 120 kB', pack.size <= 120_000 && strays.length === 0, `${pack.files.length} files, ${(pack.unpackedSize / 1000).toFixed(0)} kB unpacked${strays.length ? `; unexpected: ${strays.join(', ')}` : ''}`);
}

// 5. Cold npx of our tarball vs create-vite's.
async function coldNpx() {
  const npx = await npxComparison(root, { runs: quick ? 3 : 5 });
  const ratio = npx.ours.ms / npx.vite.ms;
  row('cold npx --help', ms(npx.ours.ms), ms(npx.vite.ms), x2(ratio), '≤ 1.2×', ratio <= 1.2, `create-vite ${npx.vite.version}: ${(npx.vite.size / 1000).toFixed(1)} kB tarball`);
}

// 6. What a newcomer reads: words before the key is saved, rows from each step's heading to its prompt.
async function screens() {
  const report = screensReport(await measureScreens({ width: 80, height: 24 }));
  console.log(report.text.replace(/^/gm, '     '));
  row('words before the key is saved', String(report.words), '', '', '≤ 500', report.words <= 500, 'wizard at 80×24, defaults');
  row('steps whose heading scrolls', String(report.tooTall), '', '', '0', report.tooTall === 0, 'heading to prompt > 24 rows');
  row('lines wider than 80', String(report.wide), '', '', '0', report.wide === 0, 'a single token excepted');
}
