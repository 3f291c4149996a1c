/**
 * The training worker: runs the playground's network(s) off the main thread, paced to the chosen
 * steps per second, and posts a frame (metrics, new loss points, the boundary surface) at most
 * about 60 times a second. The page only draws.
 */
import { curveInputs, gridInputs, advance, createRun, datasetOf, metricsOf, type Run } from '../session.ts';
import type { PlaygroundConfig } from '../playground-config.ts';
import type { FromWorker, NetworkFrame, ToWorker } from '../worker-protocol.ts';
import type { LossPoint } from '../trace.ts';

const FRAME_MS = 16;
/** When running flat out, train this long per frame and leave the rest for posting and messages. */
const BUSY_MS = 12;

let config: PlaygroundConfig | undefined;
let runs: Run[] = [];
let pending: LossPoint[][] = [];
let generation = 0;
let playing = false;
let stepsPerSecond = 500;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastTick = 0;
/** Fractional steps owed by the pacing. */
let owed = 0;
const grid = gridInputs();
const curve = curveInputs();

function post(message: FromWorker): void {
  postMessage(message);
}

function frameOf(run: Run, i: number): NetworkFrame {
  const metrics = metricsOf(run);
  const points = pending[i] ?? [];
  points.push({ step: metrics.step, train: metrics.trainLoss, test: metrics.testLoss });
  pending[i] = [];
  const inputs = run.dataset.task === 'regression' ? curve : grid;
  return { metrics, losses: points, surface: Float32Array.from(run.network.predict(inputs)) };
}

function send(stopped = false): void {
  const [a, b] = runs;
  if (a === undefined) return;
  post({ type: 'frame', generation, playing, stopped, a: frameOf(a, 0), b: b === undefined ? null : frameOf(b, 1) });
}

function stepAll(count: number): void {
  if (config === undefined) return;
  for (const run of runs) advance(run, config, count);
}

function tick(): void {
  timer = undefined;
  if (!playing || config === undefined) return;
  const now = performance.now();
  const elapsed = Math.min(250, now - lastTick);
  lastTick = now;
  const step = runs[0]?.step ?? 0;
  const left = config.stopAt > 0 ? config.stopAt - step : Infinity;
  if (stepsPerSecond === 0) {
    const until = now + BUSY_MS;
    let done = 0;
    while (performance.now() < until && done < left) {
      const chunk = Math.min(5, left - done);
      stepAll(chunk);
      done += chunk;
    }
  } else {
    owed += (stepsPerSecond * elapsed) / 1000;
    const count = Math.min(Math.floor(owed), left);
    owed -= Math.floor(owed);
    if (count > 0) stepAll(count);
  }
  const reached = config.stopAt > 0 && (runs[0]?.step ?? 0) >= config.stopAt;
  if (reached) playing = false;
  send(reached);
  // Aim for one frame every FRAME_MS, counting the time this tick took.
  if (playing) timer = setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - now)));
}

function handle(message: ToWorker): void {
  switch (message.type) {
    case 'reset': {
      generation++;
      playing = false;
      clearTimeout(timer);
      config = message.config;
      const dataset = datasetOf(config);
      runs = [createRun(config, 'a', dataset), ...(config.compare === null ? [] : [createRun(config, 'b', dataset)])];
      pending = runs.map(() => []);
      send();
      return;
    }
    case 'play':
      if (config === undefined || playing) return;
      if (config.stopAt > 0 && (runs[0]?.step ?? 0) >= config.stopAt) return send(true);
      playing = true;
      lastTick = performance.now();
      owed = 0;
      timer = setTimeout(tick, 0);
      return;
    case 'pause':
      playing = false;
      clearTimeout(timer);
      send();
      return;
    case 'step':
      if (playing) return;
      stepAll(1);
      send();
      return;
    case 'speed':
      stepsPerSecond = message.stepsPerSecond;
      return;
  }
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    playing = false;
    post({ type: 'error', generation, message: error instanceof Error ? error.message : String(error) });
  }
});
