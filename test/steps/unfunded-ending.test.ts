// "Saved, not yet funded" ends the run: its progress is forgotten, so the next run (in any project,
// since progress lives in the user's config) starts at the greeting, which finds the saved key and
// offers to check it, instead of "Welcome back … Continue where you left off?".
import { describe, expect, it } from 'vitest';
import { endUnfunded } from '../../src/steps/unfunded-ending.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { interactiveContext } from './helpers.js';

describe('the unfunded ending', () => {
  it('says where the key is and forgets the run\'s progress', async () => {
    const key = fakeKeys.project(91);
    const ctx = interactiveContext([], { state: { key: { value: key, source: 'prompt' }, savedTo: ['/p/.env'], choices: {} } });
    await ctx.config.update((c) => {
      c.progress = { done: ['explain-plans', 'sign-in', 'credits', 'create-key'], choices: {}, updatedAt: '2026-12-01T00:00:00.000Z' };
    });
    expect(await endUnfunded(ctx)).toEqual({ next: 'finish', unfunded: true });
    expect(ctx.io.stderrText()).toContain('Saved, not yet funded');
    expect((await ctx.config.read()).progress).toBeUndefined();
  });
});
