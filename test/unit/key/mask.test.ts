import { describe, expect, it } from 'vitest';
import { isKeyShaped } from '../../../src/key/key-shape.js';
import { maskKey } from '../../../src/key/mask.js';
import { body, fakeKeys } from '../../fakes/fake-keys.js';

const shown = (masked: string) => masked.replace('…', '').length;

describe('maskKey', () => {
  it.each(Object.entries(fakeKeys))('keeps the long form (prefix 8, last 4) for a real %s key', (_kind, make) => {
    const key = make(40);
    expect(isKeyShaped(key)).toBe(true);
    expect(maskKey(key)).toBe(`${key.slice(0, 8)}…${key.slice(-4)}`);
  });

  it.each(['hunter2hunter2', 'MyS3cretPassw0rd!', 'AKIAIOSFODNN7EXAMPLE', 'correct-horse-battery-staple', 'x'.repeat(39), body(60, 41)])(
    'shows at most a quarter of %s, which is not a key',
    (secret) => {
      expect(isKeyShaped(secret)).toBe(false);
      expect(shown(maskKey(secret))).toBeLessThanOrEqual(secret.length / 4);
      expect(maskKey(secret)).toContain('…');
    },
  );

  it('examples: an eighth at each end, at most 6 + 4, nothing under 8 characters', () => {
    expect(maskKey('hunter2hunter2')).toBe('h…2');
    expect(maskKey('MyS3cretPassw0rd!')).toBe('My…d!');
    expect(maskKey('abcdefg')).toBe('…');
    expect(maskKey('')).toBe('…');
    expect(maskKey(`${'a'.repeat(40)}WXYZ`)).toBe('aaaaa…WXYZ');
    expect(maskKey(body(100, 42))).toMatch(/^.{6}….{4}$/);
  });

  it('a cut OpenAI key (too short for a key shape) is masked like any other string', () => {
    const cut = fakeKeys.project(43).slice(0, 18);
    expect(shown(maskKey(cut))).toBeLessThanOrEqual(cut.length / 4);
  });
});

describe('isKeyShaped', () => {
  it.each(['sk-learn-experiments-project', 'sk-or-something', 'my-project-folder-name', 'https://api.openai.com/v1', fakeKeys.project(44) + '/x'])(
    'is false for %s',
    (s) => expect(isKeyShaped(s)).toBe(false),
  );
  it('is false for a key-shaped string longer than any key', () => {
    expect(isKeyShaped(fakeKeys.project(45) + body(100, 45))).toBe(false);
  });
});
