// A fake OpenAI API on 127.0.0.1 (random port). The real openai SDK talks to it over real HTTP when
// OPENAI_BASE_URL points here. Each route answers with a scripted response; requests are recorded
// (with the Authorization header masked) so tests can assert what was sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Raw text body (e.g. an HTML gateway page); wins over `body`. */
  text?: string;
  /** Raw bytes, sent as they are (e.g. a gzip bomb with content-encoding: gzip); wins over both. */
  bytes?: Buffer;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Close the connection without answering (a reset). */
  destroy?: boolean;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  organization?: string;
  project?: string;
  body?: string;
  /** Length of the key received, and OpenAI's 401 echo of it (first 8 + '*'s + last 4): never the key. */
  keyLength?: number;
  keyEcho?: string;
}

export type Route = FakeResponse | ((req: RecordedRequest) => FakeResponse);

export interface FakeOpenAI {
  /** Base URL including /v1, to use as OPENAI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Replace the answer of a route: 'models' (GET /v1/models) or 'embeddings' (POST /v1/embeddings). */
  set(route: 'models' | 'embeddings', response: Route): void;
  /** The most requests that were in flight at the same moment (proves concurrency without timing). */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** A model entry as GET /v1/models lists it; `shutdown_date` marks a model OpenAI will retire. */
export const model = (id: string, shutdownDate?: string) => ({
  id,
  object: 'model',
  created: 1,
  owned_by: 'system',
  ...(shutdownDate ? { shutdown_date: shutdownDate } : {}),
});

export const ok = {
  /** A late-2026 list: gpt-4o-mini and gpt-5-mini carry their shutdown dates, so the example model is gpt-6-luna. */
  models: (ids = [model('gpt-4o-mini', '2027-01-14'), model('gpt-5-mini', '2026-12-11'), model('gpt-6-luna'), model('text-embedding-3-small')]): FakeResponse => ({
    status: 200,
    body: { object: 'list', data: ids },
    headers: { 'x-request-id': 'req_models_1', 'openai-version': '2020-10-01', 'openai-organization': 'org-fake123', 'openai-project': 'proj_fake123' },
  }),
  embeddings: (): FakeResponse => ({
    status: 200,
    body: {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }],
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 1, total_tokens: 1 },
    },
    headers: {
      'x-request-id': 'req_emb_1',
      'x-ratelimit-limit-requests': '3000',
      'x-ratelimit-limit-tokens': '1000000',
      'openai-organization': 'org-fake123',
      'openai-project': 'proj_fake123',
    },
  }),
};

/** An OpenAI error envelope. */
export function apiError(status: number, error: { message: string; type?: string | null; code?: string | null; param?: string | null }, headers: Record<string, string> = {}): FakeResponse {
  return {
    status,
    body: { error: { message: error.message, type: error.type ?? null, param: error.param ?? null, code: error.code ?? null } },
    headers: { 'x-request-id': `req_${status}_fake`, ...headers },
  };
}

/** The newer answers (shared/openai-api-facts.md, "Error bodies"), as the real API sends them. */
export const answers2026 = {
  /** A key of a data-residency project called at the wrong host. */
  incorrectHostname: (host = 'us.api.openai.com') =>
    apiError(401, {
      message: `Attempted to access resource with incorrect regional hostname. Please make your request to ${host}`,
      type: 'invalid_request_error',
      code: 'incorrect_hostname',
    }),
  /** A base URL without /v1: OpenAI answers GET /models with 404. */
  invalidUrl: () => apiError(404, { message: 'Invalid URL (GET /models)', type: 'invalid_request_error' }),
  ipNotAuthorized: () => apiError(401, { message: 'Your IP is not authorized to access this organization.', type: 'ip_not_authorized' }),
  creditBalanceExhausted: () =>
    apiError(429, {
      message: 'You have no credits remaining. Add credits to continue using the API at https://platform.openai.com/settings/organization/billing/overview.',
      type: 'insufficient_quota',
      code: 'credit_balance_exhausted',
    }),
  /** organization_spend_limit_exceeded, project_spend_limit_exceeded or organization_usage_limit_exceeded, with the old message. */
  limitExceeded: (code: 'organization_spend_limit_exceeded' | 'project_spend_limit_exceeded' | 'organization_usage_limit_exceeded') =>
    apiError(429, { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code }),
  modelNotFound: (id: string) => apiError(404, { message: `Model not found ${id}`, type: 'invalid_request_error' }),
};

/** Something in front of OpenAI answering itself: no envelope, no x-request-id or openai-version. */
export function gatewayAnswer(status: number, body: string, server = 'corp-gateway/2.1'): FakeResponse {
  const html = body.trimStart().startsWith('<');
  return { status, text: body, headers: { server, 'content-type': html ? 'text/html' : 'application/json' } };
}

/** A 2xx that is not the API's answer (a dev server's SPA fallback, a portal, "OK"). */
export function wrongShape(body: string, contentType = 'text/html'): FakeResponse {
  return { status: 200, text: body, headers: { 'content-type': contentType } };
}

/** A small gzip body that inflates to `mib` MiB of spaces, served as JSON (reliability repro 13). */
export function gzipBomb(mib = 64): FakeResponse {
  return {
    status: 200,
    bytes: gzipSync(Buffer.alloc(mib * 1024 * 1024, 32), { level: 9 }),
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', server: 'bomb/1.0' },
  };
}

/** How the real API echoes a key in its 401 message. */
export function openAIEcho(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
}

/** A realistic 401 for a wrong key, echoing the key this server received, as the real API does. */
export function invalidKey(req: RecordedRequest): FakeResponse {
  return apiError(401, {
    message: `Incorrect API key provided: ${req.keyEcho ?? ''}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  });
}

function mask(auth: string | undefined): string | undefined {
  if (!auth) return auth;
  const key = auth.replace(/^Bearer\s+/i, '');
  return `Bearer ${key.slice(0, 8)}…${key.slice(-4)} (${key.length})`;
}

export async function startFakeOpenAI(
  routes: Partial<Record<'models' | 'embeddings', Route>> = {},
  /** Serve HTTPS with this certificate (see tls-certs.ts) instead of plain HTTP. */
  opts: { tls?: { key: string; cert: string } } = {},
): Promise<FakeOpenAI> {
  const table: Record<string, Route> = { models: ok.models(), embeddings: ok.embeddings(), ...routes };
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        authorization: mask(req.headers.authorization),
        organization: req.headers['openai-organization'] as string | undefined,
        project: req.headers['openai-project'] as string | undefined,
        body: Buffer.concat(chunks).toString('utf8') || undefined,
      };
      const key = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (key) Object.assign(recorded, { keyLength: key.length, keyEcho: openAIEcho(key) });
      requests.push(recorded);
      const name = path.endsWith('/models') ? 'models' : path.endsWith('/embeddings') ? 'embeddings' : undefined;
      const route = name ? table[name] : undefined;
      const answer: FakeResponse = !route
        ? { status: 404, body: { error: { message: `Unknown route ${path}`, type: 'invalid_request_error', param: null, code: null } } }
        : typeof route === 'function'
          ? route(recorded)
          : route;
      if (answer.hang) return;
      const send = () => {
        if (res.destroyed) return;
        if (answer.destroy) return void req.socket.destroy();
        const isText = answer.text !== undefined;
        res.writeHead(answer.status, {
          'content-type': isText ? 'text/html' : 'application/json',
          ...answer.headers,
        });
        res.end(answer.bytes ?? (isText ? answer.text : JSON.stringify(answer.body ?? {})));
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  };
  const server: Server = opts.tls ? createHttpsServer(opts.tls, handler) : createServer(handler);
  // A TLS handshake the client refuses is expected in tests; it must not crash the server.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/v1`,
    requests,
    maxInFlight: () => maxInFlight,
    set: (route, response) => {
      table[route] = response;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
