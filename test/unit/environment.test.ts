import { describe, expect, it } from 'vitest';
import { AGENT_MARKERS, decideMode, describeMode, detectAgent, isCI, isGitHubActions } from '../../src/platform/environment.js';

const tty = { stdinIsTTY: true, stdoutIsTTY: true, nonInteractiveFlag: false };

describe('decideMode', () => {
  it('is interactive only with two terminals, no CI, no agent, no flag', () => {
    expect(decideMode({ ...tty, env: {} })).toEqual({ interactive: true });
    expect(decideMode({ ...tty, env: { CI: 'true' } }).reason).toBe('ci');
    expect(decideMode({ ...tty, env: { CI: 'false' } }).interactive).toBe(true);
    expect(decideMode({ ...tty, env: { CI: '0' } }).interactive).toBe(true);
    expect(decideMode({ ...tty, nonInteractiveFlag: true, env: {} }).reason).toBe('flag');
    expect(decideMode({ ...tty, stdinIsTTY: false, env: {} }).reason).toBe('no-tty');
    expect(decideMode({ ...tty, stdoutIsTTY: false, env: {} }).reason).toBe('no-tty');
    expect(decideMode({ ...tty, env: { CLAUDECODE: '1' } })).toMatchObject({ interactive: false, reason: 'agent', agent: 'Claude Code' });
  });
  it('names the first rule that applied, and keeps the agent even when another rule decided', () => {
    expect(decideMode({ ...tty, nonInteractiveFlag: true, env: { CI: '1', CLAUDECODE: '1' } })).toEqual({
      interactive: false,
      reason: 'flag',
      agent: 'Claude Code',
    });
    expect(decideMode({ ...tty, env: { CI: '1', GEMINI_CLI: '1' } })).toEqual({ interactive: false, reason: 'ci', agent: 'Gemini CLI' });
    // An agent is detected even without a terminal: the next step must still be addressed to the person.
    expect(decideMode({ stdinIsTTY: false, stdoutIsTTY: false, nonInteractiveFlag: false, env: { AIDER: 'true' } })).toEqual({
      interactive: false,
      reason: 'agent',
      agent: 'aider',
    });
  });
  it('treats every agent variable as non-interactive, even on two terminals', () => {
    for (const [variable, agent] of AGENT_MARKERS) {
      expect(decideMode({ ...tty, env: { [variable]: '1' } }), variable).toEqual({ interactive: false, reason: 'agent', agent });
    }
  });
});

describe('isCI', () => {
  it('reads CI the contract way', () => {
    expect(isCI({})).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({ CI: 'woodpecker' })).toBe(true);
  });
  it('accepts "false" in any case and ignores surrounding spaces', () => {
    expect(isCI({ CI: 'False' })).toBe(false);
    expect(isCI({ CI: 'FALSE' })).toBe(false);
    expect(isCI({ CI: ' 0 ' })).toBe(false);
    expect(isCI({ CI: 'TRUE' })).toBe(true);
  });
});

describe('detectAgent', () => {
  it('names agents from their harness variables', () => {
    expect(detectAgent({ CODEX_SANDBOX: 'seatbelt' })).toBe('Codex');
    expect(detectAgent({ CODEX_CI: '1' })).toBe('Codex');
    expect(detectAgent({ GEMINI_CLI: '1' })).toBe('Gemini CLI');
    expect(detectAgent({ CURSOR_AGENT: '1' })).toBe('Cursor');
    expect(detectAgent({ OPENCODE: '1' })).toBe('opencode');
    expect(detectAgent({ CLAUDECODE: '1' })).toBe('Claude Code');
  });
  it('ignores variables switched off', () => {
    expect(detectAgent({ CURSOR_AGENT: '0' })).toBeUndefined();
    expect(detectAgent({ CLAUDECODE: '' })).toBeUndefined();
    expect(detectAgent({ AIDER: 'false' })).toBeUndefined();
    expect(detectAgent({})).toBeUndefined();
  });
});

describe('isGitHubActions', () => {
  it('is on only for GITHUB_ACTIONS=true, as the runner sets it', () => {
    expect(isGitHubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isGitHubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
    expect(isGitHubActions({ CI: 'true' })).toBe(false);
  });
});

describe('describeMode', () => {
  it('says why there is no prompt', () => {
    expect(describeMode({ interactive: false, reason: 'ci' })).toBe('CI is set');
    expect(describeMode({ interactive: false, reason: 'agent', agent: 'Codex' })).toContain('Codex');
    expect(describeMode({ interactive: false, reason: 'flag' })).toContain('--non-interactive');
    expect(describeMode({ interactive: false, reason: 'no-tty' })).toContain('no terminal');
  });
});
