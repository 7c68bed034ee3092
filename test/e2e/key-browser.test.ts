// --key-browser end to end: the built CLI serves the one-time page, a real Chromium (Debian's, driven by
// playwright-core) pastes the key, and the CLI checks it against the loopback fake API and saves it.
// The key must never reach stdout, stderr, the JSON or the page after submission.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wizardResultSchema } from '../../src/schemas/wizard-result.js';
import { checkResultSchema } from '../../src/schemas/check-result.js';
import { hasChromium, launchChromium } from '../fakes/chromium.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { type FakeOpenAI, invalidKey, ok, openAIEcho, startFakeOpenAI } from '../fakes/fake-openai-server.js';
import { assertKeyAbsent } from '../fakes/check-cli.js';
import { CLI, type Sandbox, sandbox } from './modes-harness.js';

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the page address once the CLI printed it. */
  url: Promise<string>;
  exit: Promise<number | null>;
}

function start(box: Sandbox, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: box.cwd, env: { ...box.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let found: (url: string) => void;
  const url = new Promise<string>((resolve) => (found = resolve));
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => {
    err += d;
    const m = /Open this page to paste your key: (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(err);
    if (m) found(m[1]!);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exit = new Promise<number | null>((resolve) => child.once('close', (code) => (clearTimeout(timer), resolve(code))));
  return { child, stdout: () => out, stderr: () => err, url, exit };
}

let fake: FakeOpenAI;
let browser: Browser;
const boxes: Sandbox[] = [];
const good = fakeKeys.project(301);
const revoked = fakeKeys.project(302);

beforeAll(async () => {
  // The fake accepts every key but `revoked`, which it answers as OpenAI answers a deleted key.
  fake = await startFakeOpenAI({ models: (req) => (req.keyEcho === openAIEcho(revoked) ? invalidKey(req) : ok.models()) });
  if (hasChromium) browser = await launchChromium(['--host-resolver-rules=MAP attacker.test 127.0.0.1']);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await fake.close();
  for (const b of boxes) rmSync(b.root, { recursive: true, force: true });
});

const box = () => {
  const b = sandbox(fake.url);
  boxes.push(b);
  return b;
};

async function paste(page: import('playwright-core').Page, key: string): Promise<string> {
  await page.fill('input[name=key]', key);
  await page.click('button[type=submit]');
  // The checking page refreshes itself (a <meta refresh>, no script: the CSP allows none) until the
  // outcome or the form is back. Polled from here, retrying a read that meets a refresh mid-way.
  for (let i = 0; i < 300; i++) {
    try {
      await page.waitForLoadState('load');
      const html = await page.content();
      if (!html.includes('<title>Checking')) return html;
    } catch (error) {
      if (!/navigating|Execution context was destroyed/.test(String(error))) throw error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the page never left "Checking your key…"');
}

describe.skipIf(!hasChromium)('--key-browser in a real browser', () => {
  it('an agent run: one local address to relay, a wrong paste and a revoked key corrected on the same page, then checked and saved', async () => {
    const b = box();
    const run = start(b, ['--non-interactive', '--key-browser', '--save', 'env', '--json'], { CLAUDECODE: '1' });
    const url = await run.url;
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.title()).toBe('Paste your OpenAI API key');

    const afterTypo = await paste(page, 'hunter2hunter2');
    expect(afterTypo).toContain('Paste another key below');
    const afterRevoked = await paste(page, revoked);
    expect(afterRevoked).toContain('Paste another key below');
    const outcome = await paste(page, good);
    expect(outcome).toContain('Done: your key works');
    expect(outcome).toContain('Saved to:');
    expect(outcome).toContain('close this tab');

    expect(await run.exit).toBe(0);
    const result = wizardResultSchema.parse(JSON.parse(run.stdout()));
    expect(result.ok).toBe(true);
    expect(result.check?.key.source).toBe('browser');
    expect(readFileSync(join(b.cwd, '.env'), 'utf8')).toContain(`OPENAI_API_KEY=${good}`);
    // The agent saw the page's address and a sentence naming it, never a key.
    expect(run.stderr()).toContain('Next step for the person (Claude Code can relay this)');
    expect(run.stderr()).toContain(`Open ${url} in a browser`);
    for (const key of [good, revoked]) assertKeyAbsent(key, run.stdout(), run.stderr(), outcome, afterRevoked);
    await page.close();
  }, 90_000);

  it('refuses a wrong token, a rebound host name and a cross-origin post, and is gone after the hand-over', async () => {
    const b = box();
    const run = start(b, ['--check-key', '--key-browser', '--json'], { CI: 'true' });
    const url = await run.url;
    const { port, pathname } = new URL(url);
    const page = await browser.newPage();

    const wrong = await page.goto(`http://127.0.0.1:${port}/${'A'.repeat(43)}`);
    expect(wrong?.status()).toBe(404);
    expect(await page.content()).not.toContain('<form');

    // DNS rebinding: attacker.test resolves to 127.0.0.1 in this browser, but its Host header is refused.
    const rebound = await page.goto(`http://attacker.test:${port}${pathname}`);
    expect(rebound?.status()).toBe(403);
    expect(await page.content()).not.toContain('<form');

    // A hostile page on another origin posts a key (it even knows the path) into the form's action.
    const attacker: Server = createServer((_, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<form method="post" action="${url}"><input name="key" value="${fakeKeys.project(303)}"><input name="csrf" value="guess"><button id="go">go</button></form>`);
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const evil = await browser.newPage();
    await evil.goto(`http://localhost:${(attacker.address() as { port: number }).port}/`);
    const [refused] = await Promise.all([evil.waitForResponse(() => true), evil.click('#go')]);
    expect(refused.status()).toBe(403);
    attacker.close();

    // The wait goes on: the real paste from the page itself still works.
    await page.goto(url);
    const outcome = await paste(page, good);
    expect(outcome).toContain('Done: your key works');
    expect(await run.exit).toBe(0);
    const json = checkResultSchema.parse(JSON.parse(run.stdout()));
    expect(json.diagnosis).toBe('ok');
    expect(json.key.source).toBe('browser');
    // One hand-over: afterwards the page (and its server) is gone.
    await expect(page.goto(url)).rejects.toThrow(/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE/);
    expect(existsSync(join(b.cwd, '.env'))).toBe(false); // --check-key changes nothing on disk
    assertKeyAbsent(good, run.stdout(), run.stderr(), outcome);
    await page.close();
    await evil.close();
  }, 90_000);

  it('ends as missing_key with a hint when nobody pastes within --wait', async () => {
    const b = box();
    const run = start(b, ['--check-key', '--key-browser', '--wait', '1', '--json'], { CI: 'true' });
    expect(await run.exit).toBe(3);
    const json = checkResultSchema.parse(JSON.parse(run.stdout()));
    expect(json.diagnosis).toBe('missing_key');
    expect(json.summary).toContain('within 1 s');
    expect(json.fix).toContain('--wait');
  }, 30_000);
});
