/**
 * The boundary view on a canvas (redrawn every frame, so no DOM per point): the network's P(class 1)
 * over the plane as shading between the two class colours, training points as dots and test points
 * as rings; for regression, the data, the true curve and the network's fitted curve.
 */
import { regressionCurve, type Dataset } from '../../../src/train/index.ts';
import { EXTENT, GRID } from '../session.ts';

export interface SurfaceColours {
  /** Class 1 and class 0, as `[r, g, b]`. */
  readonly one: readonly [number, number, number];
  readonly zero: readonly [number, number, number];
  readonly background: readonly [number, number, number];
  readonly foreground: string;
  readonly muted: string;
}

/** Resolve CSS colours (light-dark() included) to rgb by asking the browser through a probe element. */
export function readColours(root: HTMLElement): SurfaceColours {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  const rgb = (value: string): [number, number, number] => {
    probe.style.color = value;
    const parts = getComputedStyle(probe)
      .color.match(/[\d.]+/g)
      ?.map(Number) ?? [0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
  };
  const colours: SurfaceColours = {
    one: rgb('var(--series-1)'),
    zero: rgb('var(--series-2)'),
    background: rgb('var(--bg)'),
    foreground: `rgb(${rgb('var(--fg)').join(' ')})`,
    muted: `rgb(${rgb('var(--plot-muted)').join(' ')})`,
  };
  probe.remove();
  return colours;
}

const image = new Map<HTMLCanvasElement, { off: HTMLCanvasElement; data: ImageData }>();

function fitToDevice(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const size = canvas.clientWidth || 240;
  // Square: the CSS gives the canvas aspect-ratio 1, so its width is its height.
  const scale = window.devicePixelRatio || 1;
  const pixels = Math.round(size * scale);
  if (canvas.width !== pixels || canvas.height !== pixels) {
    canvas.width = pixels;
    canvas.height = pixels;
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('playground: no 2d canvas');
  ctx.setTransform(pixels / 240, 0, 0, pixels / 240, 0, 0);
  return ctx;
}

/** Plane coordinate → canvas coordinate in a 240-unit square. */
const px = (x: number): number => ((x + EXTENT) / (2 * EXTENT)) * 240;
const py = (y: number): number => 240 - px(y);

function mix(a: readonly number[], b: readonly number[], t: number, i: number): number {
  return (a[i] ?? 0) * (1 - t) + (b[i] ?? 0) * t;
}

export function drawSurface(
  canvas: HTMLCanvasElement,
  surface: Float32Array,
  dataset: Dataset,
  c: SurfaceColours,
): void {
  const ctx = fitToDevice(canvas);
  if (dataset.task === 'regression') return drawCurve(ctx, surface, dataset, c);
  let cached = image.get(canvas);
  if (cached === undefined) {
    const off = document.createElement('canvas');
    off.width = GRID;
    off.height = GRID;
    const offCtx = off.getContext('2d');
    if (offCtx === null) throw new Error('playground: no 2d canvas');
    cached = { off, data: offCtx.createImageData(GRID, GRID) };
    image.set(canvas, cached);
  }
  const { off, data } = cached;
  for (let i = 0; i < GRID * GRID; i++) {
    const p = surface[i] ?? 0.5;
    // Towards the class colour by how sure the network is: |p − ½|·2, capped so points stay visible.
    const target = p >= 0.5 ? c.one : c.zero;
    const t = Math.min(1, Math.abs(p - 0.5) * 2) * 0.55;
    data.data[4 * i] = mix(c.background, target, t, 0);
    data.data[4 * i + 1] = mix(c.background, target, t, 1);
    data.data[4 * i + 2] = mix(c.background, target, t, 2);
    data.data[4 * i + 3] = 255;
  }
  off.getContext('2d')?.putImageData(data, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, 240, 240);
  const dots = (inputs: Float64Array, targets: Float64Array, filled: boolean): void => {
    for (let i = 0; i < targets.length; i++) {
      const colour = `rgb(${((targets[i] ?? 0) > 0.5 ? c.one : c.zero).join(' ')})`;
      ctx.beginPath();
      ctx.arc(px(inputs[2 * i] ?? 0), py(inputs[2 * i + 1] ?? 0), filled ? 2.6 : 2.4, 0, 2 * Math.PI);
      if (filled) {
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.lineWidth = 0.6;
        ctx.strokeStyle = c.foreground;
        ctx.stroke();
      } else {
        ctx.lineWidth = 1.4;
        ctx.strokeStyle = colour;
        ctx.stroke();
      }
    }
  };
  dots(dataset.train.inputs, dataset.train.targets, true);
  dots(dataset.test.inputs, dataset.test.targets, false);
}

function drawCurve(ctx: CanvasRenderingContext2D, surface: Float32Array, dataset: Dataset, c: SurfaceColours): void {
  ctx.fillStyle = `rgb(${c.background.join(' ')})`;
  ctx.fillRect(0, 0, 240, 240);
  // y from −1.5 to 1.5 like x, so the curve (|y| ≤ 1) and noisy points fit.
  ctx.strokeStyle = c.muted;
  ctx.setLineDash([4, 3]);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i <= 120; i++) {
    const x = -EXTENT + (i * 2 * EXTENT) / 120;
    if (i === 0) ctx.moveTo(px(x), py(regressionCurve(x)));
    else ctx.lineTo(px(x), py(regressionCurve(x)));
  }
  ctx.stroke();
  ctx.setLineDash([]);
  const { train, test } = dataset;
  ctx.fillStyle = `rgb(${c.zero.join(' ')})`;
  for (let i = 0; i < train.count; i++) {
    ctx.beginPath();
    ctx.arc(px(train.inputs[i] ?? 0), py(train.targets[i] ?? 0), 2.4, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.strokeStyle = `rgb(${c.zero.join(' ')})`;
  for (let i = 0; i < test.count; i++) {
    ctx.beginPath();
    ctx.arc(px(test.inputs[i] ?? 0), py(test.targets[i] ?? 0), 2.4, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.strokeStyle = `rgb(${c.one.join(' ')})`;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  const n = surface.length;
  for (let i = 0; i < n; i++) {
    const x = -EXTENT + (i * 2 * EXTENT) / (n - 1);
    const y = Math.max(-EXTENT * 2, Math.min(EXTENT * 2, surface[i] ?? 0));
    if (i === 0) ctx.moveTo(px(x), py(y));
    else ctx.lineTo(px(x), py(y));
  }
  ctx.stroke();
}
