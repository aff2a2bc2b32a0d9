import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, scopeWithin, type InScope, type OrgScope } from '../../auth/scope.js';
import type { IndustrySection } from '../../../common/employers.js';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';

function selectEmployers(db: Executor) {
  return db
    .selectFrom('employer as e')
    .innerJoin('org_unit as s', 's.id', 'e.street_org_id')
    .leftJoin('org_unit as u', 'u.id', 'e.union_org_id')
    .select([
      'e.id',
      'e.name',
      'e.uscc',
      'e.headcount',
      'e.industry',
      'e.address',
      'e.street_org_id',
      's.name as street_name',
      'e.union_org_id',
      'u.name as union_name',
      'e.org_path',
      'e.version',
      'e.unionisation_stage',
      'e.unionisation_meeting_id',
    ]);
}
/** An employer as every read of this repo returns it, derived from the query. */
export type EmployerRow = Awaited<ReturnType<ReturnType<typeof selectEmployers>['executeTakeFirstOrThrow']>>;

export async function findEmployerInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
): Promise<InScope<EmployerRow> | undefined> {
  let q = selectEmployers(db)
    .where('e.id', '=', id)
    .where(inScope(scope, sql.ref('e.org_path')));
  if (forUpdate) q = q.forUpdate('e');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

export async function employerExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('employer').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export type EmployerFilter = {
  underPath: string;
  q: string | undefined;
  covered: 'yes' | 'no' | undefined;
  minHeadcount: number | undefined;
  industry: IndustrySection | undefined;
  after: [string, number] | undefined;
  limit: number;
};

/**
 * Employers attributed to a subtree (covering union, or street when uncovered), by name, keyset-paged. Scope and
 * subtree are one condition (`scopeWithin`), each path stated as the range `employer_path_idx`, a btree, scans.
 */
function filteredEmployers(db: Executor, scope: OrgScope, f: Omit<EmployerFilter, 'after' | 'limit'>) {
  let q = selectEmployers(db).where(inScope(scopeWithin(scope, f.underPath), sql.ref('e.org_path'), undefined, { pathIndex: 'btree' }));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`e.name ILIKE ${like}`, eb('e.uscc', '=', f.q!.toUpperCase())]));
  }
  if (f.covered === 'yes') q = q.where('e.union_org_id', 'is not', null);
  if (f.covered === 'no') q = q.where('e.union_org_id', 'is', null);
  if (f.minHeadcount !== undefined) q = q.where('e.headcount', '>=', f.minHeadcount);
  if (f.industry) q = q.where('e.industry', '=', f.industry);
  return q;
}

export async function listEmployers(db: Executor, scope: OrgScope, f: EmployerFilter): Promise<EmployerRow[]> {
  let q = filteredEmployers(db, scope, f)
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(f.limit + 1);
  if (f.after) q = q.where(sql<boolean>`(e.name, e.id) > (${f.after[0]}, ${f.after[1]})`);
  return q.execute();
}

/** How many employers the list's filters hold (bounded: `boundedTotal`). */
export function countEmployers(db: Executor, scope: OrgScope, f: Omit<EmployerFilter, 'after' | 'limit'>): Promise<ListTotal> {
  return boundedTotal(db, filteredEmployers(db, scope, f));
}

export async function usccTaken(db: Executor, uscc: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('employer').select('id').where('uscc', '=', uscc);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export type EmployerValues = {
  name: string;
  uscc: string | null;
  headcount: number;
  industry: IndustrySection;
  address: string | null;
  street_org_id: number;
  union_org_id: number | null;
  org_path: string;
};

export async function insertEmployer(tx: Executor, values: EmployerValues): Promise<number> {
  const row = await tx.insertInto('employer').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEmployerRow(tx: Executor, id: number, version: number, values: EmployerValues): Promise<boolean> {
  const result = await tx
    .updateTable('employer')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The employers a union covers itself (its org_path is theirs), for matching a roster's 所在单位. */
export async function listCoveredByUnion(db: Executor, union: { id: number; path: string }) {
  return db
    .selectFrom('employer')
    .select(['id', 'name', 'uscc'])
    .where('union_org_id', '=', union.id)
    .where(sql<boolean>`org_path = ${union.path}::ltree`)
    .orderBy('id')
    .execute();
}
