// A Context for store tests: a fresh temp HOME, project directory and config directory, and an
// environment that holds nothing of the real user's (no HOME, no D-Bus, no OPENAI_API_KEY).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Context } from '../../../src/context.js';
import type { Options } from '../../../src/options.js';
import { createConfigStore } from '../../../src/store/config-store.js';
import { createTestContext, type TestContext } from '../../fakes/test-context.js';

const roots: string[] = [];
// Registered while the importing test file is collected: its temp dirs go when the file is done.
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

export interface StoreTestContext extends TestContext {
  root: string;
}

export function storeContext(over: Partial<Omit<Context, 'options'>> & { options?: Partial<Options> } = {}): StoreTestContext {
  const root = mkdtempSync(join(tmpdir(), 'onboard-store-'));
  roots.push(root);
  const home = join(root, 'home');
  const cwd = join(root, 'project');
  mkdirSync(home);
  mkdirSync(cwd);
  const ctx = createTestContext({
    home,
    cwd,
    ...over,
    env: { PATH: process.env.PATH, HOME: home, ...over.env },
  });
  ctx.config = over.config ?? createConfigStore(join(root, 'config'), (m) => ctx.io.err(`Warning: ${m}`));
  return Object.assign(ctx, { root });
}
