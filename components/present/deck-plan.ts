/**
 * The cut of a deck, made once at build time. Slides are cut by measured height on the fixed
 * 1600 × 900 stage (the root size is fixed too), so the cut does not depend on the window: the build
 * opens each deck in Chromium once, lets the slide engine measure it as a browser would, and writes
 * the result into the page (scripts/cut-decks.ts). A reader's browser then only moves nodes: no
 * layout proportional to the lesson's length. Pure: parsing and checking, no DOM.
 */

/** Where one section (the nodes of one slide before cutting) is cut, in terms of its blocks. */
export interface SectionCut {
  /** How many blocks (element units, speaker notes excepted) the section had when it was cut. */
  readonly blocks: number;
  /** The index of the first block of each slide, starting with 0, increasing (see pack-pages.ts). */
  readonly starts: readonly number[];
  /** The blocks that took no room (hidden, empty), increasing. */
  readonly empty: readonly number[];
}

/** A deck's cut: one entry per section, and the fitted scale of each slide it makes. */
export interface DeckPlan {
  readonly version: typeof planVersion;
  readonly sections: readonly SectionCut[];
  /** The scale (0 < s ≤ 1) fitSlide chose for each slide, in order. */
  readonly fits: readonly number[];
}

/** Bumped whenever the meaning of a plan changes; a page with another version is measured instead. */
export const planVersion = 1;

const isIndexList = (value: unknown, below: number): value is number[] =>
  Array.isArray(value) &&
  value.every(
    (v, i) =>
      Number.isInteger(v) &&
      (v as number) >= 0 &&
      (v as number) < below &&
      (i === 0 || (v as number) > (value[i - 1] as number)),
  );

function readCut(value: unknown): SectionCut | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { blocks, starts, empty } = value as Record<string, unknown>;
  if (!Number.isInteger(blocks) || (blocks as number) < 0) return undefined;
  const n = blocks as number;
  // An empty section still has its one (empty) page.
  if (!isIndexList(starts, Math.max(1, n)) || starts[0] !== 0) return undefined;
  if (!isIndexList(empty, n)) return undefined;
  return { blocks: n, starts, empty };
}

/** A plan read from the page's JSON, or `undefined` when it is missing, malformed or of another version. */
export function readDeckPlan(json: string | null | undefined): DeckPlan | undefined {
  if (json === null || json === undefined || json.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, sections, fits } = value as Record<string, unknown>;
  if (version !== planVersion || !Array.isArray(sections) || !Array.isArray(fits)) return undefined;
  const cuts = sections.map(readCut);
  if (cuts.some((c) => c === undefined)) return undefined;
  const slides = cuts.reduce((sum, c) => sum + (c?.starts.length ?? 0), 0);
  if (fits.length !== slides || !fits.every((f) => typeof f === 'number' && f > 0 && f <= 1)) return undefined;
  return { version: planVersion, sections: cuts as SectionCut[], fits: fits as number[] };
}

/**
 * Whether a plan's cuts belong to the lesson as it is: as many sections, each with as many blocks.
 * (A page edited after the build, or a component that renders differently, is measured instead.)
 */
export function planFits(cuts: readonly SectionCut[], blocksPerSection: readonly number[]): boolean {
  return cuts.length === blocksPerSection.length && cuts.every((c, k) => c.blocks === blocksPerSection[k]);
}

/** The query that asks a deck page to measure its own cut and leave it in `data-plan` (the build's step). */
export const planQuery = 'measure-cut';
