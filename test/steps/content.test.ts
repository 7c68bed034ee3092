// The wording modules against shared/openai-api-facts.md: the facts the explanation relies on.
import { describe, expect, it } from 'vitest';
import { CREATE_KEY } from '../../src/content/pages.js';
import { API_BILLING, BILLING_FACTS, CREDIT_INSTRUCTIONS, PLANS_INTRO, PLANS_TABLE } from '../../src/content/plans.js';
import { recoveryFor } from '../../src/content/recovery.js';
import { SNIPPETS } from '../../src/content/next-steps.js';
import * as pages from '../../src/content/pages.js';
import * as plans from '../../src/content/plans.js';
import { DIAGNOSIS_CODES } from '../../src/key/diagnoses.js';

const everything = JSON.stringify({ pages, plans, SNIPPETS });

describe('content', () => {
  it('states the billing facts', () => {
    expect(BILLING_FACTS).toMatchObject({ prepaidMinimumUsd: 5, prepaidExpiry: 'one year' });
    expect(PLANS_TABLE.find((r) => r[0] === 'ChatGPT Plus / Pro')?.[1]).toBe('none');
    expect(PLANS_INTRO.join(' ')).toContain('includes no API usage');
    expect(API_BILLING.join(' ')).toMatch(/not refundable/);
    expect(CREDIT_INSTRUCTIONS.prepaid.join(' ')).toContain('"Add to credit balance"');
  });

  it('never promises free credits and never links the old /account pages', () => {
    expect(everything).not.toMatch(/free (trial|credit|tokens)/i);
    expect(everything).not.toContain('openai.com/account');
  });

  it('gives the key advice the brief asks for', () => {
    const advice = CREATE_KEY.lines.join('\n');
    for (const phrase of ['project key', 'which machine', 'Restricted', 'Models: Read', 'Model capabilities: Write', 'shown only once']) expect(advice).toContain(phrase);
  });

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

  it('shows code that reads the key from the environment', () => {
    for (const s of SNIPPETS) expect(s.lines.join('\n')).toMatch(/OPENAI_API_KEY/);
  });
});
