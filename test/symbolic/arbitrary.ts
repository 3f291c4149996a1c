import fc from 'fast-check';
import {
  call,
  compare,
  cond,
  constant,
  derivative,
  functionList,
  name,
  neg,
  num,
  binary,
} from '../../src/symbolic/index.ts';
import type { BinaryKind, CompareOp, Expr } from '../../src/symbolic/index.ts';

/** Symbols the generated trees use besides `z`; pass them to `parse`. */
export const ARBITRARY_SYMBOLS = ['g', 'alpha'] as const;

const numbers: fc.Arbitrary<Expr> = fc
  .oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map(Math.abs),
    fc.constantFrom(0.5, 0.01, 1e-7, 0.044715, 5e-324),
  )
  .map((v) => num(v));

const leaves: fc.Arbitrary<Expr> = fc.oneof(
  numbers,
  fc.constantFrom<Expr>(name('z'), name('g'), name('alpha'), constant('e'), constant('pi')),
);

/**
 * Random trees of the shapes `parse` can produce (numbers ≥ 0, declared names, whitelisted
 * functions with legal arity), for round-trip and agreement properties.
 */
export function exprArbitrary(options: { derivatives: boolean }): fc.Arbitrary<Expr> {
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => {
    const sub = tie('expr');
    const branches: fc.Arbitrary<Expr>[] = [
      leaves,
      sub.map((a) => neg(a)),
      fc
        .tuple(fc.constantFrom<BinaryKind>('add', 'sub', 'mul', 'div', 'pow'), sub, sub)
        .map(([k, l, r]) => binary(k, l, r)),
      fc
        .tuple(fc.constantFrom(...functionList), fc.array(sub, { minLength: 1, maxLength: 3 }))
        .filter(([f, args]) => args.length >= f.minArgs && args.length <= f.maxArgs)
        .map(([f, args]) => call(f.name, args)),
      fc.tuple(fc.constantFrom<CompareOp>('<', '<=', '>', '>='), sub, sub).map(([op, l, r]) => compare(op, l, r)),
      fc.tuple(sub, sub, sub).map(([t, a, b]) => cond(t, a, b)),
    ];
    if (options.derivatives) branches.push(sub.map((a) => derivative('z', a)));
    return { expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...branches) };
  });
  return expr;
}
