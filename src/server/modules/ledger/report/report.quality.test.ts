import { describe, expect, it } from 'vitest';
import { demoReportTree } from './demo-tree.fixture.js';
import { expectedPages } from './expected.fixture.js';
import { precision, recall, scorePages, scoreTable, type Measure } from './quality.js';
import { seedPages } from './seeds.fixture.js';

/** Floors just under what the rules measure on the five seed pages (see docs/ledger-report.md). */
const floors: Record<Measure, { precision: number; recall: number }> = {
  items: { precision: 0.97, recall: 0.97 },
  organisers: { precision: 0.95, recall: 0.85 },
  kinds: { precision: 0.85, recall: 0.85 },
  dates: { precision: 0.95, recall: 0.95 },
  figures: { precision: 0.95, recall: 0.95 },
};

describe('proposals against the expected items of the five seed pages', () => {
  const pages = seedPages();

  it('has expected items for every page, each known by words printed once on it', () => {
    expect(Object.keys(pages)).toEqual(Object.keys(expectedPages).sort());
    for (const [name, items] of Object.entries(expectedPages)) {
      for (const item of items) expect(pages[name]?.split(item.key).length, `${name}: ${item.key}`).toBe(2);
    }
  });

  it('meets the precision and recall floors for items, organisers, kinds, dates and figures', () => {
    const scores = scorePages(pages, expectedPages, demoReportTree);
    console.log(`\nledger report — precision / recall on the seed pages\n${scoreTable(scores)}\n`);
    for (const m of Object.keys(floors) as Measure[]) {
      expect(precision(scores[m]), `${m} precision`).toBeGreaterThanOrEqual(floors[m].precision);
      expect(recall(scores[m]), `${m} recall`).toBeGreaterThanOrEqual(floors[m].recall);
    }
  });

  it('counts a wrong proposal against the score (the scorer can fail)', () => {
    const name = '003_d64f82ff6841a4f4.txt';
    const one = { [name]: pages[name] as string };
    const wrong = { [name]: (expectedPages[name] ?? []).map((e) => ({ ...e, kind: 'funds' as const, figures: ['1|个'] })) };
    const scores = scorePages(one, wrong, demoReportTree);
    expect(precision(scores.kinds)).toBeLessThan(0.2);
    expect(recall(scores.figures)).toBe(0);
  });
});
