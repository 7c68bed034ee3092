// The operating system's secret store, through its own command-line tool (no native addons):
// Linux Secret Service via `secret-tool`, macOS Keychain via `security`, Windows Credential Manager
// via PowerShell (best effort, not tested on Windows). The key always travels on stdin, never in
// argv, and every call is killed after KEYCHAIN_TIMEOUT_MS so a locked keyring cannot hang us.
import type { Context } from '../context.js';
import { StorageError } from '../errors.js';
import { isWSL } from '../platform/environment.js';
import { onPath, runProgram, type RunResult } from './run-command.js';
import { type KeychainBackend, LOOKUP } from './shell-block.js';
import { windowsCredentialScript } from './keychain-windows.js';

import { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE } from './keychain-names.js';

export { KEYCHAIN_ACCOUNT, KEYCHAIN_SERVICE };
export const KEYCHAIN_TIMEOUT_MS = 3_000;
// PowerShell compiles a few lines of C# (Add-Type) on every call; that alone can take seconds.
const WINDOWS_TIMEOUT_MS = 15_000;

type Ctx = Pick<Context, 'env' | 'platform'>;

export interface KeychainInfo {
  available: boolean;
  backend?: KeychainBackend;
  /** "Secret Service (GNOME Keyring, KWallet)", "macOS Keychain", … */
  label: string;
  /** Why it is not available, in plain words. */
  why?: string;
}

const LABELS: Record<KeychainBackend, string> = {
  'secret-service': 'the Secret Service (GNOME Keyring / KWallet)',
  macos: 'the macOS Keychain',
  windows: 'Windows Credential Manager',
};

export function keychainDescription(backend: KeychainBackend): string {
  return `${LABELS[backend]}: ${KEYCHAIN_SERVICE}/${KEYCHAIN_ACCOUNT}`;
}

function failure(r: RunResult, what: string): string {
  if (r.timedOut) return `${what} did not answer within ${KEYCHAIN_TIMEOUT_MS / 1000} s (a locked keyring waiting for a password?)`;
  if (r.notFound) return `${what}: the helper program is not installed`;
  const line = r.stderr.split('\n').map((l) => l.trim()).find(Boolean);
  return `${what} failed${line ? `: ${line}` : ` (exit ${r.code})`}`;
}

/** Which keychain this machine has, and whether it answers. Never prompts, never hangs. */
export async function keychainInfo(ctx: Ctx): Promise<KeychainInfo> {
  if (ctx.platform === 'darwin') return { available: true, backend: 'macos', label: LABELS.macos };
  if (ctx.platform === 'win32') return { available: true, backend: 'windows', label: LABELS.windows };
  if (ctx.platform !== 'linux' && ctx.platform !== 'freebsd' && ctx.platform !== 'openbsd') {
    return { available: false, label: 'a keychain', why: `no supported keychain on ${ctx.platform}` };
  }
  const label = LABELS['secret-service'];
  if (!(await onPath('secret-tool', ctx.env, ctx.platform))) {
    return { available: false, label, why: 'secret-tool is not installed (Debian/Ubuntu: sudo apt install libsecret-tools)' };
  }
  if (!ctx.env.DBUS_SESSION_BUS_ADDRESS) {
    const where = isWSL(ctx.env, ctx.platform) ? 'WSL' : 'a headless machine, SSH session or container';
    return { available: false, label, why: `no D-Bus session bus, so no Secret Service (usual on ${where})` };
  }
  // A lookup answers "found" (0) or "not found" (1, silent); anything else means no usable service.
  const r = await secretTool(ctx, ['lookup', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT]);
  if (r.code === 0 || (r.code === 1 && r.stderr.trim() === '')) return { available: true, backend: 'secret-service', label };
  return { available: false, label, why: failure(r, 'the Secret Service') };
}

function secretTool(ctx: Ctx, args: string[], input?: string) {
  return runProgram('secret-tool', args, { env: ctx.env, input, timeoutMs: KEYCHAIN_TIMEOUT_MS });
}

function powershell(ctx: Ctx, action: 'write' | 'read' | 'delete', input?: string) {
  // The script goes in -EncodedCommand (argv); the key only ever on stdin.
  const encoded = Buffer.from(windowsCredentialScript(action), 'utf16le').toString('base64');
  return runProgram('powershell.exe', ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded], {
    env: ctx.env,
    input,
    timeoutMs: WINDOWS_TIMEOUT_MS,
  });
}

export async function keychainStore(ctx: Ctx, backend: KeychainBackend, key: string): Promise<void> {
  let r: RunResult;
  if (backend === 'secret-service') {
    r = await secretTool(ctx, ['store', '--label=OpenAI API key (openai-onboard)', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT], key);
  } else if (backend === 'macos') {
    // `security` only takes the password as an argument (-w); `security -i` reads the command from
    // stdin instead, so the key never shows in `ps`. -U updates an existing item.
    r = await runProgram('security', ['-i'], {
      env: ctx.env,
      input: `add-generic-password -U -s ${KEYCHAIN_SERVICE} -a ${KEYCHAIN_ACCOUNT} -l ${KEYCHAIN_SERVICE} -w ${key}\n`,
      timeoutMs: KEYCHAIN_TIMEOUT_MS,
    });
    // `security -i` exits 0 even when a command failed; it reports on stderr.
    if (r.code === 0 && r.stderr.trim()) r = { ...r, code: 1 };
  } else {
    r = await powershell(ctx, 'write', key);
  }
  if (r.code !== 0) throw new StorageError(`Could not store the key in ${LABELS[backend]}: ${failure(r, 'the keychain')}.`);
}

/** The stored key, or undefined when there is none (or the keychain cannot be reached). */
export async function keychainRead(ctx: Ctx, backend: KeychainBackend): Promise<string | undefined> {
  let r: RunResult;
  if (backend === 'windows') r = await powershell(ctx, 'read');
  else {
    const { program, args } = LOOKUP[backend];
    r = await runProgram(program, args, { env: ctx.env, timeoutMs: KEYCHAIN_TIMEOUT_MS });
  }
  if (r.code !== 0) return undefined;
  // `security -w` ends with a newline; secret-tool does not. A key never ends in whitespace.
  const value = r.stdout.replace(/\r?\n$/, '');
  return value || undefined;
}

/** Removes our entry; true when something was removed. */
export async function keychainDelete(ctx: Ctx, backend: KeychainBackend): Promise<boolean> {
  let r: RunResult;
  if (backend === 'secret-service') r = await secretTool(ctx, ['clear', 'service', KEYCHAIN_SERVICE, 'account', KEYCHAIN_ACCOUNT]);
  else if (backend === 'macos') {
    r = await runProgram('security', ['delete-generic-password', '-s', KEYCHAIN_SERVICE, '-a', KEYCHAIN_ACCOUNT], {
      env: ctx.env,
      timeoutMs: KEYCHAIN_TIMEOUT_MS,
    });
  } else r = await powershell(ctx, 'delete');
  if (r.code === 0) return true;
  // Only a clear "no such item" means there was nothing to remove: `security` exits 44 for it, and
  // secret-tool says nothing. Anything else (a locked keychain, a timeout) is a failure to report.
  const notFound = backend === 'macos' ? r.code === 44 : backend === 'secret-service' ? r.code === 1 && r.stderr.trim() === '' : true;
  if (r.timedOut || r.notFound || !notFound) throw new StorageError(`Could not remove the key from ${LABELS[backend]}: ${failure(r, 'the keychain')}.`);
  return false;
}
