// The cancel line of a wizard or reset: it names what this run already changed, never a blanket
// "Nothing was saved" after files were written, and leaves out the config store (progress only).
import { afterEach, describe, expect, it } from 'vitest';
import { cancelledLine, cancelledMessage, forgetChanges, noteChanged } from '../../../src/store/changes.js';

const where = { cwd: '/home/ada/app', home: '/home/ada', configDir: '/home/ada/.config/openai-onboard' };

describe('the cancel line', () => {
  afterEach(forgetChanges);

  it('says nothing was saved (or removed) when no file was changed', () => {
    noteChanged('/home/ada/.config/openai-onboard/config.json');
    expect(cancelledMessage('save', where)).toBe('Cancelled. Nothing was saved.');
    expect(cancelledMessage('reset', where)).toBe('Cancelled. Nothing was removed.');
  });

  it('names the files that hold the key, the side edits, and a keychain entry', () => {
    noteChanged('/home/ada/app/.env');
    noteChanged('/home/ada/app/.gitignore', 'other');
    noteChanged('/home/ada/.bashrc');
    expect(cancelledMessage('save', where, ['/home/ada/app/.env', 'Secret Service: openai-onboard/OPENAI_API_KEY'])).toBe(
      'Cancelled. The key was saved to ./.env, ~/.bashrc and Secret Service: openai-onboard/OPENAI_API_KEY, and ./.gitignore was updated; nothing else was changed.',
    );
  });

  it('for reset, says what it had already changed', () => {
    expect(cancelledLine('reset', ['./.env'])).toBe('Cancelled. Already changed: ./.env; nothing else was removed.');
  });
});
