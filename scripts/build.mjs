// Bundles src/ into dist/: one small entry chunk for --help, with the heavy parts (openai SDK, zod,
// prompts, undici) split into chunks that are loaded only on the paths that need them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

// The openai SDK's client builds every API resource (chat, assistants, admin, vector stores, ...)
// although the key check only lists models and creates an embedding. Where the SDK's top-level
// modules import a resource, all but those two become empty classes: ~100 KB less to download
// and to parse on every check. Using a pruned resource fails loudly (its methods are missing),
// and the e2e key-check tests run against this bundle.
const KEPT_OPENAI_RESOURCES = ['./resources/models.mjs', './resources/embeddings.mjs'];
const pruneOpenAIResources = {
  name: 'prune-openai-resources',
  setup(b) {
    b.onResolve({ filter: /^\.\/resources\// }, (args) => {
      if (!/[\\/]node_modules[\\/]openai[\\/][^\\/]+\.mjs$/.test(args.importer)) return undefined;
      if (KEPT_OPENAI_RESOURCES.includes(args.path)) return undefined;
      return { path: join(dirname(args.importer), args.path), namespace: 'pruned-openai' };
    });
    b.onLoad({ filter: /.*/, namespace: 'pruned-openai' }, async (args) => {
      const real = await import(pathToFileURL(args.path).href);
      const names = Object.keys(real).filter((k) => typeof real[k] === 'function');
      const kept = names.filter((k) => ['Models', 'Embeddings'].includes(k));
      return {
        contents: [
          ...kept.map((k) => `export { ${k} } from ${JSON.stringify(join(dirname(args.path), k === 'Models' ? 'models.mjs' : 'embeddings.mjs'))};`),
          'class NotBundled { constructor(client) { this._client = client; } }',
          ...names.filter((k) => !kept.includes(k)).map((k) => `export const ${k} = NotBundled;`),
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
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
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [zodNamespaceImport, lazyChildProcess, lazyBuiltins, pruneOpenAIResources],
  metafile: analyze,
  write: false,
  logLevel: 'warning',
});
// commander and some SDK helpers are CommonJS and call require(); ESM output needs a real require.
// Only the chunks that mention it get one: createRequire costs ~0.3 ms per module, and the wizard
// loads some twenty chunks before its first prompt.
const REQUIRE_BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);\n";
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, /\brequire\b/.test(file.text) ? REQUIRE_BANNER + file.text : file.contents);
}
if (analyze) printSizes(result.metafile);
// Pre-render `--help` from the bundle just built: src/cli.ts prints it without loading commander.
// commander is the source of truth (main.ts fixes the width), so the text cannot drift.
const help = spawnSync(process.execPath, [`${out}/cli.js`, '--help'], { encoding: 'utf8' });
if (help.status !== 0 || !help.stdout.startsWith('Usage:')) throw new Error(`could not pre-render --help: ${help.stderr}`);
await writeFile(`${out}/help.txt`, help.stdout);
const old = `dist.old-${process.pid}`;
await rename('dist', old).catch(() => {});
await rename(out, 'dist');
await rm(old, { recursive: true, force: true });
if (!process.env.QUIET_BUILD) console.error(`built dist/ in ${Date.now() - started} ms`);
