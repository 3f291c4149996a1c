// The course's one expression language: parse answer syntax, print TeX and text, evaluate.
export type {
  Expr,
  NumberNode,
  NameNode,
  ConstantNode,
  NegNode,
  BinaryKind,
  BinaryNode,
  CallNode,
  CompareOp,
  CompareNode,
  CondNode,
  DerivativeNode,
  SumNode,
  DeltaNode,
} from './expr.ts';
export {
  num,
  name,
  constant,
  neg,
  binary,
  add,
  sub,
  mul,
  div,
  pow,
  call,
  compare,
  cond,
  derivative,
  sumOver,
  kronecker,
  isBinary,
  children,
} from './expr.ts';
export type { ParseError } from './parse-error.ts';
export type { ParseOptions, ParseResult } from './parse.ts';
export { parse, MAX_INPUT_LENGTH, MAX_DEPTH } from './parse.ts';
export type {
  FunctionName,
  FunctionInfo,
  ErrorModel,
  KinkSpec,
  OuterDerivative,
  PreciseMath,
  RuleTools,
} from './functions.ts';
export { functionList, FUNCTIONS } from './functions.ts';
export type { TeXOptions } from './to-tex.ts';
export { toTeX } from './to-tex.ts';
export { toText } from './to-text.ts';
export type { Env, CompiledExpr } from './compile.ts';
export { compile, compareValues, EvaluationError } from './compile.ts';
export { evaluate } from './evaluate.ts';
export { equalTrees, changedNodes } from './equal-trees.ts';
export type { SimplifyOptions } from './simplify.ts';
export { simplify } from './simplify.ts';
export type { DerivativeRule, KinkSource, RuleApplication } from './derivative-rules.ts';
export { applyRule } from './derivative-rules.ts';
export { isClosed, isConstant, mentionsName, someNode, substitute, withChildren } from './tree.ts';
export type {
  DifferentiateOptions,
  DifferentiateResult,
  Differentiation,
  DifferentiationFailure,
  DerivationLine,
  ParameterParse,
} from './differentiate.ts';
export { differentiate, derive, parseWithParameters, isParameterName, MAX_PARAMETERS } from './differentiate.ts';
export type { LocateKinksOptions, KinkLocation } from './locate-kinks.ts';
export { locateKinks } from './locate-kinks.ts';
export type { TeXReadError, TeXErrorCode } from './tex-read-error.ts';
export type { TeXDefinition, TeXReadOptions, TeXReadResult } from './read-tex.ts';
export { readTeX } from './read-tex.ts';
export type { RelationOp, TeXSide, TeXStatement, SplitResult } from './split-tex.ts';
export { splitTeX } from './split-tex.ts';
export type { IndexedOptions } from './indexed.ts';
export { MAX_COMPONENT } from './indexed.ts';
export type { ExpandOptions, ExpandResult, ExpandError } from './expand-indices.ts';
export { expandIndices, MAX_EXPANDED_TERMS } from './expand-indices.ts';
