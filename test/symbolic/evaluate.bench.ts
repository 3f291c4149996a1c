import { test } from 'vitest';
import { compile, evaluate, parse } from '../../src/symbolic/index.ts';

// Run with `npm run bench`: time to evaluate a tree at the 400 points of one plot.
const r = parse('exp(-z)/(1+exp(-z))^2 + z > 0 ? gelu(z) : silu(z)');
if (!r.ok) throw new Error('parse');
const tree = r.tree;
const points = Array.from({ length: 400 }, (_, i) => -8 + i / 25);
const f = compile(tree);

test('400 points of a plot', async ({ bench }) => {
  await bench.compare(
    bench('compile once, then call', () => {
      for (const z of points) f({ z });
    }),
    bench('evaluate at each point (compiles each time)', () => {
      for (const z of points) evaluate(tree, { z });
    }),
  );
});
