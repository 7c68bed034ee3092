import { describe, expect, it } from 'vitest';
import { isWholeOpenAIKey, looksLikeKey, startsLikeKey } from '../../../src/ui/key-shaped.js';
import { body, fakeKeys } from '../../fakes/fake-keys.js';

describe('looksLikeKey: what a prompt other than the key prompt must never show', () => {
  it.each(Object.entries(fakeKeys))('a %s key', (_, make) => {
    expect(looksLikeKey(make(31))).toBe(true);
  });
  it('a key with what people copy around it, pasted twice, or cut short', () => {
    const key = fakeKeys.project(32);
    expect(looksLikeKey(`OPENAI_API_KEY="${key}"`)).toBe(true);
    expect(looksLikeKey(`${key}${key}`)).toBe(true);
    expect(looksLikeKey(`${key} ${key}`)).toBe(true);
    expect(looksLikeKey(key.slice(0, 60))).toBe(true);
  });
  it('the start of a key typed by hand, but not a folder that starts with "sk-"', () => {
    expect(startsLikeKey('sk-p')).toBe(true);
    expect(startsLikeKey('AIza')).toBe(true);
    expect(startsLikeKey('~/sk-learn/.env')).toBe(false);
    expect(looksLikeKey('sk-learn-experiments-project')).toBe(false);
  });
  it('any long token of another service', () => {
    expect(looksLikeKey(`${'gh'}p_${body(36, 34)}`)).toBe(true); // a GitHub token, built at run time
  });
  it.each(['y', 'yes', 'Done', '2', '/home/me/sk-learn-experiments-project/.env', 'https://platform.openai.com/api-keys', 'internationalization', 'sk-proj-…AbCd'])(
    'not an answer or a path: %s',
    (text) => {
      expect(looksLikeKey(text)).toBe(false);
    },
  );
});

describe('isWholeOpenAIKey: a paste that can be taken without waiting for Enter', () => {
  it('a whole project key, not a cut one nor another provider\'s', () => {
    const key = fakeKeys.project(33);
    expect(isWholeOpenAIKey(key)).toBe(true);
    expect(isWholeOpenAIKey(key.slice(0, 100))).toBe(false);
    expect(isWholeOpenAIKey(fakeKeys.anthropic())).toBe(false);
  });
});
