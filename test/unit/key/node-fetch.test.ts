// The key check's own fetch (src/key/node-fetch.ts) on loopback: what it sends, the Response subset
// the SDK reads, aborts, Node's error codes for net-errors.ts, and both proxy routes.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyConnection } from '../../../src/key/net-errors.js';
import { createNodeFetch } from '../../../src/key/node-fetch.js';
import { proxyEndpoint } from '../../../src/key/node-fetch-proxy.js';
import { type FakeOpenAI, startFakeOpenAI } from '../../fakes/fake-openai-server.js';
import { closedPort, type FakeProxy, startFakeProxy } from '../../fakes/fake-proxy.js';
import { makeTestCerts } from '../../fakes/tls-certs.js';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}
let echo: Server;
let echoUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  echo = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url === '/hang') return;
      if (req.url === '/gzip') return void res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(gzipSync('{"zipped":true}'));
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-request-id': 'req_1', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ path: req.url }));
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(() => {
  echo.closeAllConnections();
  return new Promise<void>((resolve) => echo.close(() => resolve()));
});

const fetch = createNodeFetch();

describe('createNodeFetch', () => {
  it('sends method, headers and a JSON body, one request per connection', async () => {
    seen.length = 0;
    const res = await fetch(`${echoUrl}/v1/embeddings?x=1`, {
      method: 'post',
      headers: new Headers({ 'Content-Type': 'application/json', Authorization: 'Bearer t' }),
      body: JSON.stringify({ input: 'hi' }),
    });
    expect(res.status).toBe(200);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/embeddings?x=1', body: '{"input":"hi"}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer t', connection: 'close', 'content-length': '14' });
  });

  it('answers with the Response members the SDK reads', async () => {
    const res = await fetch(`${echoUrl}/missing`);
    expect([res.ok, res.status]).toEqual([false, 404]);
    expect(res.headers.get('X-Request-Id')).toBe('req_1');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(res.headers.get('nope')).toBeNull();
    expect([...res.headers.entries()].map(([name]) => name)).toContain('x-request-id');
    expect(await res.clone().text()).toBe('{"path":"/missing"}');
    expect(await res.json()).toEqual({ path: '/missing' });
  });

  it('decodes a compressed answer', async () => {
    expect(await (await fetch(`${echoUrl}/gzip`)).json()).toEqual({ zipped: true });
  });

  it('an abort rejects with an AbortError, also when the signal was already aborted', async () => {
    const controller = new AbortController();
    const pending = fetch(`${echoUrl}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(fetch(echoUrl, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("fails with Node's own error codes, which net-errors reads", async () => {
    const port = await closedPort();
    const refused = await fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(classifyConnection({ timeout: false, cause: refused }, undefined)).toMatchObject({ diagnosis: 'network', netCode: 'ECONNREFUSED' });
    const unknownHost = await fetch('http://no-such-host.invalid/').catch((e: unknown) => e);
    expect(classifyConnection({ timeout: false, cause: unknownHost }, undefined).netCode).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
  });
});

describe('createNodeFetch through a proxy', () => {
  const HOST = 'api.fake-openai.test';
  const certs = makeTestCerts();
  let api: FakeOpenAI;
  let tlsApi: FakeOpenAI;
  let proxy: FakeProxy;
  beforeAll(async () => {
    api = await startFakeOpenAI();
    tlsApi = await startFakeOpenAI({}, { tls: certs.caSigned });
    proxy = await startFakeProxy({
      hosts: { [HOST]: { host: '127.0.0.1', port: Number(new URL(api.url).port) }, [`${HOST}:443`]: { host: '127.0.0.1', port: Number(new URL(tlsApi.url).port) } },
      requireAuth: `Basic ${Buffer.from('alice:s3cret pw').toString('base64')}`,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await api.close();
    await tlsApi.close();
  });
  const viaProxy = (auth = 'alice:s3cret%20pw@') => createNodeFetch(proxyEndpoint(`http://${auth}127.0.0.1:${proxy.port}`));

  it('sends an http target to the proxy as an absolute URI, with the credentials from the proxy URL', async () => {
    proxy.seen.length = 0;
    const res = await viaProxy()(`http://${HOST}/v1/models`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    expect(proxy.seen).toEqual([`GET http://${HOST}/v1/models`]);
  });

  it('tunnels an https target with CONNECT, and checks the certificate over the tunnel', async () => {
    proxy.seen.length = 0;
    const failure = await viaProxy()(`https://${HOST}/v1/models`).catch((e: unknown) => e);
    expect(proxy.seen).toEqual([`CONNECT ${HOST}:443`]);
    // The throwaway CA is unknown to this process: the certificate check ran, on our TLS over the tunnel.
    expect(classifyConnection({ timeout: false, cause: failure }, undefined)).toMatchObject({ diagnosis: 'tls' });
    expect((failure as { code?: string }).code).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
  });

  it('a 407 from the proxy is a proxy failure for both routes', async () => {
    const info = { variable: 'HTTPS_PROXY', display: 'x', hostname: '127.0.0.1', port: proxy.port };
    for (const target of [`https://${HOST}/v1/models`, `http://${HOST}/v1/models`]) {
      const failure = await viaProxy('')(target).catch((e: unknown) => e);
      expect(classifyConnection({ timeout: false, cause: failure }, info)).toMatchObject({ diagnosis: 'proxy', netCode: '407' });
    }
  });

  it("an https:// proxy's own certificate is checked against the proxy's name, not the target's", async () => {
    const tlsProxy = await startFakeProxy({ hosts: {}, tls: certs.caSigned });
    try {
      const failure = await createNodeFetch(proxyEndpoint(`https://localhost:${tlsProxy.port}`))(`https://${HOST}/v1/models`).catch((e: unknown) => e);
      expect(tlsProxy.sni).toEqual(['localhost']);
      expect(classifyConnection({ timeout: false, cause: failure }, undefined).diagnosis).toBe('tls');
      expect(tlsProxy.seen).toEqual([]); // the CA is unknown here: nothing was sent to it
    } finally {
      await tlsProxy.close();
    }
  });

  it('an unreachable proxy fails with its connection error', async () => {
    const port = await closedPort();
    const failure = await createNodeFetch(proxyEndpoint(`127.0.0.1:${port}`))(`https://${HOST}/v1/models`).catch((e: unknown) => e);
    expect((failure as { code?: string }).code).toBe('ECONNREFUSED');
  });
});
