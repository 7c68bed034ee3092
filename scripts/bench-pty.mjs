// Time to the first prompt on a real pseudo-terminal. `script -q -c` (util-linux) gives the child a
// pty and relays what it draws to our pipe, so the moment the prompt text arrives is an event here,
// timestamped with performance.now(): sub-millisecond resolution, no polling (tmux capture-pane
// polling every 5 ms was both coarser and stole CPU from the program being measured on 2 cores).
import { spawn } from 'node:child_process';
import { median } from './bench-lib.mjs';

/** A prompt line: its prefix (Inquirer's "?" or our "⏎") then the message, around terminal control codes. */
export const PROMPT_PATTERN = /(?:^|\n|\r)(?:\u001b\[[0-9;?]*[A-Za-z])*\s*(?:\?|⏎)(?:\u001b\[[0-9;?]*[A-Za-z])*\s+\S/;

/** Milliseconds from spawn until `pattern` appears on the terminal, or null after `timeoutMs`. */
export function timeToText(commandLine, { pattern = PROMPT_PATTERN, env, cwd, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // detached: script and the program in its pty form a group we can kill at once afterwards.
    const child = spawn('script', ['-q', '-e', '-c', commandLine, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], env, cwd, detached: true });
    let screen = '';
    let done = false;
    const finish = (ms) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      resolve({ ms, screen });
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    child.stdout.on('data', (d) => {
      screen += d;
      if (pattern.test(screen)) finish(performance.now() - started);
    });
    child.on('error', reject);
    child.on('close', () => finish(null));
  });
}

/**
 * Median time to the text for each command line, runs interleaved (A B, A B, ...) so that load from
 * elsewhere on the machine hits all alike. ms is null when the text never appeared (the last screen
 * is kept for the report).
 */
export async function medianTimeToText(commandLines, { runs = 15, warmup = 3, ...opts } = {}) {
  const times = commandLines.map(() => []);
  const last = commandLines.map(() => ({ ms: null, screen: '' }));
  const failed = new Set();
  for (let i = 0; i < warmup + runs; i++) {
    for (const [k, line] of commandLines.entries()) {
      if (failed.has(k)) continue;
      last[k] = await timeToText(line, opts);
      if (last[k].ms === null) failed.add(k);
      else if (i >= warmup) times[k].push(last[k].ms);
    }
  }
  return commandLines.map((_, k) => ({ ms: failed.has(k) ? null : median(times[k]), screen: last[k].screen }));
}
