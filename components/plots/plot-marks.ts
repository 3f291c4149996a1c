/**
 * The only module that imports Observable Plot. Re-exporting just the marks the specs use keeps the
 * client chunk tree-shaken (see `npm run size`).
 */
export { dot, line, plot, rect, ruleX, ruleY } from '@observablehq/plot';
export type { Markish, PlotOptions } from '@observablehq/plot';
