// Bundles src/ into dist/: one small entry chunk for --help, with the heavy parts (openai SDK, zod,
// prompts, undici) split into chunks that are loaded only on the paths that need them.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const started = Date.now();
await rm(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
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
if (!process.env.QUIET_BUILD) console.error(`built dist/ in ${Date.now() - started} ms`);
