import { sql, type SelectQueryBuilder } from 'kysely';
import { LIST_TOTAL_BOUND, type ListTotal } from '../../common/paging.js';
import type { Executor } from '../db/executor.js';

/**
 * The total of a list, the same way for every list: its filtered query (the page's query without cursor) counted
 * up to LIST_TOTAL_BOUND + 1 rows, so a count never reads more than that many index entries. Above the bound
 * `beyond` may answer a cheaper figure (a roll-up); else the list holds "at least" the bound.
 */
export async function boundedTotal<D, TB extends keyof D, O>(
  db: Executor,
  query: SelectQueryBuilder<D, TB, O>,
  beyond?: () => Promise<ListTotal | null>,
): Promise<ListTotal> {
  const capped = query
    .clearOrderBy()
    .clearLimit()
    .clearOffset()
    .limit(LIST_TOTAL_BOUND + 1);
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM (${capped}) AS counted`.execute(db);
  const count = Number(rows[0]?.n ?? 0);
  if (count <= LIST_TOTAL_BOUND) return { count, kind: 'exact' };
  return (await beyond?.()) ?? { count: LIST_TOTAL_BOUND, kind: 'atLeast' };
}
