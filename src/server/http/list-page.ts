import type { ListTotal, Page } from '../../common/paging.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** The sort key a list's cursor carries, by the shape `decodeCursor` checks. */
type SortKeyOf = { number: number; 'string-number': [string, number]; 'date-number': [string, number] };
type CursorShape = keyof SortKeyOf;

const decodeAs = <S extends CursorShape>(cursor: string | undefined, shape: S): SortKeyOf[S] | undefined =>
  // decodeCursor's overloads answer per literal shape; for a shape known only as S they are picked through this map.
  (shape === 'number' ? decodeCursor(cursor, shape) : decodeCursor(cursor, shape as Exclude<CursorShape, 'number'>)) as
    SortKeyOf[S] | undefined;

/**
 * One page of a keyset-ordered list, the same way for every list: `read` gets the decoded cursor (the sort key of
 * the last item of the previous page) and answers up to `limit + 1` rows in the list's order, the extra row only
 * telling that there is more; `present` turns the page's rows into items (all at once: some lists look up
 * something for the whole page); the next cursor is the sort key of the page's last item. `total` (read beside the
 * first page only: the total does not change from page to page) counts the whole list (`boundedTotal`).
 */
export async function listPage<S extends CursorShape, Row, Item>(
  query: { cursor?: string | undefined; limit: number },
  list: {
    cursor: S;
    read: (after: SortKeyOf[S] | undefined) => Promise<Row[]>;
    present: (rows: Row[]) => Item[] | Promise<Item[]>;
    sortKey: (last: Item) => SortKeyOf[S];
    total?: () => Promise<ListTotal>;
  },
): Promise<Page<Item>> {
  const after = decodeAs(query.cursor, list.cursor);
  const [rows, total] = await Promise.all([list.read(after), after === undefined ? list.total?.() : undefined]);
  const items = await list.present(rows.slice(0, query.limit));
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(list.sortKey(last)) : null;
  return total ? { items, nextCursor, total } : { items, nextCursor };
}
