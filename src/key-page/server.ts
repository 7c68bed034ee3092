// The one-time key page: a node:http server on 127.0.0.1 that takes one key from a form and shows the
// outcome. Designed like a login endpoint (see docs/architecture.md, "The one-time key page"):
// random port, a 256-bit path token, Host and Origin checks, an anti-CSRF value, small bodies, short
// request timeouts, no caching, no framing, a strict CSP, and gone after one successful hand-over.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { hostAllowed, MAX_BODY_BYTES, newSecret, originAllowed, parseForm, sameSecret } from './guard.js';
import { checkingPage, formPage, gonePage, outcomePage, type PageOutcome } from './html.js';

export type { PageOutcome } from './html.js';

export interface KeyPage {
  /** http://127.0.0.1:PORT/TOKEN: the one address that serves the form. */
  readonly url: string;
  /**
   * Waits for the next key pasted on the page. `problem` (why the last key could not be used) is shown
   * above the form. Resolves undefined when timeoutMs passes first; rejects when the signal aborts.
   */
  nextKey(o: { signal: AbortSignal; timeoutMs: number; problem?: string }): Promise<string | undefined>;
  /** Shows the outcome to the person, then closes the page (at most graceMs later if nobody looks). */
  finish(outcome: PageOutcome, graceMs?: number): Promise<void>;
  /** Closes at once (Ctrl-C, an error): the page answers nothing any more. */
  close(): void;
}

type State =
  | { kind: 'waiting'; csrf: string; problem?: string }
  | { kind: 'checking' }
  | { kind: 'done'; outcome: PageOutcome }
  | { kind: 'gone' };

export async function startKeyPage(): Promise<KeyPage> {
  const token = newSecret();
  let state: State = { kind: 'waiting', csrf: newSecret() };
  /** A key handed over before anyone asked for it, and the caller waiting for one. */
  let handed: string | undefined;
  let waiter: ((key: string) => void) | undefined;
  let shown: (() => void) | undefined;

  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 1_000 }, (req, res) => {
    handle(req, res).catch(() => send(res, 400, 'text/plain', 'Bad request'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const port = (server.address() as AddressInfo).port;
  const base = `/${token}`;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) return send(res, 403, 'text/plain', 'Forbidden: this page only answers at 127.0.0.1 or localhost.');
    const path = (req.url ?? '').split('?')[0]!;
    const status = path.endsWith('/status');
    if (!sameSecret(status ? path.slice(0, -'/status'.length) : path, base)) return send(res, 404, 'text/plain', 'Not found');
    if (req.method === 'GET' || req.method === 'HEAD') return status ? showStatus(res) : showForm(res);
    if (req.method === 'POST' && !status) return takeKey(req, res);
    res.setHeader('Allow', status ? 'GET' : 'GET, POST');
    return send(res, 405, 'text/plain', 'Method not allowed');
  }

  function showForm(res: ServerResponse): void {
    if (state.kind === 'gone') return html(res, 410, gonePage);
    if (state.kind !== 'waiting') return redirect(res, `${base}/status`);
    const { csrf, problem } = state;
    // Referrer-Policy same-origin here, not no-referrer: under no-referrer browsers send `Origin: null`
    // with the form's POST, and the Origin check could not tell our page from a sandboxed attacker.
    // same-origin still sends nothing to any other site (and the page links to none).
    html(res, 200, (nonce) => formPage({ nonce, csrf, action: base, problem }), 'same-origin');
  }

  function showStatus(res: ServerResponse): void {
    if (state.kind === 'waiting') return redirect(res, base);
    if (state.kind === 'checking') return html(res, 200, checkingPage);
    if (state.kind === 'gone') return html(res, 410, gonePage);
    const { outcome } = state;
    html(res, 200, (nonce) => outcomePage(nonce, outcome));
    state = { kind: 'gone' };
    res.once('finish', () => shown?.());
  }

  async function takeKey(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refusals below change nothing: a hostile page's POST neither ends nor disturbs the wait.
    if (!originAllowed(req.headers.origin, port)) return send(res, 403, 'text/plain', 'Forbidden: the key can only be sent from the page itself.');
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return send(res, 413, 'text/plain', 'Too large', true);
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, 'text/plain', 'Too large', true);
    if (state.kind === 'gone' || state.kind === 'done') return html(res, 410, gonePage);
    if (state.kind === 'checking') return redirect(res, `${base}/status`);
    const form = parseForm(req.headers['content-type'], body);
    if (!form || !sameSecret(form.csrf, state.csrf)) return send(res, 403, 'text/plain', 'Forbidden: this form has expired; reload the page.');
    const key = form.key?.trim();
    if (!key) {
      state = { kind: 'waiting', csrf: newSecret(), problem: 'Nothing was pasted.' };
      return redirect(res, base);
    }
    state = { kind: 'checking' };
    if (waiter) waiter(key);
    else handed = key;
    // Post/Redirect/Get: reloading the outcome page never posts the key again.
    redirect(res, `${base}/status`);
  }

  function close(): void {
    state = { kind: 'gone' };
    server.close();
    server.closeAllConnections();
  }

  return {
    url: `http://127.0.0.1:${port}${base}`,
    nextKey({ signal, timeoutMs, problem }) {
      if (state.kind !== 'waiting' || problem) state = { kind: 'waiting', csrf: newSecret(), problem };
      if (handed !== undefined) {
        const key = handed;
        handed = undefined;
        state = { kind: 'checking' };
        return Promise.resolve(key);
      }
      return new Promise<string | undefined>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          waiter = undefined;
        };
        const onAbort = () => {
          done();
          reject(signal.reason);
        };
        const timer = setTimeout(() => {
          done();
          resolve(undefined);
        }, timeoutMs);
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        waiter = (key) => {
          done();
          resolve(key);
        };
      });
    },
    async finish(outcome, graceMs = 5_000) {
      if (state.kind === 'gone') return close();
      state = { kind: 'done', outcome };
      // The checking page polls every second: give it a moment to fetch the outcome, then go.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        shown = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      close();
    },
    close,
  };
}

const SECURITY_HEADERS = (nonce: string, referrer: string): Record<string, string> => ({
  'Cache-Control': 'no-store',
  'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'Referrer-Policy': referrer,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

function html(res: ServerResponse, status: number, render: (nonce: string) => string, referrer = 'no-referrer'): void {
  const nonce = randomBytes(16).toString('base64');
  res.writeHead(status, { ...SECURITY_HEADERS(nonce, referrer), 'Content-Type': 'text/html; charset=utf-8' });
  res.end(render(nonce));
}

function send(res: ServerResponse, status: number, type: string, text: string, closeConnection = false): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { ...SECURITY_HEADERS('-', 'no-referrer'), 'Content-Type': `${type}; charset=utf-8`, ...(closeConnection ? { Connection: 'close' } : {}) });
  res.end(text);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { ...SECURITY_HEADERS('-', 'no-referrer'), Location: location });
  res.end();
}

/** The body, or undefined once it grows past the limit (the rest is not read). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
