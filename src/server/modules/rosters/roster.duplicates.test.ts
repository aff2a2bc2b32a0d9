import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../common/identity.js';
import { createDuplicateTracker } from './roster.duplicates.js';

describe('the duplicate tracker of a roster', () => {
  it('answers the first row of every ID number seen before, through many growths of its table, as a Map would', () => {
    const tracker = createDuplicateTracker();
    const model = new Map<string, number>();
    // 200,000 sightings of 50,000 distinct 17-digit bodies, some with X as check character, and a few odd strings.
    for (let row = 0; row < 200_000; row++) {
      const n = (row * 7919) % 50_000;
      const body = `11${String(1000000000000000 + n * 977).slice(1)}`;
      const id = row % 997 === 0 ? `odd-${n % 50}` : body + idCheckChar(body);
      const expected = model.get(id);
      if (expected === undefined) model.set(id, row);
      expect(tracker.see(id, row)).toBe(expected);
    }
    expect(tracker.size).toBe(model.size);
  });

  it('tells two ID numbers apart that differ only in their check character, their first digits or their last', () => {
    const tracker = createDuplicateTracker();
    expect(tracker.see('11010519491231002X', 2)).toBeUndefined();
    expect(tracker.see('110105194912310021', 3)).toBeUndefined();
    expect(tracker.see('110105194912310120', 4)).toBeUndefined();
    expect(tracker.see('11010519491231002X', 5)).toBe(2);
    expect(tracker.see('120105194912310021', 6)).toBeUndefined();
    expect(tracker.see('110105194912310021', 7)).toBe(3);
    expect(tracker.size).toBe(4);
  });
});
