import { build } from 'esbuild';
import { globalProcess, lazyBuiltins, lazyChildProcess, pruneOpenAIResources } from './build-plugins.mjs';
const r = await build({ entryPoints: { cli: 'src/cli.ts' }, outdir: '/tmp/anout', bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20.19', minify: true, write: false, metafile: true, logLevel: 'error', define: { __VERSION__: '"0"' }, plugins: [lazyChildProcess, lazyBuiltins, globalProcess, pruneOpenAIResources] });
const filt = process.argv[2];
const by = {};
for (const o of Object.values(r.metafile.outputs)) for (const [i, { bytesInOutput }] of Object.entries(o.inputs)) { const k = filt === 'top' ? (i.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? i.split('/').slice(0,2).join('/')) : i; if (filt==='top' || i.includes(filt)) by[k] = (by[k] ?? 0) + bytesInOutput; }
const e = Object.entries(by).sort((a,b)=>b[1]-a[1]);
console.log(e.slice(0, Number(process.argv[3] ?? 40)).map(([k,v])=>`${String(v).padStart(7)} ${k}`).join('\n'));
console.log('total', e.reduce((a,[,v])=>a+v,0));
