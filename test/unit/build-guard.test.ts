// The build prunes the openai SDK's unused resources. If the SDK's file layout changes, pruning would
// silently stop and the tarball would outgrow its budget; the plugin must fail the build instead.
// These builds run on a tiny stand-in of the SDK's layout in a temp dir.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { pruneOpenAIResources } from '../../scripts/build-plugins.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeSdk(resources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'oo-prune-'));
  dirs.push(dir);
  const sdk = join(dir, 'node_modules', 'openai');
  mkdirSync(join(sdk, 'resources'), { recursive: true });
  for (const r of ['models', 'embeddings', 'chat']) writeFileSync(join(sdk, 'resources', `${r}.mjs`), `export class ${r[0]!.toUpperCase()}${r.slice(1)} {}\n`);
  writeFileSync(join(sdk, 'client.mjs'), resources.map((r) => `export * from './resources/${r}.mjs';`).join('\n') || 'export const x = 1;\n');
  writeFileSync(join(dir, 'entry.mjs'), "export * from './node_modules/openai/client.mjs';\n");
  return dir;
}

const bundle = (dir: string) =>
  build({ entryPoints: [join(dir, 'entry.mjs')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent', plugins: [pruneOpenAIResources] });

describe('build guard: pruning the openai SDK', () => {
  it('builds when it prunes something and sees every kept resource', async () => {
    await expect(bundle(fakeSdk(['models', 'embeddings', 'chat']))).resolves.toBeDefined();
  });
  it('fails when nothing was pruned (the SDK no longer imports resources the way the plugin expects)', async () => {
    await expect(bundle(fakeSdk(['models', 'embeddings']))).rejects.toThrow(/no openai SDK resource was pruned/);
  });
  it('fails when a kept resource was never seen', async () => {
    await expect(bundle(fakeSdk(['models', 'chat']))).rejects.toThrow(/kept resources never imported.*embeddings/);
  });
});
