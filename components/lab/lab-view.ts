import katex from 'katex';
import { katexOptions } from '../../src/build/katex-options.ts';
import { changedNodes, children, derive, locateKinks, parseWithParameters, toTeX } from '../../src/symbolic/index.ts';
import type { DerivativeRule, Expr, ParseError } from '../../src/symbolic/index.ts';
import { formatNumber, formatZ } from '../plots/format.ts';
import { checkSteps } from './check-steps.ts';
import { findInTermsOfG } from './in-terms-of-g.ts';
import type { GForm } from './in-terms-of-g.ts';
import { labPlotSamples } from './lab-plot-spec.ts';
import type { LabPlotSamples } from './lab-plot-spec.ts';
import { paramRange } from './lab-state.ts';
import type { LabState, ParamRange } from './lab-state.ts';
import { activationProperties, bind, numericAgreement } from './properties.ts';
import type { ActivationProperties, Agreement } from './properties.ts';

/** Badge text of each rule, as the lessons' derivation component labels its rules. */
export const RULE_LABELS: Readonly<Record<DerivativeRule, string>> = {
  setup: 'Set up',
  constant: 'Constant',
  sum: 'Sum rule',
  'constant-multiple': 'Constant multiple',
  product: 'Product rule',
  quotient: 'Quotient rule',
  power: 'Power rule',
  chain: 'Chain rule',
  exponential: 'Exponential rule',
  logarithm: 'Logarithm rule',
  'known-derivative': 'Known derivative',
  piecewise: 'Piecewise',
  definition: 'Definition',
  simplification: 'Simplification',
};

/** One generated step as the page shows it. */
export interface StepView {
  readonly number: number;
  readonly rule: DerivativeRule;
  readonly ruleLabel: string;
  readonly note: string;
  readonly expression: string;
  /** KaTeX HTML of the step, the part changed since the previous step highlighted. */
  readonly mathHtml: string;
  /** The step checker's verdict against the previous step (undefined for step 1). */
  readonly check: { readonly ok: boolean; readonly reason?: string } | undefined;
}

export interface ParameterView extends ParamRange {
  readonly name: string;
  readonly value: number;
}

/** One line of the properties list. */
export interface PropertyLine {
  readonly label: string;
  readonly value: string;
}

export type LabView =
  | {
      readonly ok: true;
      readonly state: LabState;
      readonly parameters: readonly ParameterView[];
      readonly inputHtml: string;
      readonly derivative: string;
      readonly derivativeHtml: string;
      readonly steps: readonly StepView[];
      readonly failedChecks: number;
      readonly gForm: (GForm & { readonly html: string }) | undefined;
      readonly properties: ActivationProperties;
      readonly propertyLines: readonly PropertyLine[];
      readonly agreement: Agreement;
      /** The plot as sampled data (structured-cloneable: the lab computes views in a Web Worker). */
      readonly plot: LabPlotSamples;
      readonly plotDescription: string;
    }
  | { readonly ok: false; readonly state: LabState; readonly error: ParseError };

/** Display KaTeX with the site's options (highlight via \htmlClass allowed). */
export function typeset(tex: string, displayMode = true): string {
  return katex.renderToString(tex, { ...katexOptions, displayMode });
}

/** Whether `e` mentions the name `n`. */
function mentions(e: Expr, n: string): boolean {
  return (e.kind === 'name' && e.name === n) || children(e).some((c) => mentions(c, n));
}

/** Plot z-range of the lab. */
export const LAB_RANGE = 6;

/**
 * Everything the lab shows for a function and parameter values: parse (parameters allowed),
 * derivation with steps, each step checked by THE checker, the derivative in terms of g, the
 * properties, the numeric agreement badge and the plot. Pure; never throws for any input text.
 */
export function labView(state: LabState): LabView {
  const parsed = parseWithParameters(state.f);
  if (!parsed.ok) return { ok: false, state, error: parsed.error };
  // `x^2` or `5`: a function of no z would silently become a parameter or a constant.
  if (!mentions(parsed.tree, 'z')) {
    const first = parsed.parameters[0];
    const at = first === undefined ? -1 : state.f.search(new RegExp(`(?<![A-Za-z0-9_])${first}(?![A-Za-z0-9_])`));
    return {
      ok: false,
      state,
      error: {
        code: 'no-variable',
        message: 'g does not depend on z',
        position: Math.max(0, at),
        hint: first === undefined ? 'write a function of z, e.g. z*sigmoid(z)' : `did you mean z instead of ${first}?`,
      },
    };
  }
  const result = derive(parsed.tree, parsed.parameters);
  if (!result.ok) return { ok: false, state, error: result.error };
  const parameters: ParameterView[] = result.parameters.map((n) => {
    const range = paramRange(n);
    const given = state.params[n];
    return { name: n, ...range, value: given === undefined ? range.default : given };
  });
  const params = Object.fromEntries(parameters.map((p) => [p.name, p.value]));
  const g = bind(result.input, params);
  const dg = bind(result.derivativeTree, params);
  const located = locateKinks(result.kinks, { params });
  const checks = checkSteps(result.steps, { params, kinks: located.map((k) => k.z) });
  let previous: Expr | undefined;
  const steps = result.steps.map((line, i): StepView => {
    const changed = previous === undefined ? new Set<Expr>() : changedNodes(previous, line.tree);
    const highlight = changed.has(line.tree) ? new Set<Expr>() : changed;
    previous = line.tree;
    const body = toTeX(line.tree, { highlight });
    const verdict = checks.find((c) => c.index === i);
    return {
      number: i + 1,
      rule: line.rule,
      ruleLabel: RULE_LABELS[line.rule],
      note: line.note,
      expression: line.expression,
      mathHtml: typeset(i === 0 ? body : `= ${body}`),
      check:
        verdict === undefined
          ? undefined
          : { ok: verdict.ok, ...(verdict.reason === undefined ? {} : { reason: verdict.reason }) },
    };
  });
  const properties = activationProperties(g, dg, located);
  const form = findInTermsOfG(result.input, result.derivativeTree, result.parameters, params);
  const agreement = numericAgreement(
    g,
    dg,
    properties.kinks.map((k) => k.z),
  );
  const plot = labPlotSamples({
    g,
    dg,
    range: LAB_RANGE,
    zones: properties.saturation.filter(([a, b]) => b >= -LAB_RANGE && a <= LAB_RANGE),
    kinks: properties.kinks.map((k) => k.z),
  });
  return {
    ok: true,
    state: { f: state.f, params },
    parameters,
    inputHtml: typeset(`g(z) = ${toTeX(result.input)}`),
    derivative: result.derivative,
    derivativeHtml: typeset(`g'(z) = ${toTeX(result.derivativeTree)}`),
    steps,
    failedChecks: checks.filter((c) => !c.ok).length,
    gForm: form === undefined ? undefined : { ...form, html: typeset(`g'(z) = ${toTeX(form.tree)}`) },
    properties,
    propertyLines: propertyLines(properties),
    agreement,
    plot,
    plotDescription: `g (solid) and g′ (dashed) for z from −${LAB_RANGE} to ${LAB_RANGE}.`,
  };
}

/** The properties as label/value lines with a short explanation each. */
export function propertyLines(p: ActivationProperties): PropertyLine[] {
  const range = `(${formatNumber(p.range[0])}, ${formatNumber(p.range[1])})`;
  const bounded =
    !Number.isFinite(p.range[0]) && !Number.isFinite(p.range[1]) && p.undefinedPoints > 0
      ? 'unbounded (g is undefined at some points)'
      : p.boundedAbove && p.boundedBelow
        ? 'bounded'
        : p.boundedBelow
          ? 'bounded below only'
          : p.boundedAbove
            ? 'bounded above only'
            : 'unbounded';
  const lines: PropertyLine[] = [
    { label: 'Range', value: `${range}, ${bounded} (sampled on [−50, 50], tails at ±10⁶)` },
    {
      label: 'Monotonic',
      value:
        p.monotonic === 'increasing'
          ? 'yes, non-decreasing: g′ ≥ 0 at every sampled point'
          : p.monotonic === 'decreasing'
            ? 'non-increasing: g′ ≤ 0 at every sampled point'
            : 'no: g′ changes sign or g jumps (a dip, a bump or a pole)',
    },
    {
      label: 'Zero-centred',
      value: p.zeroCentred
        ? 'yes: g is odd (g(−z) = −g(z)), so outputs centre on 0'
        : !Number.isFinite(p.g0)
          ? 'no: g is not defined at 0'
          : Math.abs(p.g0) >= 1e-12
            ? `no: g(0) = ${formatNumber(p.g0)}${p.range[0] >= 0 ? ' and g is never negative' : ''}`
            : `no: g(0) = 0 but g is not odd, so its outputs do not centre on 0${p.range[0] >= 0 ? ' (g is never negative)' : ''}`,
    },
    {
      label: 'Largest slope',
      value: `max |g′| = ${formatNumber(p.maxSlope.value)} at z = ${formatZ(p.maxSlope.at)}${p.maxSlope.value > 1 + 1e-9 ? ': above 1, so stacked layers can amplify gradients' : p.maxSlope.value < 1 - 1e-9 ? ': below 1, so gradients shrink through stacked layers' : ''}`,
    },
    {
      label: `Saturation (|g′| < ${formatNumber(p.epsilon)})`,
      value:
        p.saturation.length === 0
          ? 'none on [−10, 10]'
          : p.saturation.map(([a, b]) => `[${formatZ(a)}, ${formatZ(b)}]`).join(', ') +
            ' on [−10, 10]: little gradient flows there',
    },
    {
      label: 'Kinks',
      value:
        p.kinks.length === 0
          ? 'none: g′ is continuous wherever g is defined'
          : p.kinks
              .map((k) =>
                k.kind === 'kink'
                  ? `kink at z = ${formatZ(k.z)} (slope ${formatNumber(k.left)} on the left, ${formatNumber(k.right)} on the right; ${k.description})`
                  : k.kind === 'jump'
                    ? `jump at z = ${formatZ(k.z)} (${k.description})`
                    : `g′ undefined at z = ${formatZ(k.z)} (${k.description})`,
              )
              .join('; '),
    },
  ];
  // An RMS distance that is not finite (g undefined or huge somewhere on [−5, 5]) names no neighbour.
  if (Number.isFinite(p.nearest.rms)) {
    lines.push({
      label: 'Nearest library activation',
      value: `${p.nearest.name} (RMS distance ${formatNumber(p.nearest.rms)} on [−5, 5])`,
    });
  }
  if (p.undefinedPoints > 0)
    lines.push({ label: 'Domain', value: `undefined at ${p.undefinedPoints} of 2001 sampled points of [−50, 50]` });
  return lines;
}
