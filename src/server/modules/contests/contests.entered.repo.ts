import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';

/** 本单位参赛 (SQL only): the entries whose unit lies in the caller's scope, whichever node organises their contest. */

function enteredQuery(db: Executor, scope: OrgScope, f: { underPath: string }) {
  return db
    .selectFrom('contest_entry as e')
    .innerJoin('org_unit as eo', 'eo.id', 'e.org_id')
    .innerJoin('contest as c', 'c.id', 'e.contest_id')
    .innerJoin('org_unit as co', 'co.id', 'c.org_id')
    .select([
      'e.id',
      'e.title',
      'e.org_id',
      'eo.name as org_name',
      'e.org_path',
      'e.contest_id',
      'c.name as contest_name',
      'c.status',
      'c.notice_ends_at',
      'co.name as organiser_name',
    ])
    .where(inScope(scope, sql.ref('e.org_path')))
    .where(sql<boolean>`e.org_path <@ ${f.underPath}::ltree`);
}
export type EnteredRow = InScope<Awaited<ReturnType<ReturnType<typeof enteredQuery>['executeTakeFirstOrThrow']>>>;

export async function listEntered(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; afterId: number | undefined; limit: number },
): Promise<EnteredRow[]> {
  let q = enteredQuery(db, scope, f)
    .orderBy('e.id', 'desc')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('e.id', '<', f.afterId);
  return (await q.execute()).map(provenInScope);
}

export function countEntered(db: Executor, scope: OrgScope, f: { underPath: string }): Promise<ListTotal> {
  return boundedTotal(db, enteredQuery(db, scope, f).clearSelect().select('e.id'));
}

/** The frozen results of the contests of entries already read in scope (none before the notice). */
export async function frozenResultsOf(db: Executor, entries: readonly EnteredRow[]) {
  const ids = [...new Set(entries.filter((e) => e.status === 'notice' || e.status === 'final').map((e) => e.contest_id))];
  if (ids.length === 0) return [];
  return db.selectFrom('contest_result').select(['contest_id', 'result']).where('contest_id', 'in', ids).execute();
}

/** The appeals filed about entries already read in scope, oldest first. */
export async function appealsOfEntries(db: Executor, entries: readonly EnteredRow[]) {
  if (entries.length === 0) return [];
  return db
    .selectFrom('contest_appeal')
    .select(['id', 'contest_id', 'entry_id', 'text', 'status', 'answer', 'created_at'])
    .where(
      'entry_id',
      'in',
      entries.map((e) => e.id),
    )
    .orderBy('id')
    .execute();
}
