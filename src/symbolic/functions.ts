import { activationFunctions } from './functions/activation-functions.ts';
import type { ActivationFunctionName } from './functions/activation-functions.ts';
import { elementaryFunctions } from './functions/elementary.ts';
import type { ElementaryName } from './functions/elementary.ts';
import { extremumFunctions } from './functions/extremum.ts';
import type { ExtremumName } from './functions/extremum.ts';
import type { FunctionInfo } from './functions/function-info.ts';

export type {
  ErrorModel,
  FunctionInfo,
  KinkSpec,
  OuterDerivative,
  PreciseMath,
  RuleTools,
} from './functions/function-info.ts';

/**
 * Every function the expression language knows, by its canonical (printed) name. Each family
 * declares its names next to its entries (`functions/elementary.ts`, `functions/extremum.ts`,
 * `functions/activation-functions.ts`); adding a function is one entry there.
 */
export type FunctionName = ElementaryName | ExtremumName | ActivationFunctionName;

/** Every function in help-popover order: elementary, max/min, then the activations. */
export const functionList: readonly FunctionInfo[] = [
  ...elementaryFunctions,
  ...extremumFunctions,
  ...activationFunctions,
];

/** The function table, keyed by canonical name. A `Map`, so no student text reaches an object's prototype. */
export const FUNCTIONS: ReadonlyMap<FunctionName, FunctionInfo> = new Map(functionList.map((f) => [f.name, f]));

/** Other spellings the parser accepts (each entry's `aliases`), mapped to the canonical name. */
// A symbol an exercise declares (`u`, a parameter `sigma`) takes precedence over an alias.
const ALIASES: ReadonlyMap<string, FunctionName> = new Map(
  functionList.flatMap((f) => (f.aliases ?? []).map((a): [string, FunctionName] => [a, f.name])),
);

/** The function a typed name denotes (canonical name or alias), or undefined. */
export function lookupFunction(typed: string): FunctionInfo | undefined {
  const canonical = ALIASES.get(typed) ?? typed;
  return (FUNCTIONS as ReadonlyMap<string, FunctionInfo>).get(canonical);
}
