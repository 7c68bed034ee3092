// No import cycles in src/: a cycle makes load order matter (a step list importing a step that imports
// the list back) and hides which layer depends on which. The graph comes from esbuild's metafile of the
// real entry point, type-only imports excluded (they vanish at build time).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function sourceGraph(): Promise<Map<string, string[]>> {
  const result = await build({
    entryPoints: ['src/cli.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    if (!file.startsWith('src/')) continue;
    graph.set(file, input.imports.map((i) => i.path).filter((p) => p.startsWith('src/')));
  }
  return graph;
}

function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('src/ import graph', () => {
  it('finds a cycle when there is one (the detector itself works)', () => {
    const cycles = findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]));
    expect(cycles).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has no import cycles', async () => {
    const graph = await sourceGraph();
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });
});
