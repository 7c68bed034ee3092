// Reaching the API through an HTTP(S) proxy with nothing but node:http, node:https and node:tls, as
// corporate proxies expect: an https target gets a CONNECT tunnel and our own TLS over it (so the
// certificate is still checked against the API's host name, and NODE_EXTRA_CA_CERTS applies); an
// http target is sent to the proxy as an absolute-URI request (see node-fetch.ts).
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/** Where the proxy is and how to authenticate to it. Holds a secret: never print or report it. */
export interface ProxyEndpoint {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  /** "Basic …" built from the user:password of the proxy URL, when it has one. */
  authorization?: string;
}

/** Registers something to destroy when the request is aborted; destroys it at once if it already was. */
export type Track = <T extends { destroy(): unknown }>(item: T) => T;

/** The endpoint of a proxy URL such as http://user:pass@proxy.corp:8080 (scheme optional). */
export function proxyEndpoint(value: string): ProxyEndpoint {
  const url = new URL(value.includes('://') ? value : `http://${value}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`unsupported proxy scheme ${url.protocol}`);
  const credentials = url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  return {
    protocol: url.protocol,
    hostname: bare(url.hostname),
    port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    ...(credentials !== undefined ? { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } : {}),
  };
}

/** "[::1]" -> "::1": URL keeps the brackets of IPv6 literals, sockets want them off. */
export const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** Opens a request to the proxy itself (plain or TLS, as its URL says). */
export function requestToProxy(proxy: ProxyEndpoint, options: { method: string; path: string; headers: Record<string, string> }): ClientRequest {
  const send = proxy.protocol === 'https:' ? httpsRequest : httpRequest;
  const auth: Record<string, string> = proxy.authorization ? { 'proxy-authorization': proxy.authorization } : {};
  // node:https would take the TLS name from the Host header, which names the target: the proxy's
  // certificate must match the proxy ('' = an IP, checked as such, no SNI).
  const tlsName = proxy.protocol === 'https:' ? { servername: isIP(proxy.hostname) ? '' : proxy.hostname } : {};
  return send({ hostname: proxy.hostname, port: proxy.port, agent: false, ...tlsName, ...options, headers: { ...options.headers, ...auth } });
}

/**
 * A proxy that would not pass the request on (407 wants credentials, 403/502 refuse the host). The
 * "Proxy response (NNN)" wording is what net-errors.ts looks for to name the proxy as the cause.
 */
export function proxyRefusal(status: number | undefined, what: string): Error {
  return Object.assign(new Error(`Proxy response (${status ?? 0}) to ${what}`), { code: 'ERR_PROXY_REFUSED', status });
}

/** CONNECT host:port through the proxy, then TLS to the target over that tunnel. */
export async function tunnel(proxy: ProxyEndpoint, target: URL, track: Track): Promise<TLSSocket> {
  const host = bare(target.hostname);
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${Number(target.port) || 443}`;
  const connectRequest = track(requestToProxy(proxy, { method: 'CONNECT', path: authority, headers: { host: authority } }));
  const raw = await new Promise<Socket>((resolve, reject) => {
    connectRequest.once('error', reject);
    // Node answers a CONNECT with 'connect' whatever the status; the socket is ours from here on.
    connectRequest.once('connect', (res: IncomingMessage, socket: Socket) => {
      track(socket);
      socket.on('error', () => {}); // its errors reach us through the TLS socket below
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(proxyRefusal(res.statusCode, `CONNECT ${authority}`));
    });
    connectRequest.end();
  });
  // servername sets SNI and is the name the certificate must match; SNI must not carry an IP.
  const secure = track(tlsConnect({ socket: raw, host, ...(isIP(host) ? {} : { servername: host }) }));
  await new Promise<void>((resolve, reject) => {
    // Stays attached: a late error must not go unhandled before the HTTP request takes the socket.
    secure.on('error', reject);
    secure.once('secureConnect', () => resolve());
  });
  return secure;
}
