#!/usr/bin/env node
// SDK canary: will the next openai release still build and check keys? For the newest openai 6.x and
// 7.x on the registry, copies the checkout to a scratch dir, installs that SDK version there, builds
// (the build fails by itself if SDK pruning no longer matches the SDK's layout) and runs the key-check
// e2e tests against the bundle. Prints one PASS/FAIL/SKIP line per major.
//   node scripts/canary-sdk.mjs [--majors=6,7]
// Exit: 0 all passed or skipped; 1 a canary failed. A registry that does not answer is a SKIP, never a
// failure: CI runs this for information and must not fail on the network.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const majors = (process.argv.find((a) => a.startsWith('--majors='))?.slice(9) ?? '6,7').split(',');
const QUIET = { ...process.env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' };
const TESTS = ['test/e2e/check-key.test.ts', 'test/e2e/check-key-faults.test.ts'];
let failed = false;

const sh = (cmd, args, cwd, timeout = 600_000) => spawnSync(cmd, args, { cwd, env: QUIET, encoding: 'utf8', timeout });
const tail = (r) => `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');

for (const major of majors) {
  const view = sh('npm', ['view', `openai@${major}`, 'version', '--json'], root, 60_000);
  if (view.status !== 0) {
    console.log(`SKIP  openai@${major}: the registry did not answer (${tail(view).split('\n').pop()})`);
    continue;
  }
  // The registry lists the matching versions in publish order, not version order: take the highest.
  const byVersion = (a, b) => { const [x, y] = [a, b].map((v) => v.split(/[.-]/).map(Number)); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
  const version = [JSON.parse(view.stdout)].flat().filter((v) => !v.includes('-')).sort(byVersion).pop();
  const scratch = mkdtempSync(join(tmpdir(), `onboard-canary-${major}-`));
  try {
    const files = sh('git', ['ls-files', '-z'], root).stdout.split('\0').filter(Boolean);
    for (const f of files) cpSync(join(root, f), join(scratch, f), { recursive: true });
    cpSync(join(root, 'node_modules'), join(scratch, 'node_modules'), { recursive: true, verbatimSymlinks: true });
    const install = sh('npm', ['install', '--no-save', '--ignore-scripts', `openai@${version}`], scratch);
    if (install.status !== 0) {
      console.log(`SKIP  openai@${version}: could not install it (${tail(install).split('\n').pop()})`);
      continue;
    }
    const build = sh(process.execPath, ['scripts/build.mjs'], scratch);
    if (build.status !== 0) {
      failed = true;
      console.log(`FAIL  openai@${version}: the build failed\n${tail(build)}`);
      continue;
    }
    const test = sh(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...TESTS], scratch);
    failed ||= test.status !== 0;
    console.log(`${test.status === 0 ? 'PASS' : 'FAIL'}  openai@${version}: build and key-check e2e tests${test.status === 0 ? '' : `\n${tail(test)}`}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
