// No answer, or no trustworthy answer: closed ports, silence, resets, bad certificates and proxies,
// all on loopback, through the built CLI. Certificates are made with openssl at test time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../fakes/check-cli.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { closedPort, type FakeProxy, startFakeProxy } from '../fakes/fake-proxy.js';
import { makeTestCerts, type TestCerts } from '../fakes/tls-certs.js';
import { type Sandbox, sandbox } from './modes-harness.js';

const FAKE_HOST = 'api.fake-openai.test';
const key = fakeKeys.project(31);
let certs: TestCerts;
let plain: FakeOpenAI;
let box: Sandbox;

beforeAll(async () => {
  certs = makeTestCerts();
  plain = await startFakeOpenAI();
  box = sandbox(plain.url);
});
afterAll(() => plain.close());

const withServer = async <T>(server: Promise<FakeOpenAI>, run: (s: FakeOpenAI) => Promise<T>): Promise<T> => {
  const s = await server;
  try {
    return await run(s);
  } finally {
    await s.close();
  }
};

describe('network', () => {
  it('a closed port is network (ECONNREFUSED)', async () => {
    const port = await closedPort();
    const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    expect(run.json.diagnosis).toBe('network');
    expect(run.json.summary).toMatch(/refused/);
    expect(run.json.summary).toMatch(/OPENAI_BASE_URL/); // a set base URL is named as a suspect
  });

  it('a server that never answers is network after --timeout', async () => {
    await withServer(startFakeOpenAI({ models: { status: 200, hang: true }, embeddings: { status: 200, hang: true } }), async (s) => {
      const run = await runCheck(box, { key, args: ['--timeout', '500'], env: { OPENAI_BASE_URL: s.url } });
      expect(run.json.diagnosis).toBe('network');
      expect(run.json.summary).toMatch(/No answer from 127\.0\.0\.1:\d+ within 500 ms/);
    });
  });

  it('a connection reset is network', async () => {
    await withServer(startFakeOpenAI({ models: { status: 200, destroy: true }, embeddings: { status: 200, destroy: true } }), async (s) => {
      const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: s.url } });
      expect(run.json.diagnosis).toBe('network');
    });
  });

  it('a host name that does not resolve is network (DNS)', async () => {
    const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: `http://${FAKE_HOST}/v1` } });
    expect(run.json.diagnosis).toBe('network');
    expect(run.json.summary).toMatch(/Could not look up|No answer|Could not connect/);
  });
});

describe('tls', () => {
  it('a self-signed certificate is tls, with the NODE_EXTRA_CA_CERTS hint', async () => {
    await withServer(startFakeOpenAI({}, { tls: certs.selfSigned }), async (s) => {
      const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: s.url } });
      expect(run.json.diagnosis).toBe('tls');
      expect(run.json.summary).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED/);
      expect(run.json.fix).toMatch(/NODE_EXTRA_CA_CERTS/);
      expect(s.requests).toHaveLength(0);
    });
  });

  it('a certificate from an unknown issuer is tls; trusting the CA with NODE_EXTRA_CA_CERTS makes it ok', async () => {
    await withServer(startFakeOpenAI({}, { tls: certs.caSigned }), async (s) => {
      const refused = await runCheck(box, { key, env: { OPENAI_BASE_URL: s.url } });
      expect(refused.json.diagnosis).toBe('tls');
      expect(refused.json.summary).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
      const trusted = await runCheck(box, { key, env: { OPENAI_BASE_URL: s.url, NODE_EXTRA_CA_CERTS: certs.caPath } });
      expect(trusted.json.diagnosis).toBe('ok');
      expect(trusted.json.environment).toContain('NODE_EXTRA_CA_CERTS');
    });
  });
});

describe('proxy', () => {
  let proxy: FakeProxy;
  let tlsServer: FakeOpenAI;
  beforeAll(async () => {
    tlsServer = await startFakeOpenAI({}, { tls: certs.caSigned });
    const plainPort = Number(new URL(plain.url).port);
    const tlsPort = Number(new URL(tlsServer.url).port);
    proxy = await startFakeProxy({
      hosts: { [FAKE_HOST]: { host: '127.0.0.1', port: plainPort }, [`${FAKE_HOST}:443`]: { host: '127.0.0.1', port: tlsPort } },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await tlsServer.close();
  });

  it('a dead proxy is proxy, named by its variable', async () => {
    const port = await closedPort();
    const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: `https://${FAKE_HOST}/v1`, HTTPS_PROXY: `http://127.0.0.1:${port}` } });
    expect(run.json.diagnosis).toBe('proxy');
    expect(run.json.summary).toMatch(new RegExp(`Could not reach the proxy http://127.0.0.1:${port} \\(from HTTPS_PROXY\\)`));
  });

  it('a working proxy is the only way to the API host: ok, and the proxy saw both requests', async () => {
    proxy.seen.length = 0;
    plain.requests.length = 0;
    const proxyUrl = proxy.url;
    const run = await runCheck(box, { key, env: { OPENAI_BASE_URL: `http://${FAKE_HOST}/v1`, HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl } });
    expect(run.json.diagnosis).toBe('ok');
    expect(run.json.proxy).toBe(proxyUrl);
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(proxy.seen.every((line) => line.includes(FAKE_HOST))).toBe(true);
    expect(plain.requests.map((r) => r.path).sort()).toEqual(['/v1/embeddings', '/v1/models']);
  });

  it('through the proxy to HTTPS: an unknown CA is tls, and NODE_EXTRA_CA_CERTS also applies to the TLS inside the tunnel', async () => {
    const base = { OPENAI_BASE_URL: `https://${FAKE_HOST}/v1`, HTTPS_PROXY: proxy.url };
    const refused = await runCheck(box, { key, env: base });
    expect(refused.json.diagnosis).toBe('tls');
    tlsServer.requests.length = 0;
    const trusted = await runCheck(box, { key, env: { ...base, NODE_EXTRA_CA_CERTS: certs.caPath } });
    expect(trusted.json.diagnosis).toBe('ok');
    expect(tlsServer.requests).toHaveLength(2);
  });

  it('an https:// proxy: TLS to the proxy, then TLS to the API inside the tunnel, both trusted via NODE_EXTRA_CA_CERTS', async () => {
    const tlsPort = Number(new URL(tlsServer.url).port);
    const tlsProxy = await startFakeProxy({ hosts: { [`${FAKE_HOST}:443`]: { host: '127.0.0.1', port: tlsPort } }, tls: certs.caSigned });
    try {
      const run = await runCheck(box, {
        key,
        env: { OPENAI_BASE_URL: `https://${FAKE_HOST}/v1`, HTTPS_PROXY: tlsProxy.url, NODE_EXTRA_CA_CERTS: certs.caPath },
      });
      expect(run.json.diagnosis).toBe('ok');
      expect(tlsProxy.seen).toEqual([`CONNECT ${FAKE_HOST}:443`, `CONNECT ${FAKE_HOST}:443`]);
    } finally {
      await tlsProxy.close();
    }
  });

  it('NO_PROXY exempts a host from a dead proxy', async () => {
    const port = await closedPort();
    const run = await runCheck(box, { key, env: { HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: 'localhost,127.0.0.1' } });
    expect(run.json.diagnosis).toBe('ok');
  });

  it('a proxy that wants a password (407) is proxy, and its credentials are never shown', async () => {
    const authProxy = await startFakeProxy({ hosts: {}, requireAuth: 'Basic never' });
    try {
      const run = await runCheck(box, {
        key,
        env: { OPENAI_BASE_URL: `https://${FAKE_HOST}/v1`, HTTPS_PROXY: `http://alice:s3cretpw@127.0.0.1:${authProxy.port}` },
      });
      expect(run.json.diagnosis).toBe('proxy');
      expect(run.json.summary).toMatch(/407/);
      expect(run.stdout + run.stderr).not.toContain('s3cretpw');
    } finally {
      await authProxy.close();
    }
  });
});
