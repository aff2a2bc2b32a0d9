import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor.js';
import { listPage } from './list-page.js';

const ids = [9, 8, 7, 6, 5];
/** A list newest first, read as a repo does: the rows after the cursor, one more than the page holds. */
const readAfter = (limit: number) => async (after: number | undefined) =>
  ids.filter((id) => after === undefined || id < after).slice(0, limit + 1);

describe('listPage', () => {
  it('answers the first `limit` items and the cursor of the last one while there is more', async () => {
    const page = await listPage(
      { limit: 2 },
      { cursor: 'number', read: readAfter(2), present: (rows) => rows.map((id) => ({ id })), sortKey: (last) => last.id },
    );
    expect(page).toEqual({ items: [{ id: 9 }, { id: 8 }], nextCursor: encodeCursor(8) });
  });

  it('follows a cursor, and the last page has no next cursor', async () => {
    const page = await listPage(
      { cursor: encodeCursor(7), limit: 2 },
      { cursor: 'number', read: readAfter(2), present: (rows) => rows.map((id) => ({ id })), sortKey: (last) => last.id },
    );
    expect(page).toEqual({ items: [{ id: 6 }, { id: 5 }], nextCursor: null });
  });

  it('refuses a cursor of another shape before reading anything', async () => {
    let read = false;
    const answer = listPage(
      { cursor: encodeCursor(7), limit: 2 },
      {
        cursor: 'string-number',
        read: async () => ((read = true), []),
        present: (rows: { name: string; id: number }[]) => rows,
        sortKey: (last) => [last.name, last.id],
      },
    );
    await expect(answer).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(read).toBe(false);
  });
});
