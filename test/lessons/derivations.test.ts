import { describe, expect, it } from 'vitest';
import { derivationView, parseDerivation } from '../../components/derivation/derivation-view.ts';
import { derivationSchema } from '../../src/content/derivation-schema.ts';
import { activationIds } from '../../src/math/index.ts';
import { children, isBinary, num, toText, withChildren } from '../../src/symbolic/index.ts';
import type { Expr } from '../../src/symbolic/index.ts';
import {
  checkAgainstActivation,
  checkSteps,
  derivationUses,
  loadDerivation,
  loadDerivations,
} from './check-derivation.ts';
import type { LoadedDerivation } from './check-derivation.ts';

const derivations = loadDerivations('content/derivations');
/**
 * A derivation about vectors is checked at a few hundred instances (n, indices, point), which takes
 * seconds, not milliseconds, on a loaded machine: a budget for the slowest case, not a timing goal.
 */
const INDEXED_TIMEOUT = 60_000;
const uses = derivationUses('content/lessons');
const lessonOf = (id: string): string => uses.get(id)?.[0] ?? '(no lesson)';

describe('every derivation in content/derivations', () => {
  it('exists, and lessons place at least twenty of them', () => {
    expect(derivations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(derivations)(
    '$id: every step equals the one before it',
    (d) => {
      const { failures, comparisons } = checkSteps(d, lessonOf(d.id));
      expect(failures).toEqual([]);
      expect(comparisons).toBeGreaterThanOrEqual(d.data.steps.length - 1);
    },
    INDEXED_TIMEOUT,
  );

  const withActivation = derivations.filter((d) => d.data.activation !== undefined);
  it.each(withActivation)('$id: the last step is activations[$data.activation].derivative', (d) => {
    const { failures, comparisons } = checkAgainstActivation(d, lessonOf(d.id));
    expect(failures).toEqual([]);
    expect(comparisons).toBeGreaterThan(100);
  });

  it('covers every activation in the registry with a derivation of its derivative', () => {
    const covered = new Set(withActivation.map((d) => d.data.activation));
    for (const id of activationIds) expect(covered, id).toContain(id);
  });

  it.each(derivations)('$id is placed by a lesson', (d) => {
    expect(uses.get(d.id), `no lesson has <Derivation id="${d.id}" />`).toBeDefined();
  });

  it('every <Derivation id> in a lesson names an existing file', () => {
    const ids = new Set(derivations.map((d) => d.id));
    for (const [id, lessons] of uses) expect(ids.has(id), `${lessons.join(', ')} → ${id}`).toBe(true);
  });

  it.each(derivations)('$id: the page prints every step from its checked expression, with anchors', (d) => {
    const view = derivationView(d.id, d.data);
    expect(view.map((s) => s.anchor)).toEqual(d.data.steps.map((s) => `${d.id}-${s.id}`));
    expect(view.map((s) => s.number)).toEqual(d.data.steps.map((_, i) => i + 1));
    for (const s of view) expect(s.mathHtml).toContain('class="katex-display"');
  });
});

describe('a broken derivation', () => {
  // sigmoid-derivative.yaml with one exponent changed: (1+e^(-z))^(-2) → ^(-3) in step "outer-derivative".
  const exponent = loadDerivation('test/fixtures/broken-derivation/sigmoid-derivative.yaml');
  // tanh-via-sigmoid.yaml with the coefficient 4 changed to 4.000001 (a relative change of 2.5e-7) in step "collect-constants".
  const coefficient = loadDerivation('test/fixtures/broken-derivation/tanh-via-sigmoid.yaml');

  it('fails the check with a message naming the lesson, the derivation and the step', () => {
    const { failures } = checkSteps(exponent, lessonOf(exponent.id));
    expect(failures[0]).toMatch(
      /^lesson sigmoid › derivation sigmoid-derivative › step outer-derivative: at z = \S+ the previous step gives \S+, this step gives \S+$/,
    );
  });

  it('is caught even when a coefficient is off by 1e-6', () => {
    const { failures } = checkSteps(coefficient, lessonOf(coefficient.id));
    expect(failures[0]).toMatch(/^lesson tanh › derivation tanh-via-sigmoid › step collect-constants: at z = /);
  });

  it('whose last line is wrong fails the comparison with the registry', () => {
    const real = loadDerivation('content/derivations/tanh-via-sigmoid.yaml');
    const steps = real.data.steps.map((s, i, all) =>
      i === all.length - 1 ? { ...s, expression: '1 - 1.000001*tanh(z)^2' } : s,
    );
    const { failures } = checkAgainstActivation({ ...real, data: { ...real.data, steps } }, 'tanh');
    expect(failures[0]).toMatch(
      /derivation tanh-via-sigmoid › step difference-of-squares: at z = .* activations\['tanh'\]\.derivative gives/,
    );
  });
});

describe('derivationSchema', () => {
  const valid = {
    title: 'A derivation',
    steps: [
      { id: 'set-up', expression: 'd/dz(z^2)', rule: 'setup' },
      { id: 'power', expression: '2*z', rule: 'power' },
    ],
  };
  it('accepts an indexed derivation and fills its defaults', () => {
    const d = derivationSchema.parse({
      ...valid,
      variable: 'z_j',
      indexed: { vectors: ['z'], indices: ['j'], sizes: [2, 3] },
    });
    expect(d.indexed).toEqual({ vectors: ['z'], indices: ['j'], sizes: [2, 3], define: {}, simplex: [] });
  });
  it('accepts a minimal derivation and fills the defaults', () => {
    const d = derivationSchema.parse(valid);
    expect(d.variable).toBe('z');
    expect(d.params).toEqual({});
    expect(d.kinks).toEqual([]);
  });
  it.each([
    ['a duplicate step id', { ...valid, steps: [valid.steps[0], { ...valid.steps[1], id: 'set-up' }] }],
    [
      'a step id that is not kebab-case',
      { ...valid, steps: [valid.steps[0], { ...valid.steps[1], id: 'Power_Rule' }] },
    ],
    ['a rule outside the list', { ...valid, steps: [valid.steps[0], { ...valid.steps[1], rule: 'magic' }] }],
    ['an unknown field', { ...valid, author: 'me' }],
    ['an unknown activation', { ...valid, activation: 'swishy' }],
    ['a single step', { ...valid, steps: [valid.steps[0]] }],
    ['checkParams naming an unknown parameter', { ...valid, params: { alpha: 1 }, checkParams: [{ beta: 2 }] }],
    ['symbolTeX for a symbol that is neither a parameter nor defined', { ...valid, symbolTeX: { g: 'g(z)' } }],
    ['an infinite kink', { ...valid, kinks: [Number.POSITIVE_INFINITY] }],
    [
      'an indexed derivation whose variable is not a component',
      { ...valid, indexed: { vectors: ['z'], indices: ['j'], sizes: [2] } },
    ],
    [
      'an indexed derivation defining a vector it does not declare',
      { ...valid, variable: 'z_j', indexed: { vectors: ['z'], indices: ['j'], sizes: [2], define: { s_k: 'z_k' } } },
    ],
    [
      'an indexed derivation with no sizes',
      { ...valid, variable: 'z_j', indexed: { vectors: ['z'], indices: ['j'], sizes: [] } },
    ],
    ['an indexed size of 0', { ...valid, variable: 'z_j', indexed: { vectors: ['z'], indices: ['j'], sizes: [0] } }],
  ])('refuses %s', (_label, input) => {
    expect(derivationSchema.safeParse(input).success).toBe(false);
  });
});

/** A copy of `e` with the node `target` (by identity) replaced. */
function replaceNode(e: Expr, target: Expr, by: Expr): Expr {
  if (e === target) return by;
  const kids = children(e);
  return kids.length === 0
    ? e
    : withChildren(
        e,
        kids.map((x) => replaceNode(x, target, by)),
      );
}

/** Number nodes that are an exponent, a factor or a numerator/denominator: changing one changes the function (none of ours sits in an additive constant under d/dz). */
function exponentsAndCoefficients(e: Expr, out: Expr[] = []): Expr[] {
  if (isBinary(e)) {
    if (e.kind === 'pow' && e.right.kind === 'number') out.push(e.right);
    if (e.kind === 'pow' && e.right.kind === 'neg' && e.right.arg.kind === 'number') out.push(e.right.arg);
    if (e.kind === 'mul' || e.kind === 'div')
      for (const side of [e.left, e.right]) if (side.kind === 'number') out.push(side);
    exponentsAndCoefficients(e.left, out);
    exponentsAndCoefficients(e.right, out);
  } else if (e.kind === 'neg' || e.kind === 'derivative') {
    exponentsAndCoefficients(e.arg, out);
  } else if (e.kind === 'call') {
    for (const a of e.args) exponentsAndCoefficients(a, out);
  } else if (e.kind === 'cond') {
    for (const a of [e.then, e.otherwise]) exponentsAndCoefficients(a, out);
  }
  return out;
}

/**
 * Every derivation with one exponent or one coefficient in one step multiplied by 1 + 1e-6: the
 * checker must reject each such copy, naming the changed step or the one after it.
 */
function mutants(d: LoadedDerivation): { label: string; copy: LoadedDerivation; steps: string[] }[] {
  const trees = derivationTrees(d);
  return trees.flatMap((tree, i) => {
    const step = d.data.steps[i];
    if (step === undefined) return [];
    return exponentsAndCoefficients(tree).map((node) => {
      const value = node.kind === 'number' ? node.value : Number.NaN;
      const expression = toText(replaceNode(tree, node, num(value * (1 + 1e-6))));
      const steps = d.data.steps.map((s, j) => (j === i ? { ...s, expression } : s));
      const named = [step.id, d.data.steps[i + 1]?.id].filter((x): x is string => x !== undefined);
      return { label: `${d.id} › ${step.id}: ${expression}`, copy: { ...d, data: { ...d.data, steps } }, steps: named };
    });
  });
}

function derivationTrees(d: LoadedDerivation): Expr[] {
  return parseDerivation(d.id, d.data).map((p) => p.tree);
}

describe('the check bites: one exponent or coefficient off by a factor 1 + 1e-6', () => {
  const cases = derivations.flatMap(mutants);
  it('has many cases', () => {
    expect(cases.length).toBeGreaterThan(80);
  });
  it.each(cases)(
    '$label is rejected',
    ({ copy, steps }) => {
      const { failures } = checkSteps(copy, lessonOf(copy.id));
      expect(failures.length).toBeGreaterThan(0);
      expect(steps.some((id) => failures[0]?.includes(`› step ${id}`))).toBe(true);
    },
    INDEXED_TIMEOUT,
  );
});
