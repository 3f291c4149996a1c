import { activations } from '../math/index.ts';
import type { ActivationId, ParamName } from '../math/index.ts';

/**
 * g(z) for the registry activation `id`, through the math core (one implementation of every
 * activation on the site). With `param`, the second argument overrides that parameter
 * (`leaky_relu(z, 0.2)` → `{ alpha: 0.2 }`); without, the entry's default applies.
 */
export function activationValue(id: ActivationId, z: number, param?: ParamName, value?: number): number {
  const entry = activations[id];
  return param === undefined || value === undefined ? entry.value(z) : entry.value(z, { [param]: value });
}
