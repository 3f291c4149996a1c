/**
 * A widget's settings: each key of `defaults` from `given` when given (not undefined), else the
 * default. The defaults object next to each spec is the one place a widget's defaults are written.
 */
export function withDefaults<T extends object>(defaults: T, given: { readonly [K in keyof T]?: T[K] | undefined }): T {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = given[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
