#!/usr/bin/env node
// `npm run bench:screens`: how much a newcomer reads, and whether each question is on one screen.
// Runs the built wizard in tmux at 80×24 (a private tmux server), answers every prompt with its default
// (Enter; the key is pasted at the key prompt), against a loopback API that says yes, and measures:
//   - the words on screen before the key is saved (target ≤ 500; lines that only the bench's loopback
//     OPENAI_BASE_URL causes are not counted),
//   - for each prompt, the rows from its step's heading to the bottom of the prompt (target ≤ 24:
//     the heading is still on screen when the question is asked),
//   - the lines wider than the terminal (target 0, a single unbreakable token excepted).
// Exits 1 when a target is missed. Options: --width=N --height=N, --show (print the whole scrollback).
// scripts/bench.mjs reports the same figures as its "screens" part.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeProjectKey, startSlowServer } from './bench-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORD_TARGET = 500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A word is a run of non-blanks with a letter or digit in it ("•••", "⏎", "?" and "-" are not). */
export const countWords = (text) => text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
// The wizard's headings: the greeting (first line) and "Step N of M: …".
const HEADING = /^Step \d+ of \d+: /;
// The row a prompt starts on: Inquirer's "?" or our "⏎", after optional spaces.
const PROMPT = /^\s*(?:\?|⏎) \S/;

/**
 * The text without the lines that exist only because the bench points OPENAI_BASE_URL at a loopback
 * server (a newcomer on api.openai.com does not see them), so the count is the newcomer's.
 */
const asANewcomerSees = (lines) => lines.filter((l) => !/OPENAI_BASE_URL|127\.0\.0\.1/.test(l)).join('\n');

/** Drives the wizard through its happy path; resolves to the measurements. */
export async function measureScreens({ width = 80, height = 24 } = {}) {
  if (spawnSync('tmux', ['-V']).status !== 0) throw new Error('tmux is needed (apt-get install tmux)');
  const scratch = mkdtempSync(join(tmpdir(), 'onboard-screens-'));
  const server = await startSlowServer(0);
  const socket = join(scratch, 'tmux.sock');
  const project = join(scratch, 'project');
  const exitFile = join(scratch, 'exit');
  for (const dir of [project, join(scratch, 'home')]) mkdirSync(dir);
  writeFileSync(join(project, 'package.json'), '{}\n');
  writeFileSync(join(scratch, 'key.txt'), fakeProjectKey(5), { mode: 0o600 });
  writeFileSync(join(scratch, 'browser.sh'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(scratch, 'browser.sh'), 0o755);
  writeFileSync(join(scratch, 'tmux.conf'), 'set -g history-limit 50000\nset -g remain-on-exit on\n');
  writeFileSync(join(scratch, 'run.sh'), `cd '${project}'\n'${process.execPath}' '${join(root, 'bin', 'openai-onboard.js')}'\necho "EXIT=$?" > '${exitFile}'\n`);
  // A newcomer at a terminal: no CI, no key, no colour settings, a browser that opens nothing.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(scratch, 'home'),
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    BROWSER: join(scratch, 'browser.sh'),
    OPENAI_BASE_URL: server.url,
    OPENAI_ONBOARD_CONFIG_DIR: join(scratch, 'config'),
  };
  const tmux = (...args) => {
    const r = spawnSync('tmux', ['-S', socket, '-f', join(scratch, 'tmux.conf'), ...args], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args[0]}: ${r.stderr}`);
    return r.stdout;
  };
  // Rows as the terminal shows them (no -J), and logical lines (-J joins the terminal's soft wraps).
  const rows = () => tmux('capture-pane', '-p', '-S', '-', '-t', 'w').replace(/\s+$/, '').split('\n');
  const lines = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'w').replace(/\s+$/, '').split('\n').map((l) => l.trimEnd());
  const ended = () => existsSync(exitFile);
  const prompts = [];
  let wordsBeforeSave;
  try {
    tmux('new-session', '-d', '-s', 'w', '-x', String(width), '-y', String(height), `sh '${join(scratch, 'run.sh')}'`);
    let after = -1;
    for (let answered = 0; answered < 40; answered++) {
      const found = await settle(rows, ended, after);
      if (!found) break;
      const { screen, row: top } = found;
      after = top;
      const at = screen.length - 1;
      const heading = screen.findLastIndex((r, i) => i <= top && HEADING.test(r));
      const step = heading < 0 ? screen[0] : screen[heading];
      const question = screen.slice(top).join(' ').replace(/\s+/g, ' ').trim();
      prompts.push({ step: step.trim(), question: question.slice(0, 60), rows: at - Math.max(0, heading) + 1 });
      // Words before the key is saved: everything on screen when the save question is asked.
      if (wordsBeforeSave === undefined && /\bsave\b/i.test(`${step} ${question}`)) wordsBeforeSave = countWords(asANewcomerSees(lines()));
      if (/paste\b.*\bkey/i.test(question)) {
        tmux('load-buffer', '-b', 'k', join(scratch, 'key.txt'));
        tmux('paste-buffer', '-d', '-b', 'k', '-t', 'w');
      }
      tmux('send-keys', '-t', 'w', 'Enter');
      await sleep(150);
    }
    for (let i = 0; i < 100 && !ended(); i++) await sleep(100);
    const all = lines();
    const exit = Number(/EXIT=(\d+)/.exec(ended() ? readFileSync(exitFile, 'utf8') : '')?.[1] ?? NaN);
    // A line wider than the terminal is one the terminal had to wrap; one token alone (a URL) is allowed.
    const wide = all.filter((l) => [...l].length > width && /\s/.test(l.trim()));
    return { width, height, prompts, wordsBeforeSave, wordsTotal: countWords(asANewcomerSees(all)), wide, exit, scrollback: all };
  } finally {
    try {
      tmux('kill-server');
    } catch {}
    await server.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Waits until the screen stops changing with a prompt below the last one answered (a "⏎" prompt stays
 * on screen after its Enter; Inquirer's "?" turns into "✔"); null when the wizard ended instead.
 */
async function settle(rows, ended, after) {
  let last = '';
  for (let i = 0; i < 300; i++) {
    await sleep(100);
    const screen = rows();
    const text = screen.join('\n');
    if (text === last) {
      const row = screen.findLastIndex((r) => PROMPT.test(r));
      if (row > after) return { screen, row };
      if (ended()) return null;
    }
    last = text;
  }
  throw new Error(`no prompt appeared; the screen ends:\n${last.split('\n').slice(-10).join('\n')}`);
}

/** The per-prompt table and the totals, as text; `pass` is false when a target is missed. */
export function screensReport(m) {
  const out = [`wizard at ${m.width}×${m.height}, every prompt answered with its default (exit ${m.exit})`, ''];
  out.push(`${'rows'.padStart(4)}  step heading → prompt`);
  for (const p of m.prompts) out.push(`${String(p.rows).padStart(4)}${p.rows > m.height ? '!' : ' '} ${p.step.slice(0, 34).padEnd(34)} ${p.question}`);
  const tooTall = m.prompts.filter((p) => p.rows > m.height);
  const words = m.wordsBeforeSave ?? m.wordsTotal;
  out.push('');
  out.push(`words before the key is saved: ${words} (target ≤ ${WORD_TARGET})${m.wordsBeforeSave === undefined ? ' (no save question seen: whole run)' : ''}; whole run: ${m.wordsTotal}`);
  out.push(`prompts whose heading scrolled away: ${tooTall.length} of ${m.prompts.length} (target 0); tallest: ${Math.max(0, ...m.prompts.map((p) => p.rows))} rows`);
  out.push(`lines wider than ${m.width} columns: ${m.wide.length} (target 0)`);
  for (const l of m.wide) out.push(`  ${l}`);
  return { text: out.join('\n'), words, tooTall: tooTall.length, wide: m.wide.length, pass: words <= WORD_TARGET && tooTall.length === 0 && m.wide.length === 0 && m.exit === 0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit', env: { ...process.env, QUIET_BUILD: '1' } });
  if (built.status !== 0) process.exit(1);
  const m = await measureScreens({ width: arg('width', 80), height: arg('height', 24) });
  if (process.argv.includes('--show')) console.log(`${m.scrollback.join('\n')}\n${'─'.repeat(m.width)}`);
  const report = screensReport(m);
  console.log(report.text);
  console.log(report.pass ? 'all targets met' : 'target(s) missed');
  process.exitCode = report.pass ? 0 : 1;
}
