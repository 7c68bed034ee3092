// The one-time key page's rules, over real loopback HTTP with raw requests (a browser would not let a
// test forge Host or Origin). The end-to-end test in a real browser is test/e2e/key-browser.test.ts.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, parseForm, sameSecret } from '../../../src/key-page/guard.js';
import { type KeyPage, startKeyPage } from '../../../src/key-page/server.js';
import { fakeKeys } from '../../fakes/fake-keys.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

const pages: KeyPage[] = [];
afterEach(() => pages.splice(0).forEach((p) => p.close()));

async function open() {
  const page = await startKeyPage();
  pages.push(page);
  const { port, pathname } = new URL(page.url);
  const origin = `http://127.0.0.1:${port}`;
  const form = await send(page.url);
  const csrf = /name="csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    send(page.url, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  return { page, port, pathname, origin, form, csrf, post };
}

const never = new AbortController().signal;

describe('key page guards', () => {
  it('compares secrets whole, in constant time', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('ab', 'abc')).toBe(false);
    expect(sameSecret(undefined, 'abc')).toBe(false);
  });
  it('allows only our own Host and Origin', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('localhost:5000', 5000)).toBe(true);
    expect(hostAllowed('attacker.example:5000', 5000)).toBe(false);
    expect(hostAllowed('127.0.0.1:5001', 5000)).toBe(false);
    expect(hostAllowed(undefined, 5000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(originAllowed('null', 5000)).toBe(false);
    expect(originAllowed('http://evil.example', 5000)).toBe(false);
    expect(originAllowed(undefined, 5000)).toBe(false);
  });
  it('reads only form-encoded bodies', () => {
    expect(parseForm('application/x-www-form-urlencoded', 'key=a&csrf=b')).toEqual({ key: 'a', csrf: 'b' });
    expect(parseForm('application/json', '{"key":"a"}')).toBeUndefined();
  });
});

describe('the key page server', () => {
  it('listens on 127.0.0.1 with a path token of 256 bits, and serves a hardened form', async () => {
    const { page, form, pathname } = await open();
    expect(page.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{43}$/);
    expect(pathname.length - 1).toBeGreaterThanOrEqual(Math.ceil(128 / 6));
    expect(form.status).toBe(200);
    expect(form.body).toContain('type="password"');
    expect(form.body).toContain('autocomplete="off"');
    expect(form.body).not.toMatch(/<script|src=|href=/);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(form.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(form.headers['x-frame-options']).toBe('DENY');
    expect(form.headers['referrer-policy']).toBe('same-origin');
  });

  it('answers 404 without the form for any other path, and 403 for a foreign Host', async () => {
    const { page, port } = await open();
    const wrong = await send(`http://127.0.0.1:${port}/${'A'.repeat(43)}`);
    expect(wrong.status).toBe(404);
    expect(wrong.body).not.toContain('<form');
    expect((await send(`http://127.0.0.1:${port}/`)).status).toBe(404);
    const rebound = await send(page.url, { headers: { Host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('<form');
    expect((await send(page.url, { headers: { Host: `localhost:${port}` } })).status).toBe(200);
  });

  it('refuses a cross-origin POST, a missing or wrong CSRF value and a non-form body, without ending the wait', async () => {
    const { page, csrf, post } = await open();
    const key = fakeKeys.project(11);
    const waiting = page.nextKey({ signal: never, timeoutMs: 10_000 });
    expect((await post({ key, csrf }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ key, csrf }, { Origin: 'null' })).status).toBe(403);
    expect((await post({ key })).status).toBe(403);
    expect((await post({ key, csrf: `${csrf}x` })).status).toBe(403);
    expect((await post({ key, csrf }, { 'Content-Type': 'text/plain' })).status).toBe(403);
    // Still waiting: the real paste gets through.
    const ok = await post({ key, csrf });
    expect(ok.status).toBe(303);
    expect(await waiting).toBe(key);
  });

  it('refuses a body larger than a form needs', async () => {
    const { page, csrf, post } = await open();
    const waiting = page.nextKey({ signal: never, timeoutMs: 10_000 });
    const huge = await post({ key: 'x'.repeat(20_000), csrf }).catch(() => ({ status: 413 }));
    expect(huge.status).toBe(413);
    const key = fakeKeys.project(12);
    await post({ key, csrf });
    expect(await waiting).toBe(key);
  });

  it('hands over one key; a replay is refused; the outcome is shown once, then the page is gone', async () => {
    const { page, csrf, post, pathname, port } = await open();
    const key = fakeKeys.project(13);
    const waiting = page.nextKey({ signal: never, timeoutMs: 10_000 });
    const first = await post({ key, csrf });
    expect(first.headers.location).toBe(`${pathname}/status`);
    expect(await waiting).toBe(key);
    expect((await post({ key, csrf })).status).toBe(303); // still checking: back to the status page
    const checking = await send(`http://127.0.0.1:${port}${pathname}/status`);
    expect(checking.body).toContain('Checking your key');
    expect(checking.body).toContain('http-equiv="refresh"');
    const finished = page.finish({ ok: true, summary: 'The key works.', lines: ['Key: sk-proj-…AbCd', 'Saved to: .env'] }, 5_000);
    const outcome = await send(`http://127.0.0.1:${port}${pathname}/status`);
    expect(outcome.body).toContain('The key works.');
    expect(outcome.body).toContain('Saved to: .env');
    expect(outcome.body).not.toContain(key);
    await finished;
    await expect(send(page.url)).rejects.toThrow(); // the server is closed
  });

  it('shows the form again with the reason when the key must be pasted again', async () => {
    const { page, csrf, post, pathname, port } = await open();
    const first = page.nextKey({ signal: never, timeoutMs: 10_000 });
    await post({ key: 'not a key', csrf });
    expect(await first).toBe('not a key');
    const again = page.nextKey({ signal: never, timeoutMs: 10_000, problem: 'That is not an OpenAI key.' });
    const status = await send(`http://127.0.0.1:${port}${pathname}/status`);
    expect(status.status).toBe(303);
    const form = await send(page.url);
    expect(form.body).toContain('That is not an OpenAI key.');
    const fresh = /name="csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    expect(fresh).not.toBe(csrf); // a new form, a new value: the old one no longer posts
    expect((await post({ key: fakeKeys.project(14), csrf })).status).toBe(403);
    await post({ key: fakeKeys.project(14), csrf: fresh });
    expect(await again).toBe(fakeKeys.project(14));
  });

  it('ends the wait with nothing after the timeout, and rejects when the signal aborts', async () => {
    const { page } = await open();
    expect(await page.nextKey({ signal: never, timeoutMs: 50 })).toBeUndefined();
    const controller = new AbortController();
    const waiting = page.nextKey({ signal: controller.signal, timeoutMs: 10_000 });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('an empty paste keeps the page waiting and says so', async () => {
    const { page, csrf, post } = await open();
    let got: string | undefined = 'pending';
    void page.nextKey({ signal: never, timeoutMs: 10_000 }).then((k) => (got = k));
    expect((await post({ key: '   ', csrf })).status).toBe(303);
    expect((await send(page.url)).body).toContain('Nothing was pasted.');
    expect(got).toBe('pending');
  });
});
