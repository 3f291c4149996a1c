/**
 * The components a lesson author uses in MDX, from one place:
 *
 *   import { Derivation, ActivationPlot, Exercises, Notes } from '../../components/index.ts';
 *
 * Page chrome (layouts, header, progress page) lives in src/layouts and src/pages instead.
 */
export { default as Derivation } from './derivation/Derivation.astro';
export { default as Exercises } from './exercise/Exercises.astro';
export { default as ActivationPlot } from './plots/ActivationPlot.astro';
export { default as ComparePlot } from './plots/ComparePlot.astro';
export { default as DepthFlow } from './plots/DepthFlow.astro';
export { default as DeadUnits } from './plots/DeadUnits.astro';
export { default as LossGradientPlot } from './plots/LossGradientPlot.astro';
export { default as Playground } from './playground/Playground.astro';
export { default as Notes } from './notes/Notes.astro';
export { default as SlideBreak } from './slides/SlideBreak.astro';
export { default as FloatFailures } from './numerics/FloatFailures.astro';
export { default as BackpropExample } from './numerics/BackpropExample.astro';
export { default as GradientCheck } from './numerics/GradientCheck.astro';
export { default as ForView } from './slides/ForView.astro';
