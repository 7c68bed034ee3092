// What the wizard offers after a failed check (src/content/recovery.ts), as behaviour: the permission to
// tick for each scope the check result carries, and a way out of every failure. The wording of the other
// content modules is asserted where a person sees it (informational-steps, the flow test, check:facts);
// the facts behind it are held to src/content/facts.ts by test/unit/content-facts.test.ts.
import { describe, expect, it } from 'vitest';
import { recoveryFor } from '../../src/content/recovery.js';
import { DIAGNOSIS_CODES } from '../../src/key/diagnoses.js';

describe('recovery after a failed check', () => {
  it('names the permission for each scope the check result carries, with the 2026 labels', () => {
    const lines = (scopes?: string[]) => recoveryFor('missing_scopes', scopes ? { status: 401, scopes } : undefined).lines.join('\n');
    expect(lines(['model.request'])).toContain('Model capabilities: Request (model.request)');
    expect(lines(['api.model.read', 'api.responses.write'])).toMatch(/List models: Read \(api\.model\.read\)[\s\S]*api\.responses\.write/);
    expect(lines()).toMatch(/List models: Read[\s\S]*Model capabilities: Request/);
    expect(lines(['model.request'])).not.toMatch(/Write/);
  });

  it('always offers a way out after a failed check', () => {
    for (const d of DIAGNOSIS_CODES) expect(recoveryFor(d).actions).toContain('quit');
  });
});
