// Bundles src/ into dist/: one small entry chunk for --help, with the heavy parts (openai SDK, zod,
// prompts) split into chunks that are loaded only on the paths that need them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { globalProcess, lazyBuiltins, lazyChildProcess, pruneOpenAIInternals, pruneOpenAIResources, pruneStats, slimInquirerFigures } from './build-plugins.mjs';

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
  // UTF-8 as it is: the default escapes every … ✔ • as \uXXXX (6 bytes instead of 3).
  charset: 'utf8',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [lazyChildProcess, lazyBuiltins, globalProcess, pruneOpenAIResources, pruneOpenAIInternals, slimInquirerFigures],
  metafile: analyze,
  write: false,
  logLevel: 'warning',
});
// commander and some SDK helpers are CommonJS and call require(); ESM output needs a real require.
// Only the chunks that mention it get one: createRequire costs ~0.3 ms per module, and the wizard
// loads some twenty chunks before its first prompt.
const REQUIRE_BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);\n";
// A second pass with terser after esbuild's minifier: two compress passes and top-level mangling take
// another ~3 kB off the packed tarball (120 kB budget), at about a second of build time. Export names
// are kept, so the chunks still import each other by name. `QUICK_BUILD=1` skips it while iterating.
const { minify } = process.env.QUICK_BUILD ? {} : await import('terser');
await Promise.all(
  result.outputFiles.map(async (file) => {
    let text = file.text;
    if (minify) text = (await minify(text, { module: true, compress: { passes: 2, ecma: 2020 }, mangle: { toplevel: true }, format: { ascii_only: false } })).code;
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, /\brequire\b/.test(text) ? REQUIRE_BANNER + text : text);
  }),
);
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
if (!process.env.QUIET_BUILD) console.error(`built dist/ in ${Date.now() - started} ms (openai SDK: ${pruneStats.pruned.size} resources pruned, ${pruneStats.kept.size} kept)`);
