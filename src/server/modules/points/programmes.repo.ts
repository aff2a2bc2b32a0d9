import { sql } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import type { ExpiryRule, ProgrammeStatus, TransferKind } from '../../../common/points.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { Book } from './points.ledger.js';
import './points.tables.js';

function selectProgrammes(db: Executor) {
  return db
    .selectFrom('points_programme as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.org_id',
      'o.name as org_name',
      'p.org_path',
      'p.region_id',
      'p.name',
      'p.description',
      'p.earn_rules',
      'p.cap_day',
      'p.cap_month',
      'p.cap_year',
      'p.expiry_rule',
      'p.expiry_months',
      'p.status',
      'p.created_at',
    ]);
}
export type ProgrammeRow = Awaited<ReturnType<ReturnType<typeof selectProgrammes>['executeTakeFirstOrThrow']>>;

/** The book of a programme read in scope. */
export const bookOf = (p: InScope<ProgrammeRow>): Book => ({ region: p.region_id, programmeId: p.id });

export async function findProgrammeInScope(
  db: Executor,
  scope: OrgScope,
  id: number,
  forUpdate = false,
): Promise<InScope<ProgrammeRow> | undefined> {
  let q = selectProgrammes(db)
    .where('p.id', '=', id)
    .where(inScope(scope, sql.ref('p.org_path')));
  if (forUpdate) q = q.forUpdate('p');
  const row = await q.executeTakeFirst();
  return row && provenInScope(row);
}

export type ProgrammeValues = {
  name: string;
  description: string;
  earnRules: string;
  capDay: number | null;
  capMonth: number | null;
  capYear: number | null;
  expiryRule: ExpiryRule;
  expiryMonths: number | null;
};

export async function insertProgramme(
  tx: Executor,
  p: ProgrammeValues & { orgId: number; orgPath: string; regionId: number },
): Promise<number> {
  const row = await tx
    .insertInto('points_programme')
    .values({
      org_id: p.orgId,
      org_path: p.orgPath,
      region_id: p.regionId,
      name: p.name,
      description: p.description,
      earn_rules: p.earnRules,
      cap_day: p.capDay,
      cap_month: p.capMonth,
      cap_year: p.capYear,
      expiry_rule: p.expiryRule,
      expiry_months: p.expiryMonths,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgramme(
  tx: Executor,
  p: InScope<ProgrammeRow>,
  v: ProgrammeValues & { status: ProgrammeStatus },
): Promise<void> {
  await tx
    .updateTable('points_programme')
    .set({
      name: v.name,
      description: v.description,
      earn_rules: v.earnRules,
      cap_day: v.capDay,
      cap_month: v.capMonth,
      cap_year: v.capYear,
      expiry_rule: v.expiryRule,
      expiry_months: v.expiryMonths,
      status: v.status,
      updated_at: sql<string>`now()`,
    })
    .where('id', '=', p.id)
    .execute();
}

function listProgrammesQuery(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status: ProgrammeStatus | undefined; after: number | undefined; limit: number },
) {
  let q = selectProgrammes(db)
    .where(inScope(scope, sql.ref('p.org_path')))
    .where(sql<boolean>`p.org_path <@ ${f.underPath}::ltree`)
    .orderBy('p.id', 'desc')
    .limit(f.limit + 1);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.after !== undefined) q = q.where('p.id', '<', f.after);
  return q;
}

/** Programmes owned in a subtree, newest first. */
export async function listProgrammes(
  db: Executor,
  scope: OrgScope,
  f: Parameters<typeof listProgrammesQuery>[2],
): Promise<InScope<ProgrammeRow>[]> {
  return (await listProgrammesQuery(db, scope, f).execute()).map((r) => provenInScope(r));
}

export function countProgrammes(
  db: Executor,
  scope: OrgScope,
  f: Omit<Parameters<typeof listProgrammesQuery>[2], 'after' | 'limit'>,
): Promise<ListTotal> {
  return boundedTotal(db, listProgrammesQuery(db, scope, { ...f, after: undefined, limit: 0 }));
}

/** Every programme owned in a subtree (for its figures). */
export async function programmesUnder(db: Executor, scope: OrgScope, underPath: string): Promise<{ id: number; region_id: number }[]> {
  return db
    .selectFrom('points_programme as p')
    .select(['p.id', 'p.region_id'])
    .where(inScope(scope, sql.ref('p.org_path')))
    .where(sql<boolean>`p.org_path <@ ${underPath}::ltree`)
    .execute();
}

/**
 * A programme by id without the caller's scope: for another module's service (events) that checked its own caller.
 * Not branded InScope.
 */
export async function findProgrammeById(db: Executor, id: number): Promise<ProgrammeRow | undefined> {
  return selectProgrammes(db).where('p.id', '=', id).executeTakeFirst();
}

/** The subtree of a programme as a scope: members an award may go to. */
const subtreeOf = (p: ProgrammeRow): OrgScope => ({ action: 'points.write', paths: [p.org_path] });

/** A member (status 'member') whose union lies in the programme's subtree, named in the region of that subtree. */
export async function findMemberOfProgramme(
  db: Executor,
  p: ProgrammeRow,
  memberId: number,
): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('member as m')
    .select(['m.id', 'm.name'])
    .where('m.id', '=', memberId)
    .where('m.status', '=', 'member')
    .where(inScope(subtreeOf(p), sql.ref('m.org_path'), sql.ref('m.region_id')))
    .executeTakeFirst();
}

/** Members of the programme's subtree among `ids` (a bulk list checked at once). */
export async function membersOfProgramme(db: Executor, p: ProgrammeRow, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.name'])
    .where('m.id', 'in', [...ids])
    .where('m.status', '=', 'member')
    .where(inScope(subtreeOf(p), sql.ref('m.org_path'), sql.ref('m.region_id')))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Members of the programme's subtree by blind index of ID number or phone (a bulk file's rows). */
export async function membersByIndex(
  db: Executor,
  p: ProgrammeRow,
  kind: 'id_number' | 'phone',
  bidxs: readonly string[],
): Promise<{ id: number; name: string; bidx: string }[]> {
  if (bidxs.length === 0) return [];
  const column = kind === 'id_number' ? 'm.id_number_bidx' : 'm.phone_bidx';
  const rows = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.name', `${column} as bidx`])
    .where(column, 'in', [...bidxs])
    .where('m.status', '=', 'member')
    .where(inScope(subtreeOf(p), sql.ref('m.org_path'), sql.ref('m.region_id')))
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, bidx: r.bidx ?? '' }));
}

export async function transferByKey(db: Executor, book: Book, key: string): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('points_transfer')
    .select('id')
    .where('region_id', '=', book.region)
    .where('programme_id', '=', book.programmeId)
    .where('transfer_key', '=', key)
    .executeTakeFirst();
}

/** Points a member earned in the book since an instant: awards not reversed. */
export async function earnedSince(db: Executor, book: Book, memberId: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom('points_transfer as t')
    .select(sql<string>`coalesce(sum(t.amount), 0)`.as('n'))
    .where('t.region_id', '=', book.region)
    .where('t.programme_id', '=', book.programmeId)
    .where('t.member_id', '=', memberId)
    .where('t.kind', '=', 'award')
    .where('t.created_at', '>=', since.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('points_transfer as r').select('r.id').where('r.region_id', '=', book.region).whereRef('r.reversal_of', '=', 't.id'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Points each member earned in the book in each cap window (awards not reversed), in one query for a batch. */
export async function earnedInWindows(
  db: Executor,
  book: Book,
  memberIds: readonly number[],
  starts: Record<'day' | 'month' | 'year', Date>,
): Promise<Map<number, { day: number; month: number; year: number }>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const earliest = new Date(Math.min(starts.day.getTime(), starts.month.getTime(), starts.year.getTime())).toISOString();
  const { rows } = await sql<{ member_id: number; day: string; month: string; year: string }>`
    SELECT t.member_id,
      coalesce(sum(t.amount) FILTER (WHERE t.created_at >= ${starts.day.toISOString()}), 0) AS day,
      coalesce(sum(t.amount) FILTER (WHERE t.created_at >= ${starts.month.toISOString()}), 0) AS month,
      coalesce(sum(t.amount) FILTER (WHERE t.created_at >= ${starts.year.toISOString()}), 0) AS year
    FROM points_transfer t
    WHERE t.region_id = ${book.region} AND t.member_id = ANY(${ids}::bigint[]) AND t.programme_id = ${book.programmeId}
      AND t.kind = 'award' AND t.created_at >= ${earliest}
      AND NOT EXISTS (SELECT 1 FROM points_transfer r WHERE r.region_id = ${book.region} AND r.reversal_of = t.id)
    GROUP BY t.member_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.member_id), { day: Number(r.day), month: Number(r.month), year: Number(r.year) }]));
}

function selectTransfers(db: Executor, book: Book) {
  return db
    .selectFrom('points_transfer as t')
    .leftJoin('points_transfer as r', (j) => j.onRef('r.region_id', '=', 't.region_id').onRef('r.reversal_of', '=', 't.id'))
    .select([
      't.id',
      't.transfer_key',
      't.kind',
      't.op',
      't.amount',
      't.member_id',
      't.merchant_id',
      't.source',
      't.source_ref',
      't.reason',
      't.reversal_of',
      'r.id as reversed_by',
      't.created_at',
      't.debit_account_id',
      't.credit_account_id',
    ])
    .where('t.region_id', '=', book.region)
    .where('t.programme_id', '=', book.programmeId);
}
export type TransferRow = Awaited<ReturnType<ReturnType<typeof selectTransfers>['executeTakeFirstOrThrow']>>;

export async function findTransfer(db: Executor, book: Book, id: number): Promise<TransferRow | undefined> {
  return selectTransfers(db, book).where('t.id', '=', id).executeTakeFirst();
}

export async function findTransfersByIds(db: Executor, book: Book, ids: readonly number[]): Promise<TransferRow[]> {
  if (ids.length === 0) return [];
  return selectTransfers(db, book)
    .where('t.id', 'in', [...ids])
    .execute();
}

export type TransferFilter = {
  kind: TransferKind | undefined;
  memberId: number | undefined;
  from: string | undefined;
  to: string | undefined;
};

function listTransfersQuery(db: Executor, book: Book, f: TransferFilter & { after: number | undefined; limit: number }) {
  let q = selectTransfers(db, book)
    .orderBy('t.id', 'desc')
    .limit(f.limit + 1);
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  if (f.memberId !== undefined) q = q.where('t.member_id', '=', f.memberId);
  // Days are Beijing's.
  if (f.from) q = q.where(sql<boolean>`t.created_at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.to) q = q.where(sql<boolean>`t.created_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (f.after !== undefined) q = q.where('t.id', '<', f.after);
  return q;
}

/** A programme's transfers, newest first (the programme was read in the caller's scope). */
export async function listTransfers(
  db: Executor,
  book: Book,
  f: TransferFilter & { after: number | undefined; limit: number },
): Promise<TransferRow[]> {
  return listTransfersQuery(db, book, f).execute();
}

export function countTransfers(db: Executor, book: Book, f: TransferFilter): Promise<ListTotal> {
  return boundedTotal(db, listTransfersQuery(db, book, { ...f, after: undefined, limit: 0 }));
}

/** Names of members, by id (transfers list). */
export async function memberNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Account balances of some books, summed per kind, and the members holding points. */
export async function balancesByKind(
  db: Executor,
  books: readonly Book[],
): Promise<{ kind: string; balance: number; pending: number; holders: number }[]> {
  if (books.length === 0) return [];
  const rows = await db
    .selectFrom('points_account as a')
    .select([
      'a.kind',
      sql<string>`coalesce(sum(a.balance), 0)`.as('balance'),
      sql<string>`coalesce(sum(a.pending_debits), 0)`.as('pending'),
      sql<string>`count(*) FILTER (WHERE a.balance > 0)`.as('holders'),
    ])
    .where('a.region_id', 'in', [...new Set(books.map((b) => b.region))])
    .where(
      'a.programme_id',
      'in',
      books.map((b) => b.programmeId),
    )
    .groupBy('a.kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, balance: Number(r.balance), pending: Number(r.pending), holders: Number(r.holders) }));
}

/** Members of a book by points earned (awards not reversed) in [from, to). */
export async function rankingByEarned(
  db: Executor,
  book: Book,
  from: Date,
  to: Date,
  limit: number,
): Promise<{ member_id: number; earned: number }[]> {
  const rows = await db
    .selectFrom('points_transfer as t')
    .select(['t.member_id', sql<string>`sum(t.amount)`.as('earned')])
    .where('t.region_id', '=', book.region)
    .where('t.programme_id', '=', book.programmeId)
    .where('t.kind', '=', 'award')
    .where('t.created_at', '>=', from.toISOString())
    .where('t.created_at', '<', to.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('points_transfer as r').select('r.id').where('r.region_id', '=', book.region).whereRef('r.reversal_of', '=', 't.id'),
        ),
      ),
    )
    .groupBy('t.member_id')
    .orderBy(sql`sum(t.amount)`, 'desc')
    .orderBy('t.member_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ member_id: r.member_id!, earned: Number(r.earned) }));
}

/** Members with their union's name (ranking). */
export async function memberFacts(db: Executor, ids: readonly number[]): Promise<Map<number, { name: string; orgName: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'o.name as org_name'])
    .where('m.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, orgName: r.org_name }]));
}
