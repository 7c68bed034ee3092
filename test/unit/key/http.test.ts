import { describe, expect, it } from 'vitest';
import { bypassesProxy, createTransport, proxyFor } from '../../../src/key/http.js';

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for https, falling back to HTTP_PROXY; lower case wins', () => {
    expect(proxyFor('https://api.openai.com/v1', { HTTPS_PROXY: 'http://p:8080' })).toMatchObject({ variable: 'HTTPS_PROXY', hostname: 'p', port: 8080 });
    expect(proxyFor('https://api.openai.com/v1', { HTTP_PROXY: 'http://p:3128' })).toMatchObject({ variable: 'HTTP_PROXY' });
    expect(proxyFor('https://api.openai.com/v1', { https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2' })).toMatchObject({ variable: 'https_proxy' });
  });
  it('does not use HTTPS_PROXY for a plain http URL', () => {
    expect(proxyFor('http://127.0.0.1:9/v1', { HTTPS_PROXY: 'http://p:8080' })).toBeUndefined();
  });
  it('never shows proxy credentials', () => {
    const p = proxyFor('https://api.openai.com/v1', { HTTPS_PROXY: 'http://alice:s3cret@proxy.corp:8080' })!;
    expect(p.display).toBe('http://proxy.corp:8080 (with credentials)');
    expect(JSON.stringify(p)).not.toContain('s3cret');
  });
  it('honours NO_PROXY: exact hosts, subdomains, ports and *', () => {
    expect(bypassesProxy('api.openai.com', 443, 'openai.com')).toBe(true);
    expect(bypassesProxy('api.openai.com', 443, '.openai.com')).toBe(true);
    expect(bypassesProxy('api.openai.com', 443, 'api.openai.com:8443')).toBe(false);
    expect(bypassesProxy('notopenai.com', 443, 'openai.com')).toBe(false);
    expect(bypassesProxy('anything', 80, '*')).toBe(true);
    expect(proxyFor('https://api.openai.com/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'localhost, api.openai.com' })).toBeUndefined();
  });
});

describe('createTransport', () => {
  it('leaves the default fetch alone (and undici unloaded) without a proxy', async () => {
    const t = await createTransport('https://api.openai.com/v1', {});
    expect(t.fetch).toBeUndefined();
    expect(t.proxy).toBeUndefined();
  });
  it("pairs undici's fetch with its EnvHttpProxyAgent when a proxy applies", async () => {
    const t = await createTransport('https://api.openai.com/v1', { HTTPS_PROXY: 'http://127.0.0.1:9' });
    try {
      expect(typeof t.fetch).toBe('function');
      expect((t.fetchOptions?.dispatcher as object).constructor.name).toBe('EnvHttpProxyAgent');
    } finally {
      await t.close();
    }
  });
});
