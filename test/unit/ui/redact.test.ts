import { describe, expect, it } from 'vitest';
import { displayUrl, redact, registerSecret } from '../../../src/ui/redact.js';
import { fakeKeys } from '../../fakes/fake-keys.js';

describe('displayUrl', () => {
  const key = fakeKeys.project(50);
  it.each([
    ['the default, unchanged', 'https://api.openai.com/v1', 'https://api.openai.com/v1'],
    ['a bare host, no slash added', 'http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['user and password', 'https://u:hunter2pass@gw.example/v1', 'https://***@gw.example/v1'],
    ['a user name alone (a token as user)', 'https://tok3nvalue@gw.example/v1', 'https://***@gw.example/v1'],
    ['query values', 'https://x.openai.azure.com/openai?api-key=AZ1&api-version=2024-10-21', 'https://x.openai.azure.com/openai?api-key=***&api-version=***'],
    ['a fragment', 'https://gw.example/v1#secret', 'https://gw.example/v1'],
  ])('%s', (_name, raw, shown) => {
    expect(displayUrl(raw)).toBe(shown);
  });

  it('masks a key in the path', () => {
    const shown = displayUrl(`http://127.0.0.1:9/${key}/v1`);
    expect(shown).not.toContain(key.slice(8, -4));
    expect(shown).toBe(`http://127.0.0.1:9/${key.slice(0, 8)}…${key.slice(-4)}/v1`);
  });

  it('a string that is not a URL loses its query and any credentials', () => {
    expect(displayUrl('http://u:pw@[::1/x?token=SECRET')).toBe('http://***@[::1/x');
    expect(displayUrl('ftp://u:pw@h/x?token=SECRET')).toBe('ftp://***@h/x?token=***');
  });
});

describe('redact', () => {
  it('masks URL credentials and secret-looking query values in any text', () => {
    expect(redact('connect to http://user:pw@proxy.local:3128 failed')).toBe('connect to http://***@proxy.local:3128 failed');
    expect(redact('GET https://h/v1?api-key=abc123&x=1')).toBe('GET https://h/v1?api-key=***&x=1');
  });

  it('masks a registered secret that has no key shape to a quarter of its length', () => {
    registerSecret('hunter2hunter2');
    expect(redact('you typed hunter2hunter2')).toBe('you typed h…2');
  });
});

describe('redact: names are not secrets', () => {
  it('leaves a folder name of lower-case words after "sk-" readable, and still masks random bodies', () => {
    expect(redact('cannot read ~/sk-learn-experiments-project/.env')).toBe('cannot read ~/sk-learn-experiments-project/.env');
    const relay = `sk-${'a1B2c3D4e5'.repeat(5)}`;
    expect(redact(`got ${relay}`)).not.toContain(relay.slice(8, -4));
    const key = fakeKeys.anthropic(51);
    expect(redact(key)).toBe(`${key.slice(0, 8)}…${key.slice(-4)}`);
  });
});
