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
  it('gives our own fetch, and no proxy, when none applies', async () => {
    const t = await createTransport('https://api.openai.com/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'openai.com' });
    expect(t.fetch).not.toBe(globalThis.fetch);
    expect(t.proxy).toBeUndefined();
  });
  it('names the proxy when one applies, without its credentials', async () => {
    const t = await createTransport('https://api.openai.com/v1', { HTTPS_PROXY: 'http://alice:s3cret@127.0.0.1:9' });
    expect(t.proxy).toMatchObject({ variable: 'HTTPS_PROXY', hostname: '127.0.0.1', port: 9 });
    expect(JSON.stringify(t)).not.toContain('s3cret');
  });
  it('an unusable proxy URL fails every request with a code, never echoing the value', async () => {
    const t = await createTransport('https://api.openai.com/v1', { HTTPS_PROXY: 'socks5://bob:pw123@127.0.0.1:9' });
    const failure = (await t.fetch('https://api.openai.com/v1/models').catch((e: unknown) => e)) as Error & { code?: string };
    expect(failure.code).toBe('ERR_PROXY_INVALID_URL');
    expect(failure.message).not.toContain('pw123');
  });
});
