// How the probes reach the API: always through our small fetch on node:http/https (node-fetch.ts),
// which routes through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY exempts the host (Node 20's global
// fetch ignores all three). NODE_EXTRA_CA_CERTS needs nothing here: Node reads it at start-up into
// the default TLS context, which node:https and our tunnel's TLS both use.
import type { Env } from '../platform/environment.js';
import { createNodeFetch } from './node-fetch.js';
import { proxyEndpoint, type ProxyEndpoint } from './node-fetch-proxy.js';

export interface ProxyInfo {
  /** The variable that set it, e.g. HTTPS_PROXY. */
  variable: string;
  /** For display: scheme, host and port only (a proxy URL may carry a password). */
  display: string;
  hostname: string;
  port: number;
}

export interface Transport {
  fetch: typeof fetch;
  proxy?: ProxyInfo;
  /** Nothing to release today (no connection is kept alive); kept so callers need not know. */
  close(): Promise<void>;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

function firstSet(env: Env, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}

// The usual precedence (curl, undici, requests): lower case first; https falls back to the http proxy.
const HTTP_NAMES = ['http_proxy', 'HTTP_PROXY'];
const HTTPS_NAMES = ['https_proxy', 'HTTPS_PROXY', ...HTTP_NAMES];

export function noProxyValue(env: Env): string {
  return env.no_proxy ?? env.NO_PROXY ?? '';
}

/** True when NO_PROXY exempts this host (exact host or a subdomain, optional :port, "*" for all). */
export function bypassesProxy(hostname: string, port: number, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]/).filter(Boolean);
  if (entries.includes('*')) return true;
  const host = hostname.toLowerCase();
  return entries.some((entry) => {
    const m = entry.match(/^(.+):(\d+)$/);
    const name = (m ? m[1]! : entry).replace(/^\*?\./, '').toLowerCase();
    if (m && Number(m[2]) !== port) return false;
    return host === name || host.endsWith(`.${name}`);
  });
}

/** The proxy variable that applies to a URL under this environment, if any (value may hold a password). */
function proxyVariable(target: string, env: Env): { name: string; value: string } | undefined {
  const url = new URL(target);
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (bypassesProxy(hostname, port, noProxyValue(env))) return undefined;
  return firstSet(env, url.protocol === 'https:' ? HTTPS_NAMES : HTTP_NAMES);
}

/** The proxy that applies to a URL under this environment, if any, as it may be shown. */
export function proxyFor(target: string, env: Env): ProxyInfo | undefined {
  const found = proxyVariable(target, env);
  if (!found) return undefined;
  try {
    const proxy = new URL(found.value.includes('://') ? found.value : `http://${found.value}`);
    const proxyPort = Number(proxy.port) || DEFAULT_PORTS[proxy.protocol] || 80;
    return {
      variable: found.name,
      display: `${proxy.protocol}//${proxy.host}${proxy.username ? ' (with credentials)' : ''}`,
      hostname: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxyPort,
    };
  } catch {
    return { variable: found.name, display: `(unparseable ${found.name})`, hostname: '', port: 0 };
  }
}

/** Names of the proxy and TLS variables in effect, for the result's `environment` list. */
export function networkEnvironment(env: Env): string[] {
  const names = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED'];
  return names.filter((n) => env[n]);
}

export async function createTransport(target: string, env: Env): Promise<Transport> {
  const close = async () => {};
  const found = proxyVariable(target, env);
  if (!found) return { fetch: createNodeFetch(), close };
  const proxy = proxyFor(target, env);
  let endpoint: ProxyEndpoint;
  try {
    endpoint = proxyEndpoint(found.value);
  } catch {
    // Every request fails, as the proxy it names cannot be used; the message leaves the value out
    // (it may hold a password). net-errors.ts reads the code as the proxy's fault.
    const error = Object.assign(new Error(`${found.name} is not a usable http(s) proxy URL`), { code: 'ERR_PROXY_INVALID_URL' });
    return { fetch: (() => Promise.reject(error)) as typeof fetch, proxy, close };
  }
  return { fetch: createNodeFetch(endpoint), proxy, close };
}
