/** Text for people and screen readers: what a run's numbers say, built from the numbers themselves. */
import { activations } from '../../src/math/index.ts';
import { formatNumber, formatPercent } from '../plots/format.ts';
import type { NetworkChoice, PlaygroundConfig } from './playground-config.ts';
import type { Metrics } from './session.ts';

/** `ReLU ×3` or `tanh, ReLU`, plus the init: a network's name where no preset names it. */
export function describeChoice(choice: NetworkChoice): string {
  const names = choice.activations.map((id) => activations[id].name);
  const layers = names.every((n) => n === names[0]) ? `${names[0] ?? ''} ×${names.length}` : names.join(', ');
  const init =
    choice.init === 'normal'
      ? `σ = ${formatNumber(choice.sigma)}`
      : choice.init === 'he'
        ? 'He'
        : choice.init === 'xavier'
          ? 'Xavier'
          : 'LeCun';
  const bias = choice.bias === 0 ? '' : `, bias ${formatNumber(choice.bias)}`;
  return `${layers}, ${init}${bias}`;
}

/** "first layer 10⁻⁶ of the last" for the spread of the gradient norms. */
function normSentence(m: Metrics): string {
  const first = m.norms[0] ?? NaN;
  const last = m.norms.at(-1) ?? NaN;
  if (first === 0 && last === 0) return 'no gradient reaches any layer';
  if (first === 0) return 'no gradient reaches the first layer';
  return `the first layer's gradient norm is ${formatNumber(first / last, 2)} times the output layer's`;
}

function deadSentence(m: Metrics): string {
  const dead = m.dead.map((d) => formatPercent(d));
  return dead.every((d) => d === '0%') ? 'no dead units' : `dead units per layer ${dead.join(', ')}`;
}

/** One network's state in a sentence: losses, accuracy, gradient spread, dead units. */
export function describeMetrics(label: string, m: Metrics): string {
  const accuracy = Number.isNaN(m.testAccuracy) ? '' : `, test accuracy ${formatPercent(m.testAccuracy)}`;
  return (
    `${label.charAt(0).toUpperCase()}${label.slice(1)} at step ${m.step}: train loss ${formatNumber(m.trainLoss)}, test loss ${formatNumber(m.testLoss)}${accuracy}; ` +
    `${normSentence(m)}; ${deadSentence(m)}.`
  );
}

/** The dataset and training settings in a sentence. */
export function describeTraining(config: PlaygroundConfig): string {
  const batch = config.batchSize >= 200 ? 'the whole training set' : `batches of ${config.batchSize}`;
  const name = config.dataset.charAt(0).toUpperCase() + config.dataset.slice(1);
  return `${name} (noise ${formatNumber(config.noise)}), ${config.depth} hidden layer${config.depth === 1 ? '' : 's'} of ${config.width}, ${config.optimizer} at learning rate ${formatNumber(config.learningRate)} on ${batch}, seed ${config.seed}.`;
}
