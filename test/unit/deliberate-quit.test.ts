// A deliberate "Quit" is the user's choice: main's reportError prints it plainly, not as "Error: …",
// and keeps the exit code of its reason.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProcessDeps } from '../../src/app.js';
import { deliberately, DiagnosisError, StorageError } from '../../src/errors.js';
import { reportError } from '../../src/main.js';

function deps() {
  const err: string[] = [];
  const stderr = new PassThrough().on('data', (d: Buffer) => err.push(d.toString()));
  const d = { stdin: new PassThrough(), stdout: new PassThrough(), stderr, env: {}, cwd: '/', home: '/', platform: 'linux', signal: new AbortController().signal } as ProcessDeps;
  return { d, text: () => err.join('') };
}

describe('a deliberate quit', () => {
  it('is printed without "Error:", with its hint, and keeps the exit code', () => {
    const { d, text } = deps();
    expect(reportError(deliberately(new DiagnosisError('no_credits', 'Stopped before saving the key (no_credits).', 'Run it again.')), d, false, false)).toBe(5);
    expect(text()).toBe('Stopped before saving the key (no_credits).\nRun it again.\n');
  });

  it('a failure that was not chosen still says "Error:"', () => {
    const { d, text } = deps();
    expect(reportError(new StorageError('Could not write.'), d, false, false)).toBe(1);
    expect(text()).toBe('Error: Could not write.\n');
  });
});
