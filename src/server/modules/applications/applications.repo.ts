import { sql, type Insertable } from 'kysely';
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

/** What the reviewing cadre sees of the applicant beside the application (see `applicantFlags`). */
const applicantFlag = sql<'new' | 'member_here' | 'member_elsewhere' | 'lapsed' | 'duplicate'>`CASE
    WHEN m.status = 'member' AND m.org_id = a.org_id THEN 'member_here'
    WHEN m.status = 'member' THEN 'member_elsewhere'
    WHEN m.status = 'lapsed' THEN 'lapsed'
    WHEN EXISTS (SELECT 1 FROM member_application d
                  WHERE d.id_number_bidx = a.id_number_bidx AND d.status = 'pending' AND d.id < a.id) THEN 'duplicate'
    ELSE 'new' END`;

function selectApplications(db: Executor) {
  return db
    .selectFrom('member_application as a')
    .innerJoin('org_unit as o', 'o.id', 'a.org_id')
    .leftJoin('member as m', 'm.id_number_bidx', 'a.id_number_bidx')
    .select([...columns, 'o.name as org_name', applicantFlag.as('flag')]);
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

export async function listApplications(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string; status: ApplicationStatus; meetingId: number | undefined; afterId: number | undefined; limit: number },
): Promise<ApplicationRow[]> {
  let q = selectApplications(db)
    .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')))
    .where(sql<boolean>`a.org_path <@ ${f.underPath}::ltree`)
    .where('a.status', '=', f.status)
    .orderBy('a.id')
    .limit(f.limit + 1);
  if (f.meetingId !== undefined) q = q.where('a.meeting_id', '=', f.meetingId);
  if (f.afterId !== undefined) q = q.where('a.id', '>', f.afterId);
  return q.execute();
}

/** Names an application row: the receiving union's region and the id. */
export type ApplicationKey = { region_id: number; id: number };

/**
 * The requested applications that lie inside the scope, locked: the whole id set is checked at once. Found first,
 * then locked region by region in a fixed order (never `FOR UPDATE` across regions).
 */
export async function lockApplicationsInScope(db: Executor, scope: OrgScope, ids: number[]) {
  const found = await db
    .selectFrom('member_application as a')
    .select(['a.region_id', 'a.id'])
    .where('a.id', 'in', ids)
    .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')))
    .execute();
  const regions = [...new Set(found.map((f) => f.region_id))].sort((x, y) => x - y);
  const rows = [];
  for (const region of regions)
    rows.push(
      ...(await lockInRegion(
        db,
        scope,
        region,
        found.filter((f) => f.region_id === region).map((f) => f.id),
      )),
    );
  return rows.map(provenInScope);
}

async function lockInRegion(db: Executor, scope: OrgScope, region: number, ids: number[]) {
  return db
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
    .where(inScope(scope, sql.ref('a.org_path'), sql.ref('a.region_id')))
    .orderBy('a.id')
    .forUpdate()
    .execute();
}

/** Decides applications, one UPDATE per region. */
export async function markDecided(
  tx: Executor,
  keys: readonly ApplicationKey[],
  decision: { status: 'approved' | 'rejected' | 'transfer_requested'; reason: string | null; decidedBy: number | null },
): Promise<void> {
  for (const region of [...new Set(keys.map((k) => k.region_id))].sort((x, y) => x - y)) {
    await tx
      .updateTable('member_application')
      .set({ status: decision.status, reject_reason: decision.reason, decided_at: sql`now()`, decided_by: decision.decidedBy })
      .where('region_id', '=', region)
      .where(
        'id',
        'in',
        keys.filter((k) => k.region_id === region).map((k) => k.id),
      )
      .execute();
  }
}

/** The members approved applications became. */
export async function setMemberIds(tx: Executor, pairs: readonly (ApplicationKey & { memberId: number })[]): Promise<void> {
  for (const p of pairs) {
    await tx
      .updateTable('member_application')
      .set({ member_id: p.memberId })
      .where('region_id', '=', p.region_id)
      .where('id', '=', p.id)
      .execute();
  }
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
