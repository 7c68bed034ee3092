// No HTTP answer at all: walk the error's cause chain (the SDK's APIConnectionError -> the Node error
// our fetch rejected with, node-fetch.ts, or an AggregateError of several addresses) and tell
// DNS/refused/reset/timeout (network) from certificate trouble (tls) and from a proxy that cannot be
// reached, wants a password or refuses the host (proxy).
import type { ProxyInfo } from './http.js';

export type ConnectionDiagnosis = 'network' | 'tls' | 'proxy';

export interface ConnectionFinding {
  diagnosis: ConnectionDiagnosis;
  /** The most telling error code: ENOTFOUND, SELF_SIGNED_CERT_IN_CHAIN, 407, timeout, … */
  netCode: string;
  timeout: boolean;
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
]);

interface Link {
  code?: string;
  message: string;
  address?: string;
  hostname?: string;
  port?: number;
}

/** Every error in the chain, outermost first (bounded: chains can be cyclic). */
export function causeChain(error: unknown): Link[] {
  const out: Link[] = [];
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length && out.length < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const o = e as Record<string, unknown>;
    out.push({
      code: typeof o.code === 'string' ? o.code : undefined,
      message: typeof o.message === 'string' ? o.message : '',
      address: typeof o.address === 'string' ? o.address : undefined,
      hostname: typeof o.hostname === 'string' ? o.hostname : undefined,
      port: typeof o.port === 'number' ? o.port : undefined,
    });
    queue.push(o.cause);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  return out;
}

export function classifyConnection(
  failure: { timeout: boolean; cause?: unknown; message?: string },
  proxy: ProxyInfo | undefined,
): ConnectionFinding {
  const chain = causeChain(failure.cause);
  const codes = chain.map((l) => l.code).filter((c): c is string => Boolean(c));
  const messages = [failure.message ?? '', ...chain.map((l) => l.message)].join('\n');

  const tls = codes.find((c) => TLS_CODES.has(c) || c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_'));
  // Checked first even behind a proxy: a proxy that intercepts TLS is the classic cause.
  if (tls) return { diagnosis: 'tls', netCode: tls, timeout: false };

  if (proxy) {
    // node-fetch-proxy.ts: the proxy answered CONNECT (or a request) with something other than 200.
    const proxyStatus = messages.match(/Proxy response \((\d{3})\)/);
    if (proxyStatus) return { diagnosis: 'proxy', netCode: proxyStatus[1]!, timeout: false };
    // http.ts: the proxy variable is not a usable http(s) URL.
    if (codes.includes('ERR_PROXY_INVALID_URL')) return { diagnosis: 'proxy', netCode: 'ERR_PROXY_INVALID_URL', timeout: false };
    // Through a proxy we only ever connect to the proxy itself: a refused or unresolvable
    // connection is the proxy's, never api.openai.com's.
    const unreachable = chain.find((l) => l.code && NETWORK_CODES.has(l.code));
    if (unreachable && !failure.timeout) return { diagnosis: 'proxy', netCode: unreachable.code!, timeout: false };
  }
  if (failure.timeout) return { diagnosis: 'network', netCode: 'timeout', timeout: true };
  const net = codes.find((c) => NETWORK_CODES.has(c));
  if (net) return { diagnosis: 'network', netCode: net, timeout: /TIMEOUT|ETIMEDOUT/.test(net) };
  return { diagnosis: 'network', netCode: codes[0] ?? 'unknown', timeout: false };
}

/** node-fetch.ts rejects with this code when an answer is larger than it accepts (a gzip bomb). */
export const TOO_LARGE_CODE = 'ERR_RESPONSE_TOO_LARGE';

/** The too-large rejection in a cause chain, with the status and Server header it came with. */
export function tooLargeAnswer(cause: unknown): { status?: number; server?: string } | undefined {
  for (let e = cause, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as Record<string, unknown>;
    if (o.code === TOO_LARGE_CODE) {
      return { status: typeof o.status === 'number' ? o.status : undefined, server: typeof o.server === 'string' ? o.server : undefined };
    }
  }
  return undefined;
}

/**
 * A failure of our own code rather than of the network: the chain holds a TypeError, RangeError,
 * ReferenceError or SyntaxError and no system error code (ECONNRESET, a certificate code, …).
 * Node's own network failures always carry a code, so this never hides one (issue 9 §5).
 */
export function programmingError(cause: unknown): Error | undefined {
  const chain: unknown[] = [];
  for (let e = cause; e && typeof e === 'object' && chain.length < 10 && !chain.includes(e); e = (e as { cause?: unknown }).cause) chain.push(e);
  if (chain.some((e) => typeof (e as { code?: unknown }).code === 'string' || Array.isArray((e as { errors?: unknown }).errors))) return undefined;
  const bug = chain.find((e) => e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError);
  return bug as Error | undefined;
}
