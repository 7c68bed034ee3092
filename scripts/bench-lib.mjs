// Timing helpers for scripts/bench.mjs: hyperfine when it is installed, else a small Node harness
// (warm-up runs, then N runs, median). Every figure is compared with a baseline measured the same way
// in the same run, so the ratios hold on any machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** Runs a command to completion without blocking the event loop (the bench's fake server lives in it). */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });
}

/**
 * Median wall time in ms of each command ([cmd, ...args]), all measured in one batch so they share
 * the machine's state. The batch runs in rounds (A B C, A B C, ...) so that load from other work on
 * the machine drifts into every figure alike instead of into whichever command ran during it.
 * hyperfine -N (no shell) runs each round when it is installed; else the Node harness, which
 * interleaves single runs.
 */
export async function timeCommands(commands, { runs = 20, warmup = 3, rounds = Math.ceil(runs / 3), env = process.env, cwd } = {}) {
  const samples = commands.map(() => []);
  const codes = commands.map(() => new Set());
  if (useHyperfine()) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-hf-'));
    const out = join(dir, 'out.json');
    const quoted = commands.map((c) => c.map(shellQuote).join(' '));
    const perRound = Math.max(2, Math.ceil(runs / rounds));
    for (let round = 0; round < rounds; round++) {
      const r = await run('hyperfine', ['-N', '-i', '--style', 'none', '--runs', String(perRound), '--warmup', String(round ? 1 : warmup), '--export-json', out, ...quoted], { env, cwd });
      if (r.code !== 0) throw new Error(`hyperfine failed: ${r.stderr}`);
      JSON.parse(readFileSync(out, 'utf8')).results.forEach((x, i) => {
        samples[i].push(...x.times.map((t) => t * 1000));
        for (const c of x.exit_codes) codes[i].add(c);
      });
    }
    rmSync(dir, { recursive: true, force: true });
  } else {
    for (let i = 0; i < warmup + runs; i++) {
      for (const [k, [cmd, ...args]] of commands.entries()) {
        const r = await run(cmd, args, { env, cwd, stdio: ['ignore', 'ignore', 'ignore'] });
        codes[k].add(r.code);
        if (i >= warmup) samples[k].push(r.ms);
      }
    }
  }
  return samples.map((s, i) => ({ ms: median(s), exitCodes: [...codes[i]] }));
}

const useHyperfine = () => hasCommand('hyperfine') && !process.env.BENCH_NO_HYPERFINE;

export const timer = () => (useHyperfine() ? 'hyperfine -N, in rounds' : 'node harness, interleaved');

function shellQuote(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}

/**
 * Median peak resident memory (KB) of a command: GNU time's %M when /usr/bin/time exists, else a
 * preloaded module that reports process.resourceUsage().maxRSS of the very process at exit.
 */
export async function peakRssKb([cmd, ...args], { runs = 5, env = process.env } = {}) {
  const samples = [];
  const gnuTime = hasCommand('/usr/bin/time') && !process.env.BENCH_NO_GNU_TIME;
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const report = join(dir, 'rss');
  // Only used without GNU time: a CommonJS preload is synchronous at exit. `cmd` must be node.
  const preload = join(dir, 'rss.cjs');
  writeFileSync(preload, `const fs = require('node:fs'); process.on('exit', () => fs.writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
  for (let i = 0; i < runs; i++) {
    if (gnuTime) {
      const r = await run('/usr/bin/time', ['-f', '%M', cmd, ...args], { env });
      samples.push(Number(r.stderr.trim().split('\n').pop()));
    } else {
      await run(cmd, ['--require', preload, ...args], { env });
      samples.push(Number(readFileSync(report, 'utf8')));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return { kb: median(samples), how: gnuTime ? '/usr/bin/time -f %M' : 'process.resourceUsage().maxRSS' };
}
