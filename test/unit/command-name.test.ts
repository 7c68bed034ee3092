import { afterEach, describe, expect, it } from 'vitest';
import { cmd, rememberInvocation } from '../../src/platform/command-name.js';

describe('the command name we print', () => {
  afterEach(() => rememberInvocation({}));
  it('is `npx openai-onboard` when npm ran us through npx (npm_command=exec)', () => {
    rememberInvocation({ npm_command: 'exec' });
    expect(cmd('--check-key')).toBe('npx openai-onboard --check-key');
  });
  it('is the bare name when installed, or run by an npm script', () => {
    rememberInvocation({ npm_command: 'run-script' });
    expect(cmd()).toBe('openai-onboard');
    rememberInvocation({});
    expect(cmd('status')).toBe('openai-onboard status');
  });
});
