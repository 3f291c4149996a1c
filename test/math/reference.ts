/** Loads test/reference/activations.json (written by test/reference/generate.py). */
import { readFileSync } from 'node:fs';
import type { ActivationId } from '../../src/math/index.ts';

export interface ReferenceCase {
  readonly z: number;
  readonly value: number;
  readonly derivative: number;
}

interface Extremum {
  readonly z: number;
  readonly value: number;
}

interface RawExtremum {
  z: string;
  value: string;
}

interface RawTable {
  dps: number;
  cases: Record<string, { z: string; value: string; derivative: string }[]>;
  extrema: { minValue: Record<string, RawExtremum>; maxDerivative: Record<string, RawExtremum> };
}

const raw = JSON.parse(readFileSync(new URL('../reference/activations.json', import.meta.url), 'utf8')) as RawTable;

/** Number(repr) is exact: the generator stores each double with Python's round-tripping repr. */
export const referenceCases: Readonly<Record<string, readonly ReferenceCase[]>> = Object.fromEntries(
  Object.entries(raw.cases).map(([id, rows]) => [
    id,
    rows.map((r) => ({ z: Number(r.z), value: Number(r.value), derivative: Number(r.derivative) })),
  ]),
);

function parseExtrema(rows: Record<string, RawExtremum>): Partial<Record<ActivationId, Extremum>> {
  return Object.fromEntries(Object.entries(rows).map(([id, e]) => [id, { z: Number(e.z), value: Number(e.value) }]));
}

/** Minimum of g (lower end of the range) for the non-monotonic smooth activations. */
export const referenceMinValue = parseExtrema(raw.extrema.minValue);
/** Maximum of g' and where it is attained. */
export const referenceMaxDerivative = parseExtrema(raw.extrema.maxDerivative);
export const referenceDps = raw.dps;
