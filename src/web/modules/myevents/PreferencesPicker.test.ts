// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { moveRank } from './PreferencesPicker.js';

describe('moveRank', () => {
  it('swaps a choice with its neighbour and leaves the ends where they are', () => {
    expect(moveRank([1, 2, 3], 1, -1)).toEqual([2, 1, 3]);
    expect(moveRank([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(moveRank([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moveRank([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
});
