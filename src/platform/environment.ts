// Facts about where we run, read once from the environment. Pure functions of (env, platform) so tests
// can state any machine without touching the real one.

export type Env = Readonly<Record<string, string | undefined>>;

/** A flag-like variable is on when set to anything but empty, "0" or "false" (any case, e.g. CI=False). */
function isOn(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/** `CI` counts when set to anything but empty, "false" or "0" (the contract's rule). */
export function isCI(env: Env): boolean {
  return isOn(env.CI);
}

/** GitHub Actions sets GITHUB_ACTIONS=true in every step; it reads workflow commands (::error::) from our output. */
export function isGitHubActions(env: Env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/**
 * AI coding agents run commands for a person and cannot answer prompts; their harnesses set these.
 * Returns the agent's name so the output can address the person through it.
 */
export const AGENT_MARKERS: ReadonlyArray<readonly [variable: string, agent: string]> = [
  ['CLAUDECODE', 'Claude Code'],
  ['CODEX_SANDBOX', 'Codex'],
  ['CODEX_CI', 'Codex'],
  ['CURSOR_AGENT', 'Cursor'],
  ['GEMINI_CLI', 'Gemini CLI'],
  ['OPENCODE', 'opencode'],
  ['AIDER', 'aider'],
];

export function detectAgent(env: Env): string | undefined {
  for (const [name, agent] of AGENT_MARKERS) if (isOn(env[name])) return agent;
  return undefined;
}

export function isSSH(env: Env): boolean {
  return Boolean(env.SSH_CONNECTION || env.SSH_TTY || env.SSH_CLIENT);
}

export function isWSL(env: Env, platform: NodeJS.Platform, osRelease = ''): boolean {
  if (platform !== 'linux') return false;
  return Boolean(env.WSL_DISTRO_NAME || env.WSL_INTEROP) || /microsoft/i.test(osRelease);
}

/** Linux and the BSDs need a display server for a graphical browser. */
export function hasDisplay(env: Env, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface ModeInput {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Env;
  nonInteractiveFlag: boolean;
}

export interface Mode {
  interactive: boolean;
  /** Why we are not interactive, for --verbose and for messages like "no terminal". */
  reason?: 'flag' | 'ci' | 'agent' | 'no-tty';
  agent?: string;
}

/**
 * The single place that decides interactive vs non-interactive. The reason names the first rule that
 * applied (flag, CI, agent, then terminals); `agent` is kept whenever an agent is present, even in CI,
 * so output can address the person through it.
 */
export function decideMode(input: ModeInput): Mode {
  const agent = detectAgent(input.env);
  if (input.nonInteractiveFlag) return { interactive: false, reason: 'flag', agent };
  if (isCI(input.env)) return { interactive: false, reason: 'ci', agent };
  if (agent) return { interactive: false, reason: 'agent', agent };
  if (!input.stdinIsTTY || !input.stdoutIsTTY) return { interactive: false, reason: 'no-tty' };
  return { interactive: true };
}

/** Why we are not prompting, in words for a stderr line ("Not interactive: CI is set."). */
export function describeMode(mode: Mode): string {
  switch (mode.reason) {
    case undefined:
      return 'interactive';
    case 'flag':
      return '--non-interactive was given';
    case 'ci':
      return 'CI is set';
    case 'agent':
      return `run by an AI agent (${mode.agent ?? 'unknown'})`;
    case 'no-tty':
      return 'no terminal on stdin or stdout';
  }
}
