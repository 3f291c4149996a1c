import { seriesStyle } from '../../plots/palette.ts';

/** One network's line in a chart: network a in series colour 1, b in colour 2; train solid, test dashed. */
export interface NetworkSeries<T> {
  readonly label: string;
  readonly data: T;
}

export const networkStroke = (i: number): string => seriesStyle(i).stroke;
export const TEST_DASH = '6 3';
export const SECOND_DASH = '2 3';
