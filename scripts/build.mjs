// Bundles src/ into dist/: one small entry chunk for --help, with the heavy parts (openai SDK, zod,
// prompts, undici) split into chunks that are loaded only on the paths that need them.
import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const started = Date.now();
// Build beside dist/ and swap it in, so tests running the old build are not pulled out from under.
const out = `dist.tmp-${process.pid}`;
await rm(out, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  treeShaking: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // commander and some SDK helpers are CommonJS and call require(); ESM output needs a real require.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
const old = `dist.old-${process.pid}`;
await rename('dist', old).catch(() => {});
await rename(out, 'dist');
await rm(old, { recursive: true, force: true });
if (!process.env.QUIET_BUILD) console.error(`built dist/ in ${Date.now() - started} ms`);
