/**
 * Plot widgets: pure chart specs and text descriptions (this file), the Astro components
 * (ActivationPlot, ComparePlot, DepthFlow, DeadUnits) and their lazily loaded client code.
 */
export {
  activationBaseSpec,
  activationCurveData,
  activationCurveKey,
  activationDataKey,
  activationPlotData,
  activationPlotSpec,
  activationZones,
  pointGeometry,
  POINT_CLASSES,
  activationReadout,
  tangentSegment,
  activationStateQuery,
  normalizeActivationState,
  readActivationState,
  CURVE_POINTS,
} from './specs/activation-plot-spec.ts';
export type {
  ActivationCurveData,
  ActivationPlotData,
  ActivationPlotState,
  PointGeometry,
} from './specs/activation-plot-spec.ts';
export {
  describeActivation,
  describeKinks,
  describePeak,
  describePoint,
  describeZones,
} from './specs/describe-activation.ts';
export {
  compareStateQuery,
  comparePlotData,
  comparePlotSpec,
  describeCompare,
  readCompareState,
} from './specs/compare-plot-spec.ts';
export type { CompareCurve, ComparePlotState } from './specs/compare-plot-spec.ts';
export {
  depthFlowData,
  depthFlowSpec,
  depthFlowStateQuery,
  describeDepthFlow,
  readDepthFlowState,
} from './specs/depth-flow-spec.ts';
export type { DepthFlowData, DepthFlowState } from './specs/depth-flow-spec.ts';
export {
  deadFraction,
  deadIntervals,
  deadUnitsData,
  deadUnitsSpec,
  deadUnitsStateQuery,
  describeDeadUnits,
  readDeadUnitsState,
} from './specs/dead-units-spec.ts';
export type { DeadUnitsData, DeadUnitsState } from './specs/dead-units-spec.ts';
export { describeLossGradient, lossGradientData, lossGradientSpec, LOSS_LABELS } from './specs/loss-gradient-spec.ts';
export type { LossGradientData, LossGradientState } from './specs/loss-gradient-spec.ts';
export { paramControls } from './specs/param-controls.ts';
export type { ParamControl } from './specs/param-controls.ts';
export { queryReader, writeQuery } from './specs/query.ts';
export { formatNumber, formatPercent, formatZ } from './format.ts';
export { seriesStyle } from './palette.ts';
