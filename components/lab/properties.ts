import { activationIds, activations } from '../../src/math/index.ts';
import type { ActivationId } from '../../src/math/index.ts';
import { compile } from '../../src/symbolic/index.ts';
import type { Expr, KinkLocation } from '../../src/symbolic/index.ts';

/** A function of z with the parameters bound; NaN where undefined (never throws). */
export type RealFn = (z: number) => number;

/** `e` compiled with `params` bound; NaN where it is undefined or cannot be evaluated. */
export function bind(e: Expr, params: Readonly<Record<string, number>>, variable = 'z'): RealFn {
  const f = compile(e);
  return (z) => {
    try {
      return f({ ...params, [variable]: z });
    } catch {
      return Number.NaN;
    }
  };
}

/** What the lab says about a candidate activation, all computed numerically. */
export interface ActivationProperties {
  /** Smallest and largest g seen on [−50, 50] (and at ±1e3, ±1e6). */
  readonly range: readonly [number, number];
  readonly boundedBelow: boolean;
  readonly boundedAbove: boolean;
  readonly monotonic: 'increasing' | 'decreasing' | 'no';
  readonly zeroCentred: boolean;
  readonly g0: number;
  /** max |g′| on [−50, 50] and where it is reached. */
  readonly maxSlope: { readonly value: number; readonly at: number };
  /** Intervals of [−10, 10] where |g′| < ε. */
  readonly saturation: readonly (readonly [number, number])[];
  readonly epsilon: number;
  /** Kinks (g continuous, g′ jumps), jumps (g jumps) and poles, each checked numerically. */
  readonly kinks: readonly {
    readonly z: number;
    readonly kind: 'kink' | 'jump' | 'pole';
    readonly left: number;
    readonly right: number;
    readonly description: string;
  }[];
  /** The library activation whose g is closest (RMS on [−5, 5]), and that distance. */
  readonly nearest: { readonly id: ActivationId; readonly name: string; readonly rms: number };
  /** Undefined points seen on the grid (domain gaps). */
  readonly undefinedPoints: number;
}

const GRID = 2001;
const SPAN = 50;

/**
 * Properties of g (with derivative g′) by sampling: g and g′ on 2001 points of [−50, 50] (g′ only
 * where g is defined), g at ±1e3 and ±1e6 for the tails (see `grows`), the
 * saturation zones |g′| < ε on [−10, 10], the located kinks confirmed by one-sided difference
 * quotients, and the nearest registry activation by RMS distance of g on [−5, 5].
 */
export function activationProperties(
  g: RealFn,
  dg: RealFn,
  located: readonly KinkLocation[],
  epsilon = 0.01,
): ActivationProperties {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let increasing = true;
  let decreasing = true;
  let maxSlope = { value: 0, at: 0 };
  let undefinedPoints = 0;
  for (let i = 0; i < GRID; i++) {
    const z = -SPAN + (2 * SPAN * i) / (GRID - 1);
    const y = g(z);
    const d = dg(z);
    if (!Number.isFinite(y)) undefinedPoints++;
    else {
      lo = Math.min(lo, y);
      hi = Math.max(hi, y);
    }
    if (Number.isFinite(d) && Number.isFinite(y)) {
      if (d < -1e-12) increasing = false;
      if (d > 1e-12) decreasing = false;
      if (Math.abs(d) > maxSlope.value) maxSlope = { value: Math.abs(d), at: z };
    }
  }
  // Tails: g(50), g(1e3), g(1e6). Unbounded on that side if the gain from 1e3 to 1e6 is at least
  // half the gain from 50 to 1e3 (z, √z, ln z keep gaining; softsign's and σ's gains shrink to 0).
  const tail = (sign: 1 | -1): [number, number, number] => [g(sign * SPAN), g(sign * 1e3), g(sign * 1e6)];
  const grows = ([a, b, c]: [number, number, number], up: boolean): boolean => {
    if (![a, b, c].every(Number.isFinite)) return [b, c].some((v) => v === (up ? Infinity : -Infinity));
    const first = up ? b - a : a - b;
    const second = up ? c - b : b - c;
    return first > 0 && second > 1e-9 * Math.max(1, Math.abs(b)) && second >= 0.5 * first;
  };
  const right = tail(1);
  const left = tail(-1);
  for (const v of [...right, ...left]) {
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  // A pole (1/z) or a point where g is undefined: no bound can be claimed from samples.
  const kinks = confirmKinks(g, located);
  const poles = undefinedPoints > 0 || located.some((k) => k.kind === 'pole');
  const boundedAbove = !poles && !(grows(right, true) || grows(left, true));
  const boundedBelow = !poles && !(grows(right, false) || grows(left, false));
  const g0 = g(0);
  // Zero-centred as the registry means it (tanh, softsign): odd, g(−z) = −g(z), so outputs
  // centre on 0. SiLU takes both signs with g(0) = 0 but is far from odd: not zero-centred.
  let odd = Number.isFinite(g0) && Math.abs(g0) < 1e-12;
  for (let i = 1; odd && i <= 200; i++) {
    const z = (SPAN * i) / 200;
    const [a, b] = [g(z), g(-z)];
    if (!(Math.abs(a + b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)))) odd = false;
  }
  return {
    range: [boundedBelow ? lo : Number.NEGATIVE_INFINITY, boundedAbove ? hi : Number.POSITIVE_INFINITY],
    boundedBelow,
    boundedAbove,
    // Across a pole g jumps (1/z from −∞ to +∞): not monotonic, whatever the sign of g′ beside it.
    monotonic: poles ? 'no' : increasing ? 'increasing' : decreasing ? 'decreasing' : 'no',
    zeroCentred: odd && lo < 0 && hi > 0,
    g0,
    maxSlope,
    saturation: saturationZones(dg, epsilon),
    epsilon,
    kinks,
    nearest: nearestActivation(g),
    undefinedPoints,
  };
}

/** Closed intervals of [−10, 10] (401 points) where |g′| < ε. */
export function saturationZones(dg: RealFn, epsilon: number, span = 10, n = 401): [number, number][] {
  const zones: [number, number][] = [];
  let start: number | undefined;
  let last = -span;
  for (let i = 0; i < n; i++) {
    const z = -span + (2 * span * i) / (n - 1);
    const d = dg(z);
    const flat = Number.isFinite(d) && Math.abs(d) < epsilon;
    if (flat && start === undefined) start = z;
    if (!flat && start !== undefined) {
      zones.push([start, last]);
      start = undefined;
    }
    last = z;
  }
  if (start !== undefined) zones.push([start, span]);
  return zones;
}

/**
 * Keeps located points that are real: a jump if g(k ± h) differ by more than 1e-6 (relative), a
 * kink if the one-sided slopes differ by more than 1e-4, a pole if g′ is undefined there; anything
 * else (a branch point where both branches meet smoothly) is dropped. h = 1e-6·max(1, |k|).
 */
function confirmKinks(g: RealFn, located: readonly KinkLocation[]): ActivationProperties['kinks'] {
  const out: ActivationProperties['kinks'][number][] = [];
  for (const k of located) {
    if (Math.abs(k.z) > SPAN) continue;
    const h = 1e-6 * Math.max(1, Math.abs(k.z));
    const [a, b, c, d] = [g(k.z - 2 * h), g(k.z - h), g(k.z + h), g(k.z + 2 * h)];
    const leftSlope = (b - a) / h;
    const rightSlope = (d - c) / h;
    const scale = Math.max(1, Math.abs(b), Math.abs(c));
    let kind: 'kink' | 'jump' | 'pole' | undefined;
    if (![a, b, c, d].every(Number.isFinite) || k.kind === 'pole') kind = 'pole';
    else if (Math.abs(c - b) > 1e-6 * scale + 4 * h * Math.max(Math.abs(leftSlope), Math.abs(rightSlope)))
      kind = 'jump';
    else if (Math.abs(leftSlope - rightSlope) > 1e-4 * Math.max(1, Math.abs(leftSlope), Math.abs(rightSlope)))
      kind = 'kink';
    if (
      kind === 'pole' &&
      [a, b, c, d].every(Number.isFinite) &&
      Math.abs(leftSlope - rightSlope) < 1e-4 * Math.max(1, Math.abs(leftSlope))
    ) {
      kind = undefined; // a denominator's zero that cancels (or lies outside the domain): nothing there
    }
    if (kind !== undefined) out.push({ z: k.z, kind, left: leftSlope, right: rightSlope, description: k.description });
  }
  return out;
}

/** The registry activation closest to g: RMS of g − g_lib over 201 points of [−5, 5] (default parameters). */
export function nearestActivation(g: RealFn): ActivationProperties['nearest'] {
  let best: ActivationProperties['nearest'] = {
    id: 'relu',
    name: activations.relu.name,
    rms: Number.POSITIVE_INFINITY,
  };
  for (const id of activationIds) {
    const entry = activations[id];
    let sum = 0;
    let count = 0;
    for (let i = 0; i <= 200; i++) {
      const z = -5 + i / 20;
      const y = g(z);
      if (!Number.isFinite(y)) continue;
      sum += (y - entry.value(z)) ** 2;
      count++;
    }
    const rms = count === 0 ? Number.POSITIVE_INFINITY : Math.sqrt(sum / count);
    if (rms < best.rms) best = { id, name: entry.name, rms };
  }
  return best;
}

/** The result of comparing g′ (symbolic) with a numerical derivative of g at sample points. */
export interface Agreement {
  readonly agree: boolean;
  readonly compared: number;
  readonly disagreeing: number;
  /** The worst point, when one disagreed. */
  readonly worst?: { readonly z: number; readonly symbolic: number; readonly numeric: number };
}

/** f′(z) by Richardson extrapolation of central differences (four halvings, to order h⁸). */
export function numericDerivative(f: RealFn, z: number): number {
  let h = 0.01 * Math.max(1, Math.abs(z));
  const rows: number[][] = [];
  for (let i = 0; i < 5; i++, h /= 2) {
    const row = [(f(z + h) - f(z - h)) / (2 * h)];
    for (let k = 1; k <= i; k++) {
      const p = 4 ** k;
      row.push((p * (row[k - 1] ?? Number.NaN) - (rows[i - 1]?.[k - 1] ?? Number.NaN)) / (p - 1));
    }
    rows.push(row);
  }
  return rows[4]?.[4] ?? Number.NaN;
}

/**
 * The agreement badge: g′ against the numerical derivative of g at 61 points of [−6, 6] (offset so
 * that none is a round number), skipping points within 0.1 of a located kink, jump or pole and
 * points where either is undefined. Agreement: |g′ − numeric| ≤ 1e-6·(1 + |g′|).
 */
export function numericAgreement(g: RealFn, dg: RealFn, avoid: readonly number[]): Agreement {
  let compared = 0;
  let disagreeing = 0;
  let worst: Agreement['worst'];
  let worstError = 0;
  for (let i = 0; i <= 60; i++) {
    const z = -6 + i / 5 + 0.0123;
    if (avoid.some((k) => Math.abs(z - k) < 0.1)) continue;
    const symbolic = dg(z);
    const numeric = numericDerivative(g, z);
    if (!Number.isFinite(symbolic) || !Number.isFinite(numeric)) continue;
    compared++;
    const error = Math.abs(symbolic - numeric) / (1 + Math.abs(symbolic));
    if (error > 1e-6) disagreeing++;
    if (error > worstError) {
      worstError = error;
      if (error > 1e-6) worst = { z, symbolic, numeric };
    }
  }
  return { agree: compared > 0 && disagreeing === 0, compared, disagreeing, ...(worst === undefined ? {} : { worst }) };
}
