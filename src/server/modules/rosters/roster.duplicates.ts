/** Remembers the ID numbers of one file, each with the row where it was first seen. */
export type DuplicateTracker = { see: (idNumber: string, rowNumber: number) => number | undefined; readonly size: number };

const STANDARD_ID = /^\d{17}[\dX]$/;

/**
 * A roster of a million rows remembers a million ID numbers: held as two 32-bit numbers each in an open-addressing
 * table of typed arrays (12 bytes a slot, half full at most) instead of a Map of strings (≈ 100 bytes an entry).
 * An 18-character ID number is its first nine digits, and its last eight digits with the check character (X = 10);
 * anything else — the tracker's contract is any string — goes to a plain Map beside it.
 */
export function createDuplicateTracker(): DuplicateTracker {
  let capacity = 1 << 12;
  let high = new Uint32Array(capacity);
  let low = new Uint32Array(capacity);
  let rows = new Uint32Array(capacity); // row number + 1; 0 is an empty slot
  let used = 0;
  const others = new Map<string, number>();

  const slotOf = (h: number, l: number, mask: number): number => {
    let slot = (Math.imul(h, 0x9e3779b1) ^ Math.imul(l ^ (l >>> 15), 0x85ebca6b)) & mask;
    while (rows[slot] !== 0 && (high[slot] !== h || low[slot] !== l)) slot = (slot + 1) & mask;
    return slot;
  };
  const grow = () => {
    const oldHigh = high;
    const oldLow = low;
    const oldRows = rows;
    capacity *= 2;
    high = new Uint32Array(capacity);
    low = new Uint32Array(capacity);
    rows = new Uint32Array(capacity);
    for (let i = 0; i < oldRows.length; i++) {
      if (oldRows[i] === 0) continue;
      const slot = slotOf(oldHigh[i]!, oldLow[i]!, capacity - 1);
      high[slot] = oldHigh[i]!;
      low[slot] = oldLow[i]!;
      rows[slot] = oldRows[i]!;
    }
  };

  return {
    see(idNumber, rowNumber) {
      if (!STANDARD_ID.test(idNumber) || rowNumber < 0 || rowNumber >= 0xffffffff) {
        const first = others.get(idNumber);
        if (first === undefined) others.set(idNumber, rowNumber);
        return first;
      }
      const h = Number(idNumber.slice(0, 9));
      const check = idNumber.charAt(17);
      const l = Number(idNumber.slice(9, 17)) * 11 + (check === 'X' ? 10 : Number(check));
      const slot = slotOf(h, l, capacity - 1);
      if (rows[slot] !== 0) return rows[slot]! - 1;
      high[slot] = h;
      low[slot] = l;
      rows[slot] = rowNumber + 1;
      if (++used * 2 > capacity) grow();
      return undefined;
    },
    get size() {
      return used + others.size;
    },
  };
}
