// A reader that closes the pipe early (`openai-onboard --check-key 2>&1 | head -1`, `--json | head -c 10`)
// is the reader's choice, not our failure: no "Unhandled 'error' event" crash, and the exit code stays
// the command's own, so `set -o pipefail` scripts still learn that a key is bad.
//
// Why the case below and not `--help | head -1`: the CLI exits from the callback of its final write,
// which runs before Node emits the EPIPE 'error' event, so a command that writes once and exits never
// meets the error, guard or no guard (seen on Linux). A write followed by more work does: here the
// progress line goes to a closed stderr while the key check is still waiting for the (slow) server.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, invalidKey, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { CLI, type Sandbox, sandbox } from './modes-harness.js';

let fake: FakeOpenAI;
let box: Sandbox;
beforeAll(async () => {
  fake = await startFakeOpenAI({ models: (req) => ({ ...invalidKey(req), delayMs: 400 }) });
  box = sandbox(fake.url);
});
afterAll(async () => {
  await fake.close();
  rmSync(box.root, { recursive: true, force: true });
});

function runWithClosed(stream: 'stdout' | 'stderr', args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: box.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...box.env, CI: 'true', ...env } });
  child[stream]!.destroy();
  let out = '';
  child[stream === 'stdout' ? 'stderr' : 'stdout']!.on('data', (d: Buffer) => (out += d));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out })));
}

describe('a reader that closes the pipe early', () => {
  it('stderr closed while the check runs: the run goes on and ends with the diagnosis exit code (invalid_key, 4)', async () => {
    const r = await runWithClosed('stderr', ['--check-key', '--json'], { OPENAI_API_KEY: fakeKeys.project(401) });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({ diagnosis: 'invalid_key' });
  });
  it('stdout closed: no crash, the exit code is still the diagnosis (4), no stack trace', async () => {
    const r = await runWithClosed('stdout', ['--check-key'], { OPENAI_API_KEY: fakeKeys.project(402) });
    expect(r.out).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(r.code).toBe(4);
  });
});
