import {
  activations,
  lowGradientIntervals,
  maxAbsDerivative,
  sampleGrid,
  type Activation,
  type Params,
} from '../../../src/math/index.ts';
import { formatNumber, formatReadout, formatZ } from '../format.ts';
import type { ActivationPlotState } from './activation-plot-spec.ts';

interface Window {
  readonly from: number;
  readonly to: number;
  readonly params: Params;
}

/** Relative tolerance for "the same value" on a plateau of g′ and for symmetric zone ends. */
const SAME = 1e-9;

/**
 * Where |g′| is largest on the window, in words: "peaks at 0.25 at z = 0", or for a plateau
 * (ReLU's g′ = 1 for z > 0) "is largest, 1, for z > 0".
 */
export function describePeak(activation: Activation, window: Window): string {
  const peak = maxAbsDerivative(activation, window);
  const kinks = activation.kinks.map((k) => k.at);
  const grid = sampleGrid(window.from, window.to, 2001, kinks);
  const abs = (x: number): number => Math.abs(activation.derivative(x, window.params));
  const onPlateau: number[] = [];
  for (const x of grid) if (Math.abs(abs(x) - peak.value) <= SAME * peak.value) onPlateau.push(x);
  const value = formatNumber(peak.value);
  if (onPlateau.length < 3) {
    const edge = peak.z === window.from || peak.z === window.to;
    return edge
      ? `is largest at the edge of the plot, ${value} at z = ${formatZ(peak.z)}`
      : `peaks at ${value} at z = ${formatZ(peak.z)}`;
  }
  // The plateau's ends: a kink next to the first/last plateau point is the true end.
  const first = onPlateau[0] as number;
  const last = onPlateau[onPlateau.length - 1] as number;
  const i = grid.indexOf(first);
  const j = grid.indexOf(last);
  const left = i > 0 && kinks.includes(grid[i - 1] as number) ? (grid[i - 1] as number) : first;
  const right = j < grid.length - 1 && kinks.includes(grid[j + 1] as number) ? (grid[j + 1] as number) : last;
  const atFrom = first === window.from;
  const atTo = last === window.to;
  if (atFrom && atTo) return `is ${value} everywhere`;
  if (atTo) return `is largest, ${value}, for z > ${formatZ(left)}`;
  if (atFrom) return `is largest, ${value}, for z < ${formatZ(right)}`;
  return `is largest, ${value}, for ${formatZ(left)} < z < ${formatZ(right)}`;
}

/** Where |g′| < ε on the window, in words ("for |z| > 4.6"), or `undefined` when nowhere. */
export function describeZones(activation: Activation, window: Window, epsilon: number): string | undefined {
  const zones = lowGradientIntervals(activation, { ...window, epsilon });
  if (zones.length === 0) return undefined;
  const scale = window.to - window.from;
  // Two significant digits ("|z| > 4.6"), three when two would merge distinct ends (a narrow dip).
  const ends = zones.flat().filter((x) => x !== window.from && x !== window.to);
  const short = ends.map((x) => formatNumber(x, 2));
  const digits = new Set(short).size === short.length ? 2 : 3;
  const formatZ = (x: number): string => formatNumber(Math.abs(x) < 1e-9 * scale ? 0 : x, digits);
  const [a, b] = zones[0] as [number, number];
  if (zones.length === 1) {
    if (a === window.from && b === window.to) return 'everywhere on the plotted range';
    if (a === window.from) return `for z < ${formatZ(b)}`;
    if (b === window.to) return `for z > ${formatZ(a)}`;
    return `for ${formatZ(a)} < z < ${formatZ(b)}`;
  }
  const [c, d] = zones[zones.length - 1] as [number, number];
  if (zones.length === 2 && a === window.from && d === window.to && Math.abs(b + c) <= SAME * scale) {
    return `for |z| > ${formatZ(c)}`;
  }
  const parts = zones.map(([p, q]) =>
    p === window.from
      ? `z < ${formatZ(q)}`
      : q === window.to
        ? `z > ${formatZ(p)}`
        : `${formatZ(p)} < z < ${formatZ(q)}`,
  );
  return `for ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

/** Kinks inside the window where g′ jumps, e.g. "At z = 0, g′ jumps from 0 to 1 (the plot uses g′(0) = 0, …)". */
export function describeKinks(activation: Activation, window: Window): string[] {
  const out: string[] = [];
  for (const kink of activation.kinks) {
    if (kink.at <= window.from || kink.at >= window.to) continue;
    const h = 1e-9 * Math.max(1, Math.abs(kink.at));
    const left = activation.derivative(kink.at - h, window.params);
    const right = activation.derivative(kink.at + h, window.params);
    const at = activation.derivative(kink.at, window.params);
    if (formatNumber(left) === formatNumber(right)) continue;
    const z = formatZ(kink.at);
    out.push(
      `At z = ${z}, g′ jumps from ${formatNumber(left)} to ${formatNumber(right)} (the plot uses g′(${z}) = ${formatNumber(at)}, as PyTorch does)`,
    );
  }
  return out;
}

/**
 * The activation plot's text description, generated from the math: where g′ peaks, where it is
 * below ε (the shaded zones), and where it jumps. E.g. for sigmoid on [−8, 8] with ε = 0.01:
 * "Sigmoid and its derivative for z from −8 to 8. g′ peaks at 0.25 at z = 0 and is below 0.01 for |z| > 4.6."
 */
export function describeActivation(state: ActivationPlotState): string {
  const activation = activations[state.activation];
  const window = { from: -state.range, to: state.range, params: state.params };
  const paramText = Object.entries(state.params)
    .map(([name, x]) => `${name === 'alpha' ? 'α' : name === 'beta' ? 'β' : name} = ${formatNumber(x ?? NaN)}`)
    .join(', ');
  const head = `${activation.name}${paramText === '' ? '' : ` (${paramText})`} and its derivative for z from ${formatNumber(window.from)} to ${formatNumber(window.to)}.`;
  const gPrime = activation.properties.monotonic ? 'g′' : '|g′|';
  const zones = describeZones(activation, window, state.epsilon);
  const low =
    zones === undefined
      ? `never drops below ${formatNumber(state.epsilon)} here`
      : `is below ${formatNumber(state.epsilon)} ${zones} (shaded)`;
  const sentences = [head, `${gPrime} ${describePeak(activation, window)} and ${low}.`];
  for (const kink of describeKinks(activation, window)) sentences.push(`${kink}.`);
  return sentences.join(' ');
}

/** The point's readout in words, for `aria-valuetext`: "z = 2, g(z) = 0.881, g′(z) = 0.105". */
export function describePoint(z: number, g: number, dg: number): string {
  return `z = ${formatZ(z)}, g(z) = ${formatReadout(g)}, g′(z) = ${formatReadout(dg)}`;
}
