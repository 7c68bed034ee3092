// Keep it true (issue 11 §3): the built CLI, run against the loopback fake the way a newcomer and a
// script run it, must not say things that OpenAI's platform no longer does. Each rule names the fact
// in shared/openai-api-facts.md that made the old statement stale. `npm run check:facts` runs only this.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { answers2026, apiError, type FakeOpenAI, model, ok, type Route, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { runCli, type Sandbox, sandbox } from './modes-harness.js';

interface StaleRule {
  name: string;
  pattern: RegExp;
  /** The fact that makes it stale (shared/openai-api-facts.md section). */
  fact: string;
  /**
   * Still printed by the wizard's informational steps on this branch; the words engineer's branch
   * rewrites them (issue 11 §1). Remove the mark once that is merged, so the rule guards the wizard too.
   */
}

const STALE: StaleRule[] = [
  { name: 'the old "Write" label for model calls', pattern: /Model capabilities"?(?::| to) Write/, fact: 'Restricted keys: "Model capabilities: Request"' },
  { name: 'the old "Models: Read" label', pattern: /(?<!List )\bModels"?(?::| to) Read\b/, fact: 'Restricted keys: "List models: Read"' },
  { name: 'pay-as-you-go offered to a new account', pattern: /pay[- ]as[- ]you[- ]go(?![^\n]*invoic)/i, fact: 'New API accounts are prepaid' },
  { name: 'a retiring example model', pattern: /gpt-4o-mini/, fact: 'Models retire (gpt-4o-mini: 2027-01-14)' },
  { name: 'free credits promised', pattern: /free (?:trial|credits?|tokens)/i, fact: 'Free trial credits: never promise them' },
  { name: 'a budget said to stop spending', pattern: /budget so a runaway/i, fact: 'Spend control: a spend alert only emails' },
  { name: 'auto-reload described as off', pattern: /turn on auto-?(?:recharge|reload)/i, fact: 'Auto-reload is turned on by default' },
  { name: 'old /account/ pages', pattern: /platform\.openai\.com\/account\//, fact: 'Platform pages: prefer the new URLs' },
];

let server: FakeOpenAI;
let box: Sandbox;
const key = fakeKeys.project(42);
const checkOutputs: string[] = [];
let wizardOutput = '';

// One --check-key run per diagnosis whose wording states platform facts.
const SCENARIOS: Array<{ models?: Route; embeddings?: Route }> = [
  { models: apiError(401, { message: 'You have insufficient permissions for this operation. Missing scopes: model.request.' }) },
  { embeddings: answers2026.creditBalanceExhausted() },
  { embeddings: answers2026.limitExceeded('project_spend_limit_exceeded') },
  { embeddings: answers2026.limitExceeded('organization_usage_limit_exceeded') },
  { embeddings: apiError(403, { message: 'Your organization must be verified to use the model `text-embedding-3-small`.', code: 'model_not_found' }) },
  { models: answers2026.incorrectHostname(), embeddings: answers2026.incorrectHostname() },
  { models: answers2026.ipNotAuthorized(), embeddings: answers2026.ipNotAuthorized() },
  { embeddings: apiError(429, { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' }) },
  {},
];

beforeAll(async () => {
  // The key's list has gpt-4o-mini with its shutdown date, as the real list will.
  server = await startFakeOpenAI({ models: ok.models([model('gpt-4o-mini', '2027-01-14'), model('gpt-5-mini')]) });
  box = sandbox(server.url);
  for (const s of SCENARIOS) {
    server.set('models', s.models ?? ok.models([model('gpt-4o-mini', '2027-01-14'), model('gpt-5-mini')]));
    server.set('embeddings', s.embeddings ?? ok.embeddings());
    for (const args of [['--check-key'], ['--check-key', '--json']]) {
      const r = await runCli(args, { box, env: { CI: 'true', OPENAI_API_KEY: key } });
      checkOutputs.push(r.stdout + r.stderr);
    }
  }
  server.set('models', ok.models([model('gpt-4o-mini', '2027-01-14'), model('gpt-5-mini')]));
  server.set('embeddings', ok.embeddings());
  const wizard = await runCli(['--non-interactive', '--key-stdin'], { box, env: { CI: 'true' }, stdin: { text: `${key}\n` } });
  wizardOutput = wizard.stdout + wizard.stderr;
}, 120_000);
afterAll(() => server.close());

describe('--check-key says only current things', () => {
  it('ran every scenario', () => expect(checkOutputs).toHaveLength(SCENARIOS.length * 2));
  it.each(STALE)('never: $name ($fact)', (rule) => {
    for (const output of checkOutputs) expect(output).not.toMatch(rule.pattern);
  });
});

describe('the non-interactive wizard says only current things', () => {
  it('ran to the end', () => expect(wizardOutput).toMatch(/OPENAI_API_KEY/));
  it.each(STALE)('never: $name ($fact)', (rule) => {
    expect(wizardOutput).not.toMatch(rule.pattern);
  });
});
