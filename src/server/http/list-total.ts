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

/** How long a list's total is reused for the same list (issue #16: a busy first page counted on every request). */
export const LIST_TOTAL_REUSE_SECONDS = 5;

type Kept = { total: Promise<ListTotal>; until: number };
const keptTotals = new WeakMap<object, Map<string, Kept>>();
/** Enough for the lists a city's consoles open within the reuse window; the oldest entry makes room beyond it. */
const MAX_KEPT = 5_000;

/**
 * The total of the list named by `key` (its scope, filters and every figure its count depends on that the caller can
 * read cheaply), counted once for all callers asking within LIST_TOTAL_REUSE_SECONDS; callers at the same moment share
 * one count. A change the key does not name shows in the total after those seconds at most.
 */
export function reusedTotal(db: object, key: string, count: () => Promise<ListTotal>): Promise<ListTotal> {
  let kept = keptTotals.get(db);
  if (!kept) {
    kept = new Map();
    keptTotals.set(db, kept);
  }
  const now = performance.now();
  const hit = kept.get(key);
  if (hit && hit.until > now) return hit.total;
  kept.delete(key);
  if (kept.size >= MAX_KEPT) {
    const oldest = kept.keys().next();
    if (!oldest.done) kept.delete(oldest.value);
  }
  const total = count();
  const entry = { total, until: now + LIST_TOTAL_REUSE_SECONDS * 1000 };
  kept.set(key, entry);
  total.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return total;
}
