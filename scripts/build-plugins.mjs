// esbuild plugins for scripts/build.mjs. Each one removes start-up or download cost that the
// bundle would otherwise pay on every run; each says what it saves and why it is safe.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// commander requires node:child_process at load time for executable subcommands, which we never
// use; child_process pulls in net and dgram (~3 ms on every start). Load it on first use instead.
export const lazyChildProcess = {
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

// Our modules import node:crypto (one hash) and node:child_process (spawn, for the browser and the
// keychain tools) at top level; together with what child_process pulls in (net, dgram) that is
// ~5 ms on every start, paid even when nothing is hashed or spawned. For such imports from src/,
// the named functions come from a stand-in module that loads the real one on first call. Only
// plain functions are wrapped (lower-case names, no util.promisify.custom); an import of anything
// else (a class, a constant, a default or namespace import) is left as it is.
const LAZY_BUILTINS = ['node:crypto', 'node:child_process'];
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(crypto|child_process)$/ }, async (args) => {
      if (!/[\\/]src[\\/]/.test(args.importer) || !LAZY_BUILTINS.includes(args.path)) return undefined;
      const source = await readFile(args.importer, 'utf8');
      const quoted = args.path.replace('/', '\\/');
      const imports = [...source.matchAll(new RegExp(`import\\s*(.*?)\\s*from\\s*'${quoted}'`, 'gs'))].map((m) => m[1]);
      const named = imports.map((clause) => clause.match(/^\{([^}]*)\}$/s)?.[1]);
      if (named.some((list) => list === undefined)) return undefined;
      const names = named.flatMap((list) => list.split(',').map((n) => n.trim()).filter((n) => n && !n.startsWith('type ')));
      const real = await import(args.path);
      const { promisify } = await import('node:util');
      const wrappable = (n) => /^[a-z]\w*$/.test(n) && typeof real[n] === 'function' && !real[n][promisify.custom];
      if (!names.every(wrappable)) return undefined;
      return { path: `${args.path}?${names.sort().join(',')}`, namespace: 'lazy-esm' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-esm' }, (args) => {
      const [module, list] = args.path.split('?');
      return {
        contents: [
          "import { createRequire } from 'node:module';",
          'let m;',
          `const load = () => (m ??= createRequire(import.meta.url)(${JSON.stringify(module)}));`,
          'function lazy(name) { return function (...a) { return load()[name].apply(this, a); }; }',
          ...list.split(',').map((k) => `export const ${k} = /* @__PURE__ */ lazy(${JSON.stringify(k)});`),
        ].join('\n'),
        loader: 'js',
        resolveDir: process.cwd(),
      };
    });
  },
};

// `import process from 'node:process'` (chalk's supports-color, Inquirer's helpers) makes Node build
// an ES module facade of the process object, reading every property on the way: process.stdin,
// stdout, stderr and report are created at that moment (~5 ms of streams, tty and readline
// internals), needed or not. The global process object is the same object, so default and named
// imports are served from it. A namespace import (`* as`) is left as it is.
export const globalProcess = {
  name: 'global-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, async (args) => {
      // require('process') (commander) already gets the plain object; only ES imports build the facade.
      if (args.kind !== 'import-statement') return undefined;
      const source = await readFile(args.importer, 'utf8');
      const clauses = [...source.matchAll(/import\s*([^;'"]*?)\s*from\s*['"](?:node:)?process['"]/g)].map((m) => m[1]);
      const names = [];
      for (const clause of clauses) {
        const m = clause.match(/^(\w+)?\s*,?\s*(?:\{([^}]*)\})?$/s);
        if (!m || clause.includes('*')) return undefined;
        if (m[2]) names.push(...m[2].split(',').map((n) => n.trim().split(/\s+as\s+/)[0]).filter((n) => n && !n.startsWith('type ')));
      }
      return { path: `process?${[...new Set(names)].sort().join(',')}`, namespace: 'global-process' };
    });
    b.onLoad({ filter: /.*/, namespace: 'global-process' }, (args) => {
      const names = args.path.split('?')[1].split(',').filter(Boolean);
      return {
        contents: ['const p = globalThis.process;', 'export default p;', ...names.map((n) => `export const ${n} = p.${n};`)].join('\n'),
        loader: 'js',
      };
    });
  },
};

// The openai SDK's client builds every API resource (chat, assistants, admin, vector stores, ...)
// although the key check only lists models and creates an embedding. Where the SDK's top-level
// modules import a resource, all but those two become stand-ins: ~100 KB less to download and to
// parse on every check. Touching a stand-in throws an error that points here, and the e2e
// key-check tests run against this bundle.
// The build guards itself: if the SDK's layout changes (openai 7, a 6.x refactor) and nothing matches,
// pruning would silently stop and the tarball outgrow its budget. So it counts what it pruned and kept,
// and fails the build when nothing was pruned or a kept resource was never seen.
const KEPT_OPENAI_RESOURCES = { Models: 'resources/models.mjs', Embeddings: 'resources/embeddings.mjs' };
export const pruneStats = { pruned: new Set(), kept: new Set() };
export const pruneOpenAIResources = {
  name: 'prune-openai-resources',
  setup(b) {
    b.onStart(() => {
      pruneStats.pruned.clear();
      pruneStats.kept.clear();
    });
    b.onEnd(() => {
      const missing = Object.values(KEPT_OPENAI_RESOURCES).filter((path) => !pruneStats.kept.has(path));
      if (pruneStats.pruned.size === 0) throw new Error('prune-openai-resources: no openai SDK resource was pruned; the SDK layout changed (see scripts/build-plugins.mjs)');
      if (missing.length) throw new Error(`prune-openai-resources: kept resources never imported by the SDK: ${missing.join(', ')}; the SDK layout changed`);
    });
    b.onResolve({ filter: /^\.\/resources\// }, (args) => {
      if (!/[\\/]node_modules[\\/]openai[\\/][^\\/]+\.mjs$/.test(args.importer)) return undefined;
      const path = args.path.slice(2);
      if (Object.values(KEPT_OPENAI_RESOURCES).includes(path)) {
        pruneStats.kept.add(path);
        return undefined;
      }
      pruneStats.pruned.add(path);
      return { path: join(dirname(args.importer), args.path), namespace: 'pruned-openai', pluginData: { sdkRoot: dirname(args.importer) } };
    });
    // One shared stand-in maker, so the error text is in the bundle once.
    b.onResolve({ filter: /^stand-in$/, namespace: 'pruned-openai' }, () => ({ path: 'stand-in', namespace: 'pruned-openai-stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'pruned-openai-stand-in' }, () => ({
      contents:
        'export const standIn = (name) => class { constructor() { return new Proxy({}, { get: (_, p) => { ' +
        "if (typeof p === 'symbol' || p === 'then') return undefined; " +
        "throw new Error(`the openai SDK's ${name} resource is not in this build (see KEPT_OPENAI_RESOURCES in scripts/build-plugins.mjs)`); } }); } };",
      loader: 'js',
    }));
    b.onLoad({ filter: /.*/, namespace: 'pruned-openai' }, async (args) => {
      const real = await import(pathToFileURL(args.path).href);
      const names = Object.keys(real).filter((k) => typeof real[k] === 'function');
      const kept = names.filter((k) => k in KEPT_OPENAI_RESOURCES);
      return {
        contents: [
          "import { standIn } from 'stand-in';",
          ...kept.map((k) => `export { ${k} } from ${JSON.stringify(join(args.pluginData.sdkRoot, KEPT_OPENAI_RESOURCES[k]))};`),
          ...names.filter((k) => !kept.includes(k)).map((k) => `export const ${k} = /* @__PURE__ */ standIn(${JSON.stringify(k)});`),
        ].join('\n'),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

// @inquirer/figures ships some 300 symbols (~7 KB minified) for the three that Inquirer's core and select
// prompt use. It becomes a stand-in with those three and the same is-unicode rule. The build guards
// itself: every `figures.X` in an importer must be one the stand-in has, or the build fails.
const FIGURES = { line: ['─', '─'], tick: ['✔', '√'], pointer: ['❯', '>'] };
export const slimInquirerFigures = {
  name: 'slim-inquirer-figures',
  setup(b) {
    b.onResolve({ filter: /^@inquirer\/figures$/ }, async (args) => {
      const source = await readFile(args.importer, 'utf8');
      const used = [...source.matchAll(/figures\.(\w+)/g)].map((m) => m[1]);
      const missing = used.filter((name) => !(name in FIGURES));
      if (missing.length) throw new Error(`slim-inquirer-figures: ${args.importer} uses figures.${missing.join(', figures.')}; add them to FIGURES in scripts/build-plugins.mjs`);
      return { path: 'figures', namespace: 'slim-figures' };
    });
    b.onLoad({ filter: /.*/, namespace: 'slim-figures' }, () => ({
      contents: [
        'const p = globalThis.process;',
        // is-unicode-supported, as @inquirer/figures ports it.
        "const e = p.env, u = !p.platform.startsWith('win') ? e.TERM !== 'linux' : Boolean(e.CI || e.WT_SESSION || e.TERMINUS_SUBLIME) || e.ConEmuTask === '{cmd::Cmder}' || ['Terminus-Sublime', 'vscode'].includes(e.TERM_PROGRAM) || ['xterm-256color', 'alacritty'].includes(e.TERM) || e.TERMINAL_EMULATOR === 'JetBrains-JediTerm';",
        `export default { ${Object.entries(FIGURES).map(([k, [main, fallback]]) => `${k}: u ? ${JSON.stringify(main)} : ${JSON.stringify(fallback)}`).join(', ')} };`,
      ].join('\n'),
      loader: 'js',
    }));
  },
};

// More parts of the openai SDK that the key check never runs, replaced like the resources above
// (~16 KB minified): server-sent-event streaming (we never stream: a streamed call can answer 200 and
// fail later), workload-identity auth (we pass an API key), file uploads, the platform sniffing behind
// the X-Stainless-* telemetry headers (not sent, then), and the `qs` query-string library (our two
// calls carry no query; a base URL's own query, e.g. `?api-version=`, is flat and is encoded the way
// qs encodes it, RFC 3986). Each stand-in must be met once per build, or the build fails. (Not the SDK's
// logger: openai 7 imports more from it; `npm run canary:sdk` caught that.)
const OPENAI_INTERNALS = {
  'internal/detect-platform.mjs': 'export const isRunningInBrowser = () => false; export const getPlatformHeaders = () => ({});',
  'core/uploads.mjs': "const no = () => { throw new Error(\"the openai SDK's file uploads are not in this build (scripts/build-plugins.mjs)\"); }; export const toFile = no, toStreamingFile = no;",
  'core/streaming.mjs': "export class Stream { static fromSSEResponse() { throw new Error(\"the openai SDK's streaming is not in this build (scripts/build-plugins.mjs)\"); } }",
  'auth/workload-identity-auth.mjs': "export class WorkloadIdentityAuth { constructor() { throw new Error(\"the openai SDK's workload identity auth is not in this build (scripts/build-plugins.mjs)\"); } }",
  'internal/qs/stringify.mjs': [
    'const enc = (s) => encodeURIComponent(s).replace(/[!\'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());',
    'export function stringify(obj) {',
    '  return Object.entries(obj ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => {',
    "    if (v !== null && typeof v === 'object') throw new Error('nested query values are not in this build (scripts/build-plugins.mjs)');",
    "    return enc(k) + '=' + (v === null ? '' : enc(String(v)));",
    "  }).join('&');",
    '}',
  ].join('\n'),
};
export const pruneOpenAIInternals = {
  name: 'prune-openai-internals',
  setup(b) {
    const seen = new Set();
    b.onStart(() => seen.clear());
    b.onEnd(() => {
      const missing = Object.keys(OPENAI_INTERNALS).filter((p) => !seen.has(p));
      if (missing.length) throw new Error(`prune-openai-internals: never met ${missing.join(', ')}; the SDK layout changed (scripts/build-plugins.mjs)`);
    });
    b.onResolve({ filter: /\.mjs$/ }, (args) => {
      const root = args.importer.match(/^(.*[\\/]node_modules[\\/]openai)[\\/]/)?.[1];
      if (!root || !args.path.startsWith('.')) return undefined;
      const rel = join(dirname(args.importer), args.path).slice(root.length + 1).replaceAll('\\', '/');
      if (!(rel in OPENAI_INTERNALS)) return undefined;
      seen.add(rel);
      return { path: rel, namespace: 'openai-internal-stand-in' };
    });
    b.onLoad({ filter: /.*/, namespace: 'openai-internal-stand-in' }, (args) => ({ contents: OPENAI_INTERNALS[args.path], loader: 'js' }));
  },
};
