import { z } from 'astro/zod';
import { activationIds, type ActivationId } from '../math/index.ts';
import { kebabId } from './lesson-schema.ts';

/**
 * The rule a derivation step applies, shown as a badge beside the step. One rule per step: a step
 * that needs two rules is two steps.
 */
export const derivationRules = [
  'setup',
  'chain',
  'quotient',
  'product',
  'sum',
  'constant-multiple',
  'power',
  'exponential',
  'identity',
  'algebra',
  'known-derivative',
  'piecewise',
  'substitution',
  'limit',
] as const;

export type DerivationRule = (typeof derivationRules)[number];

/** Display labels for the rule badges, in the same order as {@link derivationRules}. */
export const ruleLabels: Readonly<Record<DerivationRule, string>> = {
  setup: 'Set up',
  chain: 'Chain rule',
  quotient: 'Quotient rule',
  product: 'Product rule',
  sum: 'Sum rule',
  'constant-multiple': 'Constant multiple',
  power: 'Power rule',
  exponential: 'Exponential rule',
  identity: 'Identity',
  algebra: 'Algebra',
  'known-derivative': 'Known derivative',
  piecewise: 'Piecewise',
  substitution: 'Substitution',
  limit: 'Limit',
};

/** A name usable as a symbol in the answer syntax: `g`, `alpha`, `beta`, `lambda`, `y`. */
const symbolName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be an identifier such as "g" or "alpha"');

const letter = z.string().regex(/^[A-Za-z]$/, 'must be a single letter such as "z" or "i"');

/**
 * Vectors and indices for a derivation about components (`s_i`, `delta(i, j)`, `sum(k, 1, n, …)`, see
 * src/symbolic/indexed.ts). The check instantiates every step for each size n and every value of the
 * free indices in 1…n, at seeded points, and compares the ordinary expressions that result.
 */
export const indexedDerivationSchema = z
  .object({
    /** The vectors whose components the steps write, e.g. `[z, s]`. One letter each. */
    vectors: z.array(letter).min(1),
    /** The free indices, e.g. `[i, j]`: the check takes every value of each in 1…n. */
    indices: z.array(letter).default([]),
    /** The lengths n to check, e.g. `[2, 3, 4, 5]`. */
    sizes: z.array(z.number().int().min(1).max(8)).min(1),
    /** Vectors defined componentwise, keyed by a component: `{ s_k: 'exp(z_k)/sum(m, 1, n, exp(z_m))' }`. */
    define: z
      .record(z.string().regex(/^[A-Za-z]_[A-Za-z]$/, 'must be a component such as "s_k"'), z.string().min(1))
      .default({}),
    /** Vectors sampled as probability vectors (positive, summing to 1), such as a one-hot target's smoothing `y`. */
    simplex: z.array(letter).default([]),
  })
  .strict();

export type IndexedDerivation = z.infer<typeof indexedDerivationSchema>;

/** One line of a derivation: an expression equal (as a function of the variable) to the line before. */
export const derivationStepSchema = z
  .object({
    /** Stable kebab-case id, unique within the derivation; the page anchor is `<derivation-id>-<step-id>`. Never rename. */
    id: kebabId,
    /**
     * The expression in the course's answer syntax (`d/dz(…)` allowed). The page's TeX is printed from
     * it and the test suite checks it, so what students see is what was checked.
     */
    expression: z.string().min(1).max(500),
    /** The rule this step applies to get here from the previous step (`setup` for the first). */
    rule: z.enum(derivationRules),
    /** One short sentence shown under the step; may contain `$inline TeX$`. */
    note: z.string().min(1).optional(),
    /** A longer explanation behind a "Why?" disclosure; may contain `$inline TeX$`. */
    why: z.string().min(1).optional(),
  })
  .strict();

/**
 * A derivation in `content/derivations/<id>.yaml`, placed in a lesson with `<Derivation id="<id>" />`.
 * Strict: a misspelt field is an error. Every consecutive pair of steps is checked for equality by
 * `test/lessons/derivations.test.ts`.
 */
export const derivationSchema = z
  .object({
    /** Shown above the steps, e.g. "The derivative of the sigmoid". */
    title: z.string().min(3).max(100),
    /** When set, the last step is checked against `activations[activation].derivative` (with `params`). */
    activation: z.enum(activationIds as [ActivationId, ...ActivationId[]]).optional(),
    /**
     * The variable the steps differentiate with respect to and the check samples over. Default `z`;
     * PReLU's gradient with respect to its slope uses `alpha` (with `z` as a parameter).
     */
    variable: symbolName.default('z'),
    /** Values of the parameters the steps use (`alpha`, `beta`, `lambda`, `y`), for the check and the comparison. */
    params: z.record(symbolName, z.number()).default({}),
    /**
     * More parameter sets to check the steps with, each overriding some of `params` (e.g.
     * `[{ alpha: 0.2 }]`): the page shows the symbol, so every step must hold for more than one value.
     */
    checkParams: z.array(z.record(symbolName, z.number())).default([]),
    /** Symbols that stand for expressions, e.g. `{ g: 'sigmoid(z)' }`; substituted for the check. */
    define: z.record(symbolName, z.string().min(1)).default({}),
    /** TeX for symbols on the page, e.g. `{ g: 'g(z)' }`; default: the symbol's own name. */
    symbolTeX: z.record(symbolName, z.string().min(1)).default({}),
    /** Set for a derivation about vectors: the steps are indexed expressions, checked entry by entry. */
    indexed: indexedDerivationSchema.optional(),
    /** Points where some step is not differentiable (e.g. `[0]` for ReLU): the check samples both sides and skips the point itself. */
    kinks: z.array(z.number()).default([]),
    /** The lines, first to last: usually `d/dz(g)` first and the simplified derivative last. At least two. */
    steps: z
      .array(derivationStepSchema)
      .min(2)
      .superRefine((steps, ctx) => {
        const seen = new Set<string>();
        steps.forEach((step, i) => {
          if (seen.has(step.id)) {
            ctx.addIssue({ code: 'custom', message: `step id "${step.id}" is used twice`, path: [i, 'id'] });
          }
          seen.add(step.id);
        });
      }),
  })
  .strict()
  .superRefine((d, ctx) => {
    d.checkParams.forEach((set, i) => {
      for (const name of Object.keys(set)) {
        if (!Object.hasOwn(d.params, name)) {
          ctx.addIssue({
            code: 'custom',
            message: `checkParams names "${name}", which is not in params`,
            path: ['checkParams', i, name],
          });
        }
      }
    });
    const indexed = d.indexed;
    if (indexed !== undefined) {
      // The check differentiates by one component: the variable is `<vector>_<free index>` (z_j).
      const m = /^([A-Za-z])_([A-Za-z])$/.exec(d.variable);
      if (m === null || !indexed.vectors.includes(m[1] ?? '') || !indexed.indices.includes(m[2] ?? '')) {
        ctx.addIssue({
          code: 'custom',
          message: `variable "${d.variable}" must be a component such as z_j: a vector of indexed.vectors and an index of indexed.indices`,
          path: ['variable'],
        });
      }
      const named = [...Object.keys(indexed.define).map((k) => k.slice(0, 1)), ...indexed.simplex];
      for (const v of named) {
        if (!indexed.vectors.includes(v)) {
          ctx.addIssue({ code: 'custom', message: `"${v}" is not in indexed.vectors`, path: ['indexed'] });
        }
      }
    }
    for (const name of Object.keys(d.symbolTeX)) {
      if (!Object.hasOwn(d.params, name) && !Object.hasOwn(d.define, name)) {
        ctx.addIssue({
          code: 'custom',
          message: `symbolTeX names "${name}", which is neither a parameter nor defined`,
          path: ['symbolTeX', name],
        });
      }
    }
  });

export type Derivation = z.infer<typeof derivationSchema>;
export type DerivationStep = z.infer<typeof derivationStepSchema>;
