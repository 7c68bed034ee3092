// Bundles src/ into dist/: one small entry chunk for --help, with the heavy parts (openai SDK, zod,
// prompts, undici) split into chunks that are loaded only on the paths that need them.
import { build } from 'esbuild';
import { readFile, rename, rm } from 'node:fs/promises';

// `import { z } from 'zod'` binds zod's whole namespace object, which esbuild cannot tree-shake:
// 454 KB on every path that validates options. `import * as z` is the same API (zod's own docs use
// it) and lets esbuild keep only what is used. Rewritten here so every file gets it, whoever wrote it.
const zodNamespaceImport = {
  name: 'zod-namespace-import',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes("from 'zod'")) return undefined;
      return { contents: source.replace(/import\s*\{\s*z\s*\}\s*from\s*'zod';/g, "import * as z from 'zod';"), loader: 'ts' };
    });
  },
};

// commander requires node:child_process at load time for executable subcommands, which we never
// use; child_process pulls in net and dgram (~3 ms on every start). Load it on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

// Our own modules import node:crypto at top level for one hash (src/key/mask.ts fingerprint); that
// alone costs ~2 ms on --help. For imports from src/, serve function exports (lower-case names)
// through wrappers that load the module on first call. Importing anything else (a class, a
// constant) from here fails the build loudly rather than misbehaving.
const LAZY_BUILTINS = ['node:crypto'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:crypto$/ }, (args) =>
      /[\\/]src[\\/]/.test(args.importer) && LAZY_BUILTINS.includes(args.path) ? { path: args.path, namespace: 'lazy-esm' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-esm' }, async (args) => {
      const real = await import(args.path);
      const names = Object.keys(real).filter((k) => /^[a-z]/.test(k) && typeof real[k] === 'function');
      const lines = names.map((k) => `export const ${k} = /* @__PURE__ */ lazy(${JSON.stringify(k)});`);
      return {
        contents: [
          "import { createRequire } from 'node:module';",
          'let m;',
          `const load = () => (m ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
          'function lazy(name) { return function (...a) { return load()[name].apply(this, a); }; }',
          ...lines,
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// `node scripts/build.mjs --analyze`: which packages and source folders the bytes of dist/ come from.
const analyze = process.argv.includes('--analyze');
function printSizes(metafile) {
  const by = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const key = m ? m[1] : input.split('/').slice(0, 2).join('/');
      by[key] = (by[key] ?? 0) + bytesInOutput;
    }
  }
  for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String(v).padStart(9), k);
  for (const [f, o] of Object.entries(metafile.outputs).sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 10)) console.log(String(o.bytes).padStart(9), f);
}

const started = Date.now();
// Build beside dist/ and swap it in, so tests running the old build are not pulled out from under.
const out = `dist.tmp-${process.pid}`;
await rm(out, { recursive: true, force: true });
const result = await build({
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
  plugins: [zodNamespaceImport, lazyChildProcess, lazyBuiltins],
  metafile: analyze,
  logLevel: 'warning',
});
if (analyze) printSizes(result.metafile);
const old = `dist.old-${process.pid}`;
await rename('dist', old).catch(() => {});
await rename(out, 'dist');
await rm(old, { recursive: true, force: true });
if (!process.env.QUIET_BUILD) console.error(`built dist/ in ${Date.now() - started} ms`);
