// The fixture itself must vary: tests that assert "the NEW key's masked form is shown" are only
// meaningful when different seeds give different masked forms.
import { describe, expect, it } from 'vitest';
import { fakeKeys } from '../fakes/fake-keys.js';
import { maskKey } from '../../src/key/mask.js';

describe('fake keys', () => {
  for (const [kind, make] of Object.entries(fakeKeys)) {
    it(`${kind}: 100 seeds give 100 distinct keys`, () => {
      expect(new Set(Array.from({ length: 100 }, (_, i) => make(i + 1))).size).toBe(100);
    });
  }

  // OpenAI kinds end in 4 characters of a 62/64-letter alphabet, so 100 masks collide with odds of
  // about 1 in 30,000. (Hex-only kinds end in 4 hex digits: 100 of them collide 7% of the time.)
  for (const kind of ['project', 'serviceAccount', 'admin', 'legacyUser', 'shortProject'] as const) {
    it(`${kind}: 100 seeds give 100 distinct masked forms`, () => {
      const masks = Array.from({ length: 100 }, (_, i) => maskKey(fakeKeys[kind](i + 1)));
      expect(new Set(masks).size).toBe(100);
    });
  }

  it('bodies use the whole alphabet, not a few repeated characters', () => {
    const key = fakeKeys.project(1);
    expect(new Set(key.slice(8)).size).toBeGreaterThan(40);
  });
});
