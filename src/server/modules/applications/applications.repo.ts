import { sql, type Insertable } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { MemberApplicationTable } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type OrgScope } from '../../auth/scope.js';
import type { ApplicationStatus } from '../../../common/applications.js';

const columns = [
  'a.id',
  'a.tracking_code',
  'a.source',
  'a.meeting_id',
  'a.name',
  'a.id_number_masked',
  'a.phone_masked',
  'a.gender',
  'a.birth_date',
  'a.employer_id',
  'a.employer_name',
  'a.employment_form',
  'a.org_id',
  'a.org_path',
  'a.status',
  'a.reject_reason',
  'a.member_id',
  'a.created_at',
  'a.decided_at',
] as const;

function selectApplications(db: Executor) {
  return (
    db
      .selectFrom('member_application as a')
      .innerJoin('org_unit as o', 'o.id', 'a.org_id')
      // The meeting is held at the union or above it (MEETING_ORG_MISMATCH): its title is no secret to the reviewer.
      .leftJoin('outreach_meeting as mt', 'mt.id', 'a.meeting_id')
      .select([...columns, 'a.id_number_bidx', 'o.name as org_name', 'mt.title as meeting_title'])
  );
}
export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof selectApplications>['executeTakeFirstOrThrow']>>;

export async function insertApplication(tx: Executor, row: Insertable<MemberApplicationTable>): Promise<number> {
  return (await tx.insertInto('member_application').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findByTrackingCode(db: Executor, code: string) {
  return db
    .selectFrom('member_application as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.tracking_code', 'a.name', 'a.status', 'a.reject_reason', 'a.created_at', 'a.decided_at', 'o.name as org_name'])
    .where('a.tracking_code', '=', code)
    .executeTakeFirst();
}

function listApplicationsQuery(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status: ApplicationStatus; meetingId: number | undefined; afterId: number | undefined; limit: number },
) {
  let q = selectApplications(db)
    .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')))
    .where(sql<boolean>`a.org_path <@ ${f.underPath}::ltree`)
    .where('a.status', '=', f.status)
    .orderBy('a.id')
    .limit(f.limit + 1);
  if (f.meetingId !== undefined) q = q.where('a.meeting_id', '=', f.meetingId);
  if (f.afterId !== undefined) q = q.where('a.id', '>', f.afterId);
  return q;
}

export async function listApplications(
  db: Executor,
  scope: OrgScope,
  f: Parameters<typeof listApplicationsQuery>[2],
): Promise<ApplicationRow[]> {
  const q = listApplicationsQuery(db, scope, f);
  return q.execute();
}

/** How many rows the list's filters hold (bounded: `boundedTotal`). */
export function countApplications(
  db: Executor,
  scope: OrgScope,
  f: Omit<Parameters<typeof listApplicationsQuery>[2], 'afterId' | 'limit'>,
): Promise<ListTotal> {
  return boundedTotal(db, listApplicationsQuery(db, scope, { ...f, afterId: undefined, limit: 0 }));
}

/**
 * The first pending application of each of these people (by blind index), in any region: an applicant with an
 * earlier one is the same person asking twice.
 */
export async function firstPendingApplications(db: Executor, bidxs: readonly string[]): Promise<Map<string, number>> {
  if (bidxs.length === 0) return new Map();
  const rows = await db
    .selectFrom('member_application')
    .select(['id_number_bidx', (eb) => eb.fn.min<number>('id').as('first_id')])
    .where('id_number_bidx', 'in', [...bidxs])
    .where('status', '=', 'pending')
    .groupBy('id_number_bidx')
    .execute();
  return new Map(rows.map((r) => [r.id_number_bidx, r.first_id]));
}

/**
 * The requested applications that lie inside the scope, locked: the whole id set is checked at once. Never `FOR
 * UPDATE` across regions: the regions of the requested applications in scope are read first, then each region's rows
 * are locked, in region order.
 */
export async function lockApplicationsInScope(db: Executor, scope: OrgScope, ids: number[]) {
  const inScopeHere = inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id'));
  const regions = await db
    .selectFrom('member_application as a')
    .select('a.region_id')
    .distinct()
    .where('a.id', 'in', ids)
    .where(inScopeHere)
    .orderBy('a.region_id')
    .execute();
  const rows = [];
  for (const { region_id: region } of regions) {
    rows.push(
      ...(await db
        .selectFrom('member_application as a')
        .select([
          'a.region_id',
          'a.id',
          'a.status',
          'a.name',
          'a.id_number_enc',
          'a.id_number_bidx',
          'a.id_number_masked',
          'a.phone_enc',
          'a.phone_bidx',
          'a.phone_masked',
          'a.gender',
          'a.birth_date',
          'a.employer_id',
          'a.employer_name',
          'a.employment_form',
          'a.org_id',
          'a.org_path',
        ])
        .where('a.region_id', '=', region)
        .where('a.id', 'in', ids)
        .where(inScopeHere)
        .orderBy('a.id')
        .forUpdate()
        .execute()),
    );
  }
  return rows.sort((a, b) => a.id - b.id).map(provenInScope);
}

/** Decides applications by id, in the regions (shards) the caller read them from. */
export async function markDecided(
  tx: Executor,
  ids: number[],
  decision: { status: 'approved' | 'rejected' | 'transfer_requested'; reason: string | null; decidedBy: number | null },
  regions: readonly number[],
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable('member_application')
    .set({ status: decision.status, reject_reason: decision.reason, decided_at: sql`now()`, decided_by: decision.decidedBy })
    .where('region_id', 'in', [...regions])
    .where('id', 'in', ids)
    .execute();
}

export async function setMemberIds(tx: Executor, pairs: { id: number; memberId: number }[], regions: readonly number[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`UPDATE member_application a SET member_id = p.member_id
              FROM unnest(${pairs.map((p) => p.id)}::bigint[], ${pairs.map((p) => p.memberId)}::bigint[]) AS p(id, member_id)
             WHERE a.region_id = ANY(${[...regions]}::bigint[]) AND a.id = p.id`.execute(tx);
}

/** A person's applications by blind index, newest first (the member pages show a member their own). */
export async function listApplicationsOfPerson(db: Executor, idBidx: string, limit: number) {
  return db
    .selectFrom('member_application as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .select(['a.tracking_code', 'a.status', 'a.created_at', 'o.name as org_name'])
    .where('a.id_number_bidx', '=', idBidx)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** An outreach meeting held inside the scope (the meeting an intake names). */
export async function findMeetingInScope(db: Executor, scope: OrgScope, id: number) {
  const row = await db
    .selectFrom('outreach_meeting as m')
    .select(['m.id', 'm.org_id', 'm.org_path'])
    .where('m.id', '=', id)
    .where(inScope(scope, sql.ref('m.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

/** A meeting named on the public sign-up page (its QR code): not a scoped read, the page is anyone's. */
export async function findMeetingById(db: Executor, id: number) {
  return db.selectFrom('outreach_meeting as m').select(['m.id', 'm.org_path']).where('m.id', '=', id).executeTakeFirst();
}

export async function findReceivingOrg(db: Executor, id: number) {
  return db.selectFrom('org_unit').select(['id', 'path', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Unions a worker may apply to, by name or pinyin: public information (names only). */
export async function searchReceivingOrgs(db: Executor, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('org_unit as o')
    .innerJoin('org_unit as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'p.name as parent_name'])
    .where('o.kind', 'in', ['grassroots_union', 'joint_union'])
    .where((eb) => eb.or([sql<boolean>`o.name ILIKE ${like}`, sql<boolean>`o.name_pinyin LIKE ${prefix}`]))
    .orderBy(sql`(o.kind = 'joint_union')`, 'desc')
    .orderBy(sql`length(o.name)`)
    .orderBy('o.id')
    .limit(limit)
    .execute();
}
