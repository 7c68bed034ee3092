// A real, private Secret Service for tests: a D-Bus session bus of our own (what dbus-run-session
// starts) and gnome-keyring-daemon on it, unlocked with a test password passed on stdin, all under
// a temp HOME. Never touches the user's keyring or session bus.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestKeyring {
  /** Environment for the code under test: the private bus, temp HOME and XDG dirs. */
  env: Record<string, string>;
  home: string;
  stop(): void;
}

export type KeyringStart = { keyring: TestKeyring } | { keyring?: undefined; why: string };

export async function startTestKeyring(): Promise<KeyringStart> {
  for (const tool of ['dbus-daemon', 'gnome-keyring-daemon', 'secret-tool']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return { why: `${tool} is not installed (.ci/run installs it)` };
  }
  const root = mkdtempSync(join(tmpdir(), 'onboard-keyring-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  mkdirSync(home);
  mkdirSync(runtime, { mode: 0o700 });
  const base = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--nosyslog', '--print-address=1', '--print-pid=1'], { env: base, encoding: 'utf8', timeout: 10_000 });
  const [address, pid] = (bus.stdout ?? '').trim().split('\n');
  if (bus.status !== 0 || !address || !pid) return { why: `dbus-daemon did not start: ${(bus.stderr ?? '').trim() || `exit ${bus.status}`}` };
  const env = { ...base, DBUS_SESSION_BUS_ADDRESS: address };
  const stopBus = () => {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // The password comes from a file, so the daemon has it at once: a client call that arrives before
  // it registers would make the bus start a second, locked daemon.
  const passwordFile = join(root, 'password');
  writeFileSync(passwordFile, 'test-password');
  const passwordFd = openSync(passwordFile, 'r');
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: [passwordFd, 'ignore', 'ignore'] });
  closeSync(passwordFd);
  daemon.on('error', () => {});
  // Wait until it owns the Secret Service name before any client call.
  for (let i = 0; i < 50 && !existsSync(join(base.XDG_DATA_HOME, 'keyrings', 'login.keyring')); i++) {
    await new Promise((res) => setTimeout(res, 100));
  }
  const stop = () => {
    daemon.kill('SIGKILL');
    stopBus();
    rmSync(root, { recursive: true, force: true });
  };
  // Ready when a store succeeds: the login keyring is created a moment after the daemon answers.
  for (let i = 0; i < 50; i++) {
    const r = spawnSync('secret-tool', ['store', '--label=probe', 'service', 'probe', 'account', 'probe'], { env, input: 'x', timeout: 3_000 });
    if (r.status === 0) {
      spawnSync('secret-tool', ['clear', 'service', 'probe', 'account', 'probe'], { env, timeout: 3_000 });
      return { keyring: { env, home, stop } };
    }
    await new Promise((res) => setTimeout(res, 100));
  }
  stop();
  return { why: 'gnome-keyring-daemon started but the Secret Service did not answer within 5 s' };
}
