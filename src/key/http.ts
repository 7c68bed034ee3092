// How the probes reach the API. Node 20's global fetch ignores HTTPS_PROXY, so when a proxy applies
// to the API's URL we hand the SDK undici's own fetch together with an EnvHttpProxyAgent from the SAME
// package (mixing packages fails with "invalid onRequestStart method"). undici is large: it is
// imported only when a proxy is configured. NODE_EXTRA_CA_CERTS needs nothing here: Node reads it at
// start-up into the default TLS context, which both fetches use.
import type { Env } from '../platform/environment.js';

export interface ProxyInfo {
  /** The variable that set it, e.g. HTTPS_PROXY. */
  variable: string;
  /** For display: scheme, host and port only (a proxy URL may carry a password). */
  display: string;
  hostname: string;
  port: number;
}

export interface Transport {
  fetch?: typeof fetch;
  fetchOptions?: Record<string, unknown>;
  proxy?: ProxyInfo;
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

// The same precedence as undici's EnvHttpProxyAgent: lower case first; https falls back to the http proxy.
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

/** The proxy that applies to a URL under this environment, if any. */
export function proxyFor(target: string, env: Env): ProxyInfo | undefined {
  const url = new URL(target);
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (bypassesProxy(hostname, port, noProxyValue(env))) return undefined;
  const found = firstSet(env, url.protocol === 'https:' ? HTTPS_NAMES : HTTP_NAMES);
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
  const proxy = proxyFor(target, env);
  if (!proxy) return { close: async () => {} };
  const loaded = await import('undici');
  // undici is CommonJS: bundled, its exports may sit on `default` rather than on the namespace.
  const undici = (('EnvHttpProxyAgent' in loaded ? loaded : (loaded as { default?: unknown }).default) ?? loaded) as typeof loaded;
  // Values are passed explicitly (not read from process.env by undici) so the context's env is the
  // single source of truth; '' means "unset" to undici.
  const dispatcher = new undici.EnvHttpProxyAgent({
    httpProxy: firstSet(env, HTTP_NAMES)?.value ?? '',
    httpsProxy: firstSet(env, HTTPS_NAMES)?.value ?? '',
    noProxy: noProxyValue(env),
  });
  return {
    fetch: undici.fetch as unknown as typeof fetch,
    fetchOptions: { dispatcher },
    proxy,
    close: () => dispatcher.close().catch(() => {}),
  };
}
