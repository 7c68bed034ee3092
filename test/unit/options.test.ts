import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseOptions } from '../../src/options.js';

describe('parseOptions', () => {
  it('parses a save list and coerces the timeout', () => {
    const o = parseOptions({ save: 'env, shell', timeout: '2000' });
    expect(o.save).toEqual(['env', 'shell']);
    expect(o.timeout).toBe(2000);
    expect(o.envFile).toBe('.env');
  });
  it.each([
    [{ save: 'disk' }, /--save: unknown target "disk"/],
    [{ save: 'none,env' }, /--save: "none" cannot be combined/],
    [{ timeout: 'soon' }, /--timeout: must be a number/],
    [{ baseUrl: 'ftp://example.com' }, /--base-url: must be an http\(s\) URL/],
    [{ shell: 'csh' }, /--shell: must be one of/],
  ])('rejects %o with a message naming the flag', (raw, message) => {
    expect(() => parseOptions(raw)).toThrow(UsageError);
    expect(() => parseOptions(raw)).toThrow(message);
  });
});

describe('--dotenv', () => {
  it('is --env-file under a name Node does not read', () => {
    expect(parseOptions({ dotenv: 'config/.env.local' }).envFile).toBe('config/.env.local');
    expect(parseOptions({ envFile: '.env', dotenv: 'other.env' }).envFile).toBe('other.env');
    expect(parseOptions({}).envFile).toBe('.env');
  });
});
