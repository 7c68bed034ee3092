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
