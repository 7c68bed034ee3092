// The Node.js example on the Done screen runs as written: copied from the screen into the file it names,
// run with the command it names, on this Node (the engines floor is Node 20), with the real openai SDK
// talking to a loopback server that answers Chat Completions.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doneStep } from '../../src/steps/done.js';
import { fakeKeys } from '../fakes/fake-keys.js';
import { interactiveContext, run } from '../steps/helpers.js';

let server: Server;
let url: string;
const bodies: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      bodies.push(`${req.method} ${req.url} ${body}`);
      const reply = { id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello from the loopback' } }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

/** The indented code under a snippet's title on the Done screen. */
function snippetUnder(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === title);
  const code: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('    ')) break;
    code.push(line.slice(4));
  }
  return code;
}

describe('the Node.js example of the Done screen', () => {
  it('runs as written, saved under the file name it gives and started with the command it gives', async () => {
    const ctx = interactiveContext([], { state: { key: { value: fakeKeys.project(7), source: 'prompt' }, savedTo: ['/p/.env'], choices: {}, saves: [{ target: 'env', location: '/p/.env', verified: true, notes: [] }] } });
    await run(doneStep, ctx);
    const code = snippetUnder(ctx.io.stderrText(), 'Node.js (npm install openai)');
    const how = /^\/\/ (\S+), run with: (.+)$/.exec(code[0] ?? '');
    expect(how, code.join('\n')).not.toBeNull();
    const [, file, command] = how!;
    expect(command).toBe(`node --env-file=.env ${file}`);

    const dir = mkdtempSync(join(tmpdir(), 'onboard-snippet-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(resolve('node_modules/openai'), join(dir, 'node_modules', 'openai'), 'dir');
      writeFileSync(join(dir, file!), `${code.join('\n')}\n`);
      writeFileSync(join(dir, '.env'), `OPENAI_API_KEY=${fakeKeys.project(7)}\nOPENAI_BASE_URL=${url}\n`, { mode: 0o600 });
      const [bin, ...args] = command!.split(' ');
      expect(bin).toBe('node');
      // Asynchronous: the loopback server answers from this process.
      const r = await promisify(execFile)(process.execPath, args, { cwd: dir, env: { PATH: process.env.PATH ?? '' }, timeout: 20_000 });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('Hello from the loopback');
      expect(bodies.at(-1)).toMatch(/^POST \/v1\/chat\/completions .*"model":"gpt-6-luna"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
