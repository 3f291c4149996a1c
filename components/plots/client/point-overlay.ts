/**
 * The activation plot's moving parts (point on g and g′, tangent, rule at z) as a small SVG group on
 * top of Plot's picture, positioned with Plot's own scales. Moving z changes a few attributes instead
 * of re-running Plot: the redraw fits in a frame (see scripts/bench-plot.ts).
 */
import { ZONE_FILL } from '../palette.ts';
import { POINT_CLASSES, POINT_STYLE, type PointGeometry } from '../specs/activation-plot-spec.ts';
import { OVERLAY_ATTRIBUTE, type PlotSvg } from './runtime.ts';

const SVG = 'http://www.w3.org/2000/svg';

interface Overlay {
  readonly zones: SVGGElement;
  readonly rule: SVGLineElement;
  readonly tangent: SVGLineElement;
  readonly dg: SVGCircleElement;
  readonly g: SVGCircleElement;
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  /** Pixel rows of the frame's top and bottom. */
  readonly frame: readonly [number, number];
}

function element<K extends 'line' | 'circle'>(
  parent: Element,
  name: K,
  className: string,
  style: Readonly<Record<string, string | number>>,
): SVGElementTagNameMap[K] {
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('class', className);
  const el = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(style)) {
    el.setAttribute(
      key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
      String(value),
    );
  }
  group.append(el);
  parent.append(group);
  return el;
}

/** Add the overlay to a freshly drawn base plot. */
export function createOverlay(svg: PlotSvg): Overlay {
  const xScale = svg.scale('x');
  const yScale = svg.scale('y');
  if (xScale?.apply === undefined || yScale?.apply === undefined) throw new Error('plot has no x/y scale');
  const root = document.createElementNS(SVG, 'g');
  root.setAttribute('aria-hidden', 'true');
  root.setAttribute(OVERLAY_ATTRIBUTE, '');
  svg.append(root);
  // The zones go under everything Plot drew after its stylesheet (axes, grid, curves).
  const zones = document.createElementNS(SVG, 'g');
  zones.setAttribute('class', POINT_CLASSES.zones);
  zones.setAttribute('fill', ZONE_FILL);
  zones.setAttribute('aria-hidden', 'true');
  zones.setAttribute(OVERLAY_ATTRIBUTE, '');
  const style = svg.querySelector('style');
  if (style === null) svg.prepend(zones);
  else style.after(zones);
  const [y0 = 0, y1 = 0] = (yScale.range ?? []) as number[];
  const { r: rDg, ...dgStyle } = POINT_STYLE.dg;
  const { r: rG, ...gStyle } = POINT_STYLE.g;
  return {
    zones,
    frame: [Math.min(y0, y1), Math.max(y0, y1)],
    rule: element(root, 'line', POINT_CLASSES.rule, POINT_STYLE.rule),
    tangent: element(root, 'line', POINT_CLASSES.tangent, { ...POINT_STYLE.tangent, fill: 'none' }),
    dg: element(root, 'circle', POINT_CLASSES.dg, { ...dgStyle, r: rDg }),
    g: element(root, 'circle', POINT_CLASSES.g, { ...gStyle, r: rG }),
    x: (v) => xScale.apply(v) as number,
    y: (v) => yScale.apply(v) as number,
  };
}

function place(line: SVGLineElement, a: readonly [number, number], b: readonly [number, number], o: Overlay): void {
  line.setAttribute('x1', String(o.x(a[0])));
  line.setAttribute('y1', String(o.y(a[1])));
  line.setAttribute('x2', String(o.x(b[0])));
  line.setAttribute('y2', String(o.y(b[1])));
}

/** Move the overlay to a new point. */
export function updateOverlay(overlay: Overlay, geometry: PointGeometry): void {
  place(overlay.rule, geometry.rule[0], geometry.rule[1], overlay);
  const [a, b] = geometry.tangent;
  overlay.tangent.style.display = a === undefined || b === undefined ? 'none' : '';
  if (a !== undefined && b !== undefined) place(overlay.tangent, a, b, overlay);
  for (const [circle, [px, py]] of [
    [overlay.dg, geometry.dg],
    [overlay.g, geometry.g],
  ] as const) {
    // A value outside the y domain (e.g. g′ above the frame) is hidden rather than drawn off the plot.
    const y = overlay.y(py);
    circle.style.display = Number.isFinite(y) ? '' : 'none';
    circle.setAttribute('cx', String(overlay.x(px)));
    circle.setAttribute('cy', String(y));
  }
}

/** Redraw the shaded zones where |g′| < ε (one rect per interval, full frame height). */
export function updateZones(overlay: Overlay, zones: readonly (readonly [number, number])[]): void {
  const [top, bottom] = overlay.frame;
  const rects = zones.map(([a, b]) => {
    const rect = document.createElementNS(SVG, 'rect');
    const x1 = overlay.x(a);
    const x2 = overlay.x(b);
    rect.setAttribute('x', String(Math.min(x1, x2)));
    rect.setAttribute('width', String(Math.abs(x2 - x1)));
    rect.setAttribute('y', String(top));
    rect.setAttribute('height', String(bottom - top));
    return rect;
  });
  overlay.zones.replaceChildren(...rects);
}
