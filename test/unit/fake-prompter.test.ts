// The test double must behave like the real prompts, or step tests prove nothing: Enter takes the
// prompt's default, and an answer the real prompt could not give fails.
import { describe, expect, it } from 'vitest';
import { DEFAULT, FakePrompter } from '../fakes/fake-prompter.js';

describe('FakePrompter', () => {
  it('an expectation without an answer takes the default, as Enter would', async () => {
    const p = new FakePrompter([{ match: 'Overwrite?' }, { match: 'Proceed?', answer: DEFAULT }, { match: 'Pick' }]);
    expect(await p.confirm('Overwrite?', { default: false })).toBe(false);
    expect(await p.confirm('Proceed?')).toBe(true);
    expect(await p.select('Pick one', [{ value: 'a', name: 'A' }, { value: 'b', name: 'B' }], { default: 'b' })).toBe('b');
    expect(p.asked.map((a) => a.default)).toEqual([false, true, 'b']);
  });

  it('refuses a string answer to a yes/no question (it used to turn "no" into true)', async () => {
    const p = new FakePrompter([{ match: 'Overwrite?', answer: 'no' }]);
    await expect(p.confirm('Overwrite?', { default: false })).rejects.toThrow(/needs true or false/);
  });

  it('refuses a select answer that is not one of the choices', async () => {
    const p = new FakePrompter([{ match: 'Pick', answer: 'c' }]);
    await expect(p.select('Pick one', [{ value: 'a', name: 'A' }])).rejects.toThrow(/not a choice/);
  });

  it('fails on a prompt it did not expect', async () => {
    await expect(new FakePrompter([]).confirm('Surprise?')).rejects.toThrow(/unexpected confirm prompt/);
  });
});
