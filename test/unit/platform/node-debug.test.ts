import { describe, expect, it } from 'vitest';
import { headerLoggingDebug, nodeDebugWarning } from '../../../src/platform/node-debug.js';

describe('NODE_DEBUG', () => {
  it.each([
    ['http', ['http']],
    ['net,fs', ['net']],
    ['*', ['*']],
    ['HT*', ['HT*']],
    ['fs, module', []],
    ['', []],
  ])('%s -> %o', (value, found) => {
    expect(headerLoggingDebug({ NODE_DEBUG: value })).toEqual(found);
  });

  it('warns only when Node would print headers', () => {
    expect(nodeDebugWarning({ NODE_DEBUG: 'http' })).toMatch(/NODE_DEBUG=http makes Node\.js print request headers/);
    expect(nodeDebugWarning({})).toBeUndefined();
  });
});
