// Runs the built CLI (bin/openai-onboard.js) as a user's shell would, with a controlled environment:
// nothing is inherited from the machine running the tests (no CI, no agent variables, no real key, no
// proxy), HOME and the config dir are temp dirs, and OPENAI_BASE_URL points at the loopback fake.
// Every run has a kill timer, so a prompt that waits for input fails the test instead of hanging it.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai-server.js';

export const CLI = fileURLToPath(new URL('../../bin/openai-onboard.js', import.meta.url));

export interface Sandbox {
  root: string;
  home: string;
  cwd: string;
  configDir: string;
  /** The environment every run starts from. */
  env: Record<string, string>;
}

export function sandbox(baseUrl: string): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'onboard-e2e-'));
  const home = join(root, 'home');
  const cwd = join(root, 'project');
  const configDir = join(root, 'config');
  mkdirSync(home);
  mkdirSync(cwd);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    OPENAI_ONBOARD_CONFIG_DIR: configDir,
    OPENAI_BASE_URL: baseUrl,
    NO_COLOR: '1',
    SHELL: '/bin/bash',
    LANG: 'C.UTF-8',
  };
  return { root, home, cwd, configDir, env };
}

/**
 * How stdin is connected: 'ignore' (Node gives the child /dev/null), 'closed' (fd 0 really closed, via
 * `sh -c 'exec … <&-'`), 'devnull' (an explicit /dev/null fd), 'open-pipe' (a pipe nobody ever writes
 * to or closes: reading it would hang), or a string written to a pipe that is then closed.
 */
export type StdinMode = 'ignore' | 'closed' | 'devnull' | 'open-pipe' | { text: string };

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

export function runCli(
  args: string[],
  o: { box: Sandbox; env?: Record<string, string | undefined>; stdin?: StdinMode; timeoutMs?: number },
): Promise<CliResult> {
  const stdin = o.stdin ?? 'ignore';
  const env: Record<string, string> = { ...o.box.env };
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const devnull = stdin === 'devnull' ? openSync('/dev/null', 'r') : undefined;
  const [command, argv] =
    stdin === 'closed'
      ? ['/bin/sh', ['-c', 'exec "$0" "$@" <&-', process.execPath, CLI, ...args]]
      : [process.execPath, [CLI, ...args]];
  const started = Date.now();
  const child = spawn(command, argv as string[], {
    cwd: o.box.cwd,
    env,
    stdio: [stdin === 'ignore' || stdin === 'closed' ? 'ignore' : (devnull ?? 'pipe'), 'pipe', 'pipe'],
  });
  if (devnull !== undefined) closeSync(devnull);
  if (typeof stdin === 'object') child.stdin!.end(stdin.text);
  // 'open-pipe': keep the write end open and silent until the run ends.
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d));
  child.stderr!.on('data', (d: Buffer) => err.push(d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, o.timeoutMs ?? 10_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      child.stdin?.destroy();
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: Date.now() - started });
    });
  });
}

/** Every file under dir, recursively (relative paths); [] when dir does not exist. */
export function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => join(name, f)) : [name];
  });
}

/** True when any file under dir contains text. */
export function anyFileContains(dir: string, text: string): boolean {
  return filesUnder(dir).some((f) => readFileSync(join(dir, f), 'utf8').includes(text));
}

/**
 * For a test file: one loopback fake OpenAI for all its tests, and sandboxes pointed at it that are
 * removed when the file is done.
 */
export function useFakeMachine(): { fake: () => FakeOpenAI; sandbox: () => Sandbox } {
  let server: FakeOpenAI | undefined;
  const roots: string[] = [];
  beforeAll(async () => {
    server = await startFakeOpenAI();
  });
  afterAll(async () => {
    await server?.close();
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  const fake = () => {
    if (!server) throw new Error('useFakeMachine: the fake server starts in beforeAll');
    return server;
  };
  return {
    fake,
    sandbox: () => {
      const box = sandbox(fake().url);
      roots.push(box.root);
      return box;
    },
  };
}
