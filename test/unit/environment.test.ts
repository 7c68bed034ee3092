import { describe, expect, it } from 'vitest';
import { decideMode, detectAgent, isCI } from '../../src/platform/environment.js';

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
  it('reads CI the contract way', () => {
    expect(isCI({})).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({ CI: 'woodpecker' })).toBe(true);
  });
  it('names agents from their harness variables', () => {
    expect(detectAgent({ CODEX_SANDBOX: 'seatbelt' })).toBe('Codex');
    expect(detectAgent({ GEMINI_CLI: '1' })).toBe('Gemini CLI');
    expect(detectAgent({ CURSOR_AGENT: '0' })).toBeUndefined();
  });
});
