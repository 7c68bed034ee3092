// The fetch the key check hands to the openai SDK: a small one on node:http/https instead of Node's
// global fetch, which compiles Node's internal undici on first use (~45 MB of peak memory and
// ~130 ms per process, for two small JSON requests). It does what the SDK needs and no more:
// - string or byte request bodies, never streamed; the answer is read whole before it resolves,
//   so the SDK's timeout covers the body too;
// - the AbortSignal (the SDK's timeout, our Ctrl-C): the request is torn down and the promise
//   rejects with the signal's reason, an AbortError, which the SDK maps to its timeout/abort errors;
// - no keep-alive (`connection: close`, no shared agent): the process can exit once the answer is in;
// - failures reject with Node's own errors (ECONNREFUSED, ENOTFOUND, certificate codes, …), which
//   the SDK keeps as APIConnectionError.cause for net-errors.ts to read;
// - at most MAX_ANSWER_BYTES, compressed or decoded: a bigger answer (a gzip bomb: 1 MB that inflates
//   to 1 GB) is cut off and rejected with ERR_RESPONSE_TOO_LARGE instead of filling memory;
// - an optional proxy (node-fetch-proxy.ts); redirects are not followed (the API does not
//   redirect, and a redirect is better reported than silently followed with the key).
// The Response is a plain object with the members the SDK and probes.ts read (status, ok, headers,
// text, json, clone): building a real Response would load the internal undici again.
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TOO_LARGE_CODE } from './net-errors.js';
import { bare, proxyRefusal, requestToProxy, tunnel, type ProxyEndpoint, type Track } from './node-fetch-proxy.js';

/** The probes' answers are a few kB (a model list is ~30 kB); 1 MiB leaves room and bounds memory. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export function createNodeFetch(proxy?: ProxyEndpoint): typeof fetch {
  const nodeFetch = (input: string | URL | { url: string }, init: RequestInit = {}): Promise<Response> => {
    const signal = init.signal ?? undefined;
    const inFlight = new Set<{ destroy(): unknown }>();
    let aborted = false;
    const track: Track = (item) => {
      if (aborted) item.destroy();
      else inFlight.add(item);
      return item;
    };
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        aborted = true;
        reject(signal?.reason ?? new DOMException('This operation was aborted', 'AbortError'));
        for (const item of inFlight) item.destroy();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      exchange(url, init, proxy, track)
        .then(resolve, reject)
        .finally(() => signal?.removeEventListener('abort', onAbort));
    });
  };
  return nodeFetch as unknown as typeof fetch;
}

async function exchange(url: URL, init: RequestInit, proxy: ProxyEndpoint | undefined, track: Track): Promise<Response> {
  const body = bodyBytes(init.body);
  const method = (init.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = {
    ...headerRecord(init.headers),
    host: url.host,
    connection: 'close',
    ...(body ? { 'content-length': String(body.length) } : {}),
  };
  const path = `${url.pathname}${url.search}`;
  let req: ClientRequest;
  if (proxy && url.protocol === 'https:') {
    const socket = await tunnel(proxy, url, track);
    req = httpRequest({ createConnection: () => socket, method, path, headers });
  } else if (proxy) {
    req = requestToProxy(proxy, { method, path: url.href, headers });
  } else {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    req = send({ hostname: bare(url.hostname), port: url.port || undefined, method, path, headers, agent: false });
  }
  track(req);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', resolve);
    req.end(body);
  });
  if (proxy && url.protocol === 'http:' && res.statusCode === 407) {
    // Only a proxy answers 407; through it, that means no request reached the API.
    req.destroy();
    throw proxyRefusal(407, `${method} ${url.origin}`);
  }
  const status = res.statusCode ?? 0;
  const tooLarge = () =>
    Object.assign(new Error(`the answer to ${method} ${url.pathname} was larger than ${MAX_ANSWER_BYTES} bytes`), {
      code: TOO_LARGE_CODE,
      status,
      ...(res.headers.server ? { server: res.headers.server } : {}),
    });
  const bytes = await readAll(res, tooLarge);
  return new NodeResponse(status, res.statusMessage ?? '', url.href, res.headers, await decode(bytes, res.headers['content-encoding'], tooLarge)) as unknown as Response;
}

function bodyBytes(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('this fetch sends only string or byte bodies');
}

/** The SDK passes a Headers object; plain records and pairs are accepted too. Keys in lower case. */
function headerRecord(h: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!h) return out;
  const pairs = Array.isArray(h) ? h : typeof (h as Headers).entries === 'function' ? (h as Headers).entries() : Object.entries(h);
  for (const [name, value] of pairs as Iterable<[string, string]>) out[name.toLowerCase()] = value;
  return out;
}

function readAll(res: IncomingMessage, tooLarge: () => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ANSWER_BYTES) return void chunks.push(chunk);
      reject(tooLarge());
      res.destroy();
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }));
    });
  });
}

/**
 * We send no Accept-Encoding, but a server may compress anyway; zlib is loaded only then. The decoded
 * size is capped too: zlib stops at maxOutputLength (ERR_BUFFER_TOO_LARGE) instead of inflating on.
 */
async function decode(bytes: Buffer, encoding: string | undefined, tooLarge: () => Error): Promise<Buffer> {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity' || bytes.length === 0) return bytes;
  const zlib = await import('node:zlib');
  const limit = { maxOutputLength: MAX_ANSWER_BYTES };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(bytes, limit);
    if (coding === 'deflate') return zlib.inflateSync(bytes, limit);
    if (coding === 'br') return zlib.brotliDecompressSync(bytes, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw error;
  }
  return bytes;
}

/** The read-only part of the Fetch Headers API that the SDK and probes.ts use. */
class ResponseHeaders {
  readonly #raw: IncomingHttpHeaders;
  constructor(raw: IncomingHttpHeaders) {
    this.#raw = raw;
  }
  get(name: string): string | null {
    const value = this.#raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.get(name) !== null;
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.#raw).sort()) yield [name, this.get(name)!];
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  forEach(fn: (value: string, name: string) => void): void {
    for (const [name, value] of this.entries()) fn(value, name);
  }
}

class NodeResponse {
  readonly ok: boolean;
  readonly headers: ResponseHeaders;
  readonly redirected = false;
  readonly body = null;
  readonly #bytes: Buffer;
  readonly #raw: IncomingHttpHeaders;
  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    raw: IncomingHttpHeaders,
    bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = new ResponseHeaders(raw);
    this.#raw = raw;
    this.#bytes = bytes;
  }
  async text(): Promise<string> {
    return this.#bytes.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.#bytes.toString('utf8'));
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.#bytes).buffer;
  }
  clone(): NodeResponse {
    return new NodeResponse(this.status, this.statusText, this.url, this.#raw, this.#bytes);
  }
}
