// The built CLI in a real pseudo-terminal (tmux): stdin, stdout and stderr are all TTYs, which alone
// would make the tool interactive. CI=true and the AI agents' variables must still mean: no prompt, no
// wait for a key, the next step in words. And `--key-stdin` must refuse a terminal instead of waiting.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, type FakeOpenAI, ok, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { runInPty } from '../fakes/pty-run.js';
import { CLI, sandbox } from './modes-harness.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** strace works here (it needs ptrace, which some containers forbid). */
const hasStrace = (() => {
  try {
    execFileSync('strace', ['-o', '/dev/null', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const key = fakeKeys.project(23);
/** What the wizard's prompts look like on screen ("⏎ Press Enter to begin", Inquirer's "?"). */
const PROMPT = /Press Enter|^\? /m;
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function pty(args: string[], env: Record<string, string>, timeoutMs = 10_000) {
  const box = sandbox(fake.url);
  return runInPty([process.execPath, CLI, ...args], { env: { ...box.env, ...env }, cwd: box.cwd, timeoutMs });
}

describe.skipIf(!hasTmux)('in a terminal', () => {
  it('control: without CI or an agent the wizard is interactive, and waits at its first prompt', async () => {
    // Proves the harness gives a real terminal and notices a prompt: this run must time out.
    const r = await pty([], {}, 3_000);
    expect(r.timedOut).toBe(true);
    expect(r.screen).toMatch(PROMPT);
  });

  it('CI=true: the wizard finishes on its own with the key from OPENAI_API_KEY', async () => {
    const r = await pty([], { CI: 'true', OPENAI_API_KEY: key });
    expect(r.timedOut, r.screen).toBe(false);
    expect(r.exitCode, r.screen).toBe(0);
    expect(r.screen).toContain('Running non-interactively');
    expect(r.screen).not.toMatch(PROMPT);
    expect(r.screen).toContain('https://platform.openai.com/settings/organization/api-keys');
    expect(r.screen).not.toContain(key);
  });

  it('CI=true without a key: usage error 2 naming --key-stdin, at once', async () => {
    const r = await pty([], { CI: 'true' });
    expect(r.timedOut, r.screen).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.screen).toContain('--key-stdin');
  });

  it('CI=true, --check-key: exit 0 with the key, 5 without credit', async () => {
    expect((await pty(['--check-key'], { CI: 'true', OPENAI_API_KEY: key })).exitCode).toBe(0);
    fake.set('embeddings', apiError(429, { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' }));
    try {
      const r = await pty(['--check-key'], { CI: 'true', OPENAI_API_KEY: key });
      expect(r.exitCode, r.screen).toBe(5);
      expect(r.screen).not.toContain(key);
    } finally {
      fake.set('embeddings', ok.embeddings());
    }
  });

  it('--key-stdin refuses a terminal on stdin: usage error 2 with the pipe to use instead', async () => {
    const r = await pty(['--check-key', '--key-stdin'], {});
    expect(r.timedOut, r.screen).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.screen).toContain('printenv OPENAI_API_KEY | openai-onboard --check-key --key-stdin');
  });

  it('CLAUDECODE=1 without a key: non-interactive, with the next step for the person', async () => {
    const r = await pty([], { CLAUDECODE: '1' });
    expect(r.timedOut, r.screen).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.screen).not.toMatch(PROMPT);
    expect(r.screen).toContain('Next step for the person (Claude Code can relay this):');
    expect(r.screen).toContain('Ask the person to open https://platform.openai.com/');
    expect(r.screen).toContain('--key-browser --save env --json` yourself');
  });

  it('CLAUDECODE=1 with a key: checks it, saves nothing, says so', async () => {
    const r = await pty([], { CLAUDECODE: '1', OPENAI_API_KEY: key });
    expect(r.exitCode, r.screen).toBe(0);
    expect(r.screen).toContain('It was not saved anywhere');
    expect(r.screen).not.toContain(key);
  });
});

describe.skipIf(!hasTmux || !hasStrace)('in a terminal, traced', () => {
  it('CI=true: the whole wizard never opens /dev/tty', async () => {
    const box = sandbox(fake.url);
    const trace = join(mkdtempSync(join(tmpdir(), 'onboard-strace-')), 'trace');
    const argv = ['strace', '-f', '-e', 'trace=open,openat', '-o', trace, process.execPath, CLI];
    const r = await runInPty(argv, { env: { ...box.env, CI: 'true', OPENAI_API_KEY: key }, cwd: box.cwd, timeoutMs: 20_000 });
    expect(r.exitCode, r.screen).toBe(0);
    const opened = readFileSync(trace, 'utf8');
    // The trace did record the run's file opens (the bundle itself), so an absence below means something.
    expect(opened).toContain('dist/cli.js');
    expect(opened).not.toContain('/dev/tty');
  });
});
