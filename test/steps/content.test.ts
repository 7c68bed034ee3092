// What the wizard offers after a failed check (src/content/recovery.ts), as behaviour: the scope names
// are read out of the API's own message, and every failure has a way out. The wording of the other
// content modules is asserted where a person sees it (informational-steps, the flow test, check:facts);
// the facts behind it are held to src/content/facts.ts by test/unit/content-facts.test.ts.
import { describe, expect, it } from 'vitest';
import { missingScopes, recoveryFor } from '../../src/content/recovery.js';
import { DIAGNOSIS_CODES } from '../../src/key/diagnoses.js';

describe('recovery after a failed check', () => {
  it('reads the missing scopes out of the API message', () => {
    expect(missingScopes('You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that you have the correct role in your organization')).toEqual(['api.model.read']);
    expect(missingScopes('Missing scopes: api.model.read, api.model.request.')).toEqual(['api.model.read', 'api.model.request']);
    expect(missingScopes(undefined)).toEqual([]);
  });

  it('always offers a way out after a failed check', () => {
    for (const d of DIAGNOSIS_CODES) expect(recoveryFor(d).actions).toContain('quit');
  });
});
