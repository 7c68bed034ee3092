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
  it('names the .env file (there is no --env-file: Node itself reads that one)', () => {
    expect(parseOptions({ dotenv: 'config/.env.local' }).envFile).toBe('config/.env.local');
    expect(parseOptions({}).envFile).toBe('.env');
  });
});

describe('--check-key with --save', () => {
  it('is refused: --check-key changes nothing on disk, and --save must not be ignored silently', () => {
    expect(() => parseOptions({ checkKey: true, save: 'env' })).toThrow(UsageError);
    expect(() => parseOptions({ checkKey: true, save: 'env,shell' })).toThrow(/cannot be combined with --save/);
  });
  it('allows --save none, which asks for nothing to be written', () => {
    expect(parseOptions({ checkKey: true, save: 'none' }).save).toEqual(['none']);
  });
});
