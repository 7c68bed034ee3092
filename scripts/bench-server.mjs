// A loopback stand-in for the OpenAI API that answers every request after a fixed delay, and a fake
// project key built at run time (as in test/fakes/fake-keys.ts: no key-shaped literal in the repo).
// Used by scripts/bench.mjs and scripts/compat-smoke.mjs.
import { createServer } from 'node:http';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const MARKER = ['T3Bl', 'bkFJ'].join(''); // split so secret scanners do not match this file

function body(length, seed) {
  let out = '';
  let x = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += ALPHABET[x % ALPHABET.length];
  }
  return out;
}

export const fakeProjectKey = (seed = 1) => `sk-${'proj'}-${body(74, seed)}${MARKER}${body(74, seed + 7)}`;

const HEADERS = {
  'content-type': 'application/json',
  'openai-organization': 'org-fake123',
  'openai-project': 'proj_fake123',
  'x-ratelimit-limit-requests': '3000',
  'x-ratelimit-limit-tokens': '1000000',
};

const ANSWERS = {
  'GET /v1/models': { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' }] },
  'POST /v1/embeddings': {
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 1, total_tokens: 1 },
  },
};

/** Starts the server on 127.0.0.1 (random port). Resolves to { url (with /v1), requests, close() }. */
export function startSlowServer(delayMs = 400) {
  const requests = [];
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const route = `${req.method} ${req.url.split('?')[0]}`;
      requests.push(route);
      setTimeout(() => {
        const answer = ANSWERS[route];
        res.writeHead(answer ? 200 : 404, { ...HEADERS, 'x-request-id': `req_bench_${++n}` });
        res.end(JSON.stringify(answer ?? { error: { message: `no route ${route}`, type: 'invalid_request_error', code: null, param: null } }));
      }, delayMs);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/v1`,
        requests,
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      });
    });
  });
}
