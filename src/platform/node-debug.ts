// NODE_DEBUG=http (also net, and wildcards such as *) makes Node.js itself print every request's
// headers to stderr, the Authorization header with the whole key included. That is Node's own debug
// output, switched on before any of our code runs, so the best we can do is say so before a key is sent.
import type { Env } from './environment.js';

// Node modules whose debug output shows request headers or options (http and net do today).
const HEADER_LOGGERS = ['http', 'https', 'http2', 'net', 'tls', 'undici', 'fetch'];

/** The NODE_DEBUG entries (as written) that make Node print request headers, e.g. ['http'] or ['*']. */
export function headerLoggingDebug(env: Env): string[] {
  const entries = (env.NODE_DEBUG ?? '').split(/[\s,]+/).filter(Boolean);
  return entries.filter((entry) => {
    // Node's NODE_DEBUG accepts * as a wildcard, case-insensitively.
    const pattern = new RegExp(`^${entry.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return HEADER_LOGGERS.some((name) => pattern.test(name));
  });
}

/** One warning line for stderr, or undefined when NODE_DEBUG is harmless. */
export function nodeDebugWarning(env: Env): string | undefined {
  const entries = headerLoggingDebug(env);
  if (!entries.length) return undefined;
  return (
    `NODE_DEBUG=${entries.join(',')} makes Node.js print request headers to stderr, the API key included, ` +
    'whenever a key is checked. That output is Node\'s own and cannot be masked: unset NODE_DEBUG, and delete any log it wrote.'
  );
}
