import type { Activation, ParamName, Params } from './activation.ts';

/** True when `x` lies in the spec's range, honouring open and closed ends. */
function inRange(x: number, min: number, max: number, minInclusive: boolean, maxInclusive: boolean): boolean {
  const aboveMin = minInclusive ? x >= min : x > min;
  const belowMax = maxInclusive ? x <= max : x < max;
  return aboveMin && belowMax;
}

/**
 * Fill in defaults and check `params` against the entry's specs. Throws a RangeError for a name the
 * activation does not take, a non-finite or out-of-range value, or a change to a fixed constant.
 * The hot paths (`value`, `derivative`) do not validate; widgets and the sampling helpers do, once.
 */
export function resolveParams(activation: Activation, params?: Params): Params {
  const resolved: Partial<Record<ParamName, number>> = {};
  for (const spec of activation.params) resolved[spec.name] = spec.default;
  if (params === undefined) return resolved;
  for (const [name, x] of Object.entries(params) as [ParamName, number | undefined][]) {
    if (x === undefined) continue;
    const spec = activation.params.find((s) => s.name === name);
    if (spec === undefined) throw new RangeError(`${activation.id} has no parameter "${name}"`);
    if (!spec.adjustable && x !== spec.default) {
      throw new RangeError(`${activation.id}: ${name} is a fixed constant (${spec.default})`);
    }
    if (!Number.isFinite(x) || !inRange(x, spec.min, spec.max, spec.minInclusive, spec.maxInclusive)) {
      const lo = spec.minInclusive ? '[' : '(';
      const hi = spec.maxInclusive ? ']' : ')';
      throw new RangeError(`${activation.id}: ${name} = ${x} is outside ${lo}${spec.min}, ${spec.max}${hi}`);
    }
    resolved[name] = x;
  }
  return resolved;
}
