// The example model comes from the key's own model list: the newest gpt-N[.M]-luna/-mini without a
// shutdown_date, else a current fallback (never gpt-4o-mini, listed to shut down on 2027-01-14).
import { describe, expect, it } from 'vitest';
import { chooseExampleModel, FALLBACK_EXAMPLE_MODEL, modelsOf } from '../../../src/key/example-model.js';

const list = (...models: object[]) => JSON.stringify({ object: 'list', data: models.map((m) => ({ object: 'model', created: 1, owned_by: 'system', ...m })) });

describe('chooseExampleModel', () => {
  it('takes the newest small chat model without a shutdown date', () => {
    const models = modelsOf(list({ id: 'gpt-4o-mini', shutdown_date: '2027-01-14' }, { id: 'gpt-4.1-mini' }, { id: 'gpt-5-mini' }, { id: 'gpt-5.1-mini' }, { id: 'gpt-5.1' }));
    expect(chooseExampleModel(models)).toBe('gpt-5.1-mini');
  });

  it('skips a model with a shutdown date, dated snapshots and reasoning models', () => {
    const models = modelsOf(list({ id: 'gpt-5.1-mini', shutdown_date: 1798761600 }, { id: 'gpt-5.2-mini-2026-03-01' }, { id: 'o4-mini' }, { id: 'gpt-4.1-mini' }));
    expect(chooseExampleModel(models)).toBe('gpt-4.1-mini');
  });

  it('falls back to a current constant, never gpt-4o-mini', () => {
    expect(chooseExampleModel(modelsOf(list({ id: 'gpt-4o-mini' }, { id: 'text-embedding-3-small' })))).toBe(FALLBACK_EXAMPLE_MODEL);
    expect(chooseExampleModel(modelsOf('not json'))).toBe(FALLBACK_EXAMPLE_MODEL);
    expect(FALLBACK_EXAMPLE_MODEL).not.toBe('gpt-4o-mini');
    // gpt-5-mini itself shuts down on 2026-12-11 (deprecations page): the fallback must not be it either.
    expect(FALLBACK_EXAMPLE_MODEL).not.toBe('gpt-5-mini');
  });

  it('knows the 2026 names: gpt-6-luna beats an older -mini, and a dated luna is skipped', () => {
    const models = modelsOf(list({ id: 'gpt-5-mini', shutdown_date: '2026-12-11' }, { id: 'gpt-5.1-mini' }, { id: 'gpt-6-luna' }, { id: 'gpt-6.1-sol' }));
    expect(chooseExampleModel(models)).toBe('gpt-6-luna');
    expect(chooseExampleModel(modelsOf(list({ id: 'gpt-6-luna', shutdown_date: '2027-06-01' }, { id: 'gpt-5.1-mini' })))).toBe('gpt-5.1-mini');
  });
});
