// The entry file's own duties: a reader that closes the pipe early is not an error, and the process
// ends as soon as its output is written.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from './modes-harness.js';

function runWithEarlyClose(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Like `| head -c 1`: read one chunk, then close our end while the CLI may still be writing.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the entry file', () => {
  it.each([[['--help']], [['status', '--help']]])('%j into a pipe closed early exits 0 without a stack trace', async (args) => {
    // Repeat: whether the close lands before or after the last write depends on timing.
    for (let i = 0; i < 5; i++) {
      const r = await runWithEarlyClose(args);
      expect(r.stderr).not.toMatch(/EPIPE|at .*\(|Error/);
      expect(r.code).toBe(0);
    }
  });
});
