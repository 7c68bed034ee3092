// The key check's fetch reads at most MAX_ANSWER_BYTES, compressed or decoded (reliability repro 13:
// a 1 MB gzip body that inflates to 1 GB drove memory past 2 GB). A bigger answer is rejected with
// ERR_RESPONSE_TOO_LARGE, which the probes turn into wrong_endpoint instead of reading on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch } from '../../../src/key/node-fetch.js';

/** The documented cap (docs/troubleshooting.md, wrong_endpoint): 1 MiB. */
const MAX_ANSWER_BYTES = 1024 * 1024;

// 64 MiB of spaces gzip to ~64 kB: small on the wire, far beyond the cap once inflated.
const inflated = Buffer.alloc(64 * 1024 * 1024, 32);
const bodies: Record<string, { encoding?: string; bytes: Buffer }> = {
  '/gzip-bomb': { encoding: 'gzip', bytes: gzipSync(inflated, { level: 9 }) },
  '/brotli-bomb': { encoding: 'br', bytes: brotliCompressSync(inflated) },
  '/plain-huge': { bytes: Buffer.alloc(MAX_ANSWER_BYTES + 1, 97) },
  '/at-the-cap': { encoding: 'gzip', bytes: gzipSync(Buffer.alloc(MAX_ANSWER_BYTES, 32)) },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = bodies[req.url ?? '']!;
    res.writeHead(200, { 'content-type': 'application/json', server: 'bomb/1.0', ...(body.encoding ? { 'content-encoding': body.encoding } : {}) });
    res.end(body.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const fetch = createNodeFetch();

describe('the answer size cap', () => {
  it.each(['/gzip-bomb', '/brotli-bomb', '/plain-huge'])('%s is rejected as too large, with its status and server', async (path) => {
    const failure = await fetch(`${base}${path}`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'ERR_RESPONSE_TOO_LARGE', status: 200, server: 'bomb/1.0' });
  });

  it('an answer of exactly the cap is still read whole', async () => {
    const res = await fetch(`${base}/at-the-cap`);
    expect((await res.text()).length).toBe(MAX_ANSWER_BYTES);
  });
});
