import { describe, expect, it } from 'vitest';
import { nextStepForPerson, printAgentNextStep, recheckCommand } from '../../src/platform/agent-hints.js';
import { URLS } from '../../src/platform/urls.js';
import { createTestIO } from '../fakes/test-io.js';

describe('nextStepForPerson', () => {
  it('without a key, names the pages to open and the command to run afterwards', () => {
    const text = nextStepForPerson({ kind: 'no-key' });
    expect(text).toMatch(/^Ask the person to open https:\/\/platform\.openai\.com\//);
    for (const url of [URLS.signIn, URLS.billing, URLS.apiKeys]) expect(text).toContain(url);
    // The hand-over the agent can do itself: the one-time page, so the key never enters the chat.
    expect(text).toContain('Then run `openai-onboard --non-interactive --key-browser --save env --json` yourself');
    expect(text).toContain(`in their own terminal: ${recheckCommand()}`);
    expect(text).toContain('not paste the key into this conversation');
    expect(text).not.toContain('\n');
  });
  it('after a failed check, relays the fix and its page, then the re-check', () => {
    const text = nextStepForPerson({
      kind: 'checked',
      result: { ok: false, diagnosis: 'no_credits', fix: 'Add credit to the account.', fixUrl: URLS.billing },
      savedTo: [],
    });
    expect(text).toBe(
      `The key check ended in "no_credits". Ask the person to do this: Add credit to the account (${URLS.billing}). ` +
        'Then run `openai-onboard --non-interactive --key-browser --save env --json` yourself and give the person the ' +
        `http://127.0.0.1 address it prints: they paste the key on that page (or, in their own terminal: ${recheckCommand()}). ` +
        'They should not paste the key into this conversation.',
    );
  });
  it('after an ok check, says where the key went, or how to save it', () => {
    const ok = { ok: true, diagnosis: 'ok' as const, fix: '' };
    expect(nextStepForPerson({ kind: 'checked', result: ok, savedTo: ['.env'] })).toBe('The key works and was saved to .env. Nothing else is needed.');
    expect(nextStepForPerson({ kind: 'checked', result: ok, savedTo: [] })).toContain('--key-stdin --save env');
  });
});

describe('printAgentNextStep', () => {
  it('prints on stderr only when an agent runs us', () => {
    const io = createTestIO();
    printAgentNextStep({ io, mode: { interactive: false, reason: 'ci' } }, { kind: 'no-key' });
    expect(io.stderrText()).toBe('');
    printAgentNextStep({ io, mode: { interactive: false, reason: 'agent', agent: 'Claude Code' } }, { kind: 'no-key' });
    expect(io.stderrText()).toContain('Next step for the person (Claude Code can relay this):\nAsk the person to open');
    expect(io.stdoutText()).toBe('');
  });
});
