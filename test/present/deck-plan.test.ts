import { describe, expect, it } from 'vitest';
import { planFits, planVersion, readDeckPlan, type DeckPlan } from '../../components/present/deck-plan.ts';

const good: DeckPlan = {
  version: planVersion,
  sections: [
    { blocks: 1, starts: [0], empty: [] },
    { blocks: 15, starts: [0, 4, 6], empty: [11, 12] },
    { blocks: 0, starts: [0], empty: [] },
  ],
  fits: [1, 1, 0.75, 1, 1],
};
const withSection = (k: number, cut: unknown): string =>
  JSON.stringify({ ...good, sections: good.sections.map((s, i) => (i === k ? cut : s)) });

describe('readDeckPlan', () => {
  it('reads back what the build wrote', () => {
    expect(readDeckPlan(JSON.stringify(good))).toEqual(good);
  });

  it.each([
    ['no plan (the placeholder left empty)', ''],
    ['nothing at all', null],
    ['not JSON', '{"version":1,'],
    ['not an object', '[1, 2]'],
    ['another version', JSON.stringify({ ...good, version: planVersion + 1 })],
    ['sections missing', JSON.stringify({ version: planVersion, fits: [] })],
    ['a fit per slide, one short', JSON.stringify({ ...good, fits: [1, 1, 1, 1] })],
    ['a fit of 0', JSON.stringify({ ...good, fits: [1, 1, 0, 1, 1] })],
    ['a fit above 1', JSON.stringify({ ...good, fits: [1, 1, 1.2, 1, 1] })],
    ['a fit that is no number', JSON.stringify({ ...good, fits: [1, 1, '1', 1, 1] })],
    ['a section that does not start at block 0', withSection(1, { blocks: 15, starts: [1, 4, 6], empty: [] })],
    ['cuts out of order', withSection(1, { blocks: 15, starts: [0, 6, 4], empty: [] })],
    ['a cut past the last block', withSection(1, { blocks: 15, starts: [0, 4, 15], empty: [] })],
    ['a cut at a fraction', withSection(1, { blocks: 15, starts: [0, 4.5, 6], empty: [] })],
    ['an empty block past the last', withSection(1, { blocks: 15, starts: [0, 4, 6], empty: [15] })],
    ['a negative block count', withSection(1, { blocks: -1, starts: [0], empty: [] })],
    ['a section that is no object', withSection(1, 'cut')],
  ])('refuses %s (the deck then measures itself)', (_, json) => {
    expect(readDeckPlan(json)).toBeUndefined();
  });
});

describe('planFits', () => {
  it('accepts the lesson it was made for', () => {
    expect(planFits(good.sections, [1, 15, 0])).toBe(true);
  });

  it.each([
    ['a section more', [1, 15, 0, 3]],
    ['a section fewer', [1, 15]],
    ['a block more in one section', [1, 16, 0]],
  ])('refuses a lesson with %s', (_, blocks) => {
    expect(planFits(good.sections, blocks)).toBe(false);
  });
});
