import { sql } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { MeetingKind, UnionisationStage } from '../../../common/outreach.js';

function selectMeetings(db: Executor) {
  return db
    .selectFrom('outreach_meeting as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .leftJoin('outreach_meeting as pm', 'pm.id', 'm.parent_meeting_id')
    .select([
      'pm.title as parent_title',
      'm.id',
      'm.org_id',
      'o.name as org_name',
      'm.org_path',
      'm.kind',
      'm.title',
      'm.held_on',
      'm.venue',
      'm.is_online',
      'm.parent_meeting_id',
    ])
    .select((eb) => [
      eb
        .selectFrom('employer as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.unionisation_meeting_id', '=', 'm.id')
        .as('employers_engaged'),
    ]);
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirstOrThrow']>>;

/**
 * The applications each meeting brought, and how many were approved. Read apart from the meetings: applications are
 * member-owned rows in their unions' regions, which a distributed database cannot count in a subquery correlated
 * with a meeting ("complex joins are only supported when all distributed tables are co-located").
 */
export async function applicationsOfMeetings(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, { applications: number; approved: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member_application as a')
    .select([
      'a.meeting_id',
      (eb) => eb.fn.countAll<number>().as('applications'),
      sql<number>`count(*) FILTER (WHERE a.status = 'approved')`.as('approved'),
    ])
    .where('a.meeting_id', 'in', [...ids])
    .groupBy('a.meeting_id')
    .execute();
  return new Map(rows.map((r) => [r.meeting_id!, { applications: Number(r.applications), approved: Number(r.approved) }]));
}

export async function findMeetingInScope(db: Executor, scope: OrgScope, id: number): Promise<InScope<MeetingRow> | undefined> {
  const row = await selectMeetings(db)
    .where('m.id', '=', id)
    .where(inScope(scope, sql.ref('m.org_path')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function insertMeeting(
  tx: Executor,
  m: {
    orgId: number;
    orgPath: string;
    kind: 'worker' | 'enterprise';
    title: string;
    heldOn: string;
    venue: string | null;
    isOnline: boolean;
    parentMeetingId: number | null;
  },
): Promise<number> {
  const row = await tx
    .insertInto('outreach_meeting')
    .values({
      org_id: m.orgId,
      org_path: m.orgPath,
      kind: m.kind,
      title: m.title,
      held_on: m.heldOn,
      venue: m.venue,
      is_online: m.isOnline,
      parent_meeting_id: m.parentMeetingId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Meetings held in a subtree, newest first, keyset-paged on (held_on, id). */
function listMeetingsQuery(
  db: Executor,
  scope: OrgScope,
  f: {
    underPath: string;
    kind: MeetingKind | undefined;
    from: string | undefined;
    to: string | undefined;
    after: [string, number] | undefined;
    limit: number;
  },
) {
  let q = selectMeetings(db)
    .where(inScope(scope, sql.ref('m.org_path')))
    .where(sql<boolean>`m.org_path <@ ${f.underPath}::ltree`)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1);
  if (f.kind) q = q.where('m.kind', '=', f.kind);
  if (f.from) q = q.where('m.held_on', '>=', f.from);
  if (f.to) q = q.where('m.held_on', '<=', f.to);
  if (f.after) q = q.where(sql<boolean>`(m.held_on, m.id) < (${f.after[0]}::date, ${f.after[1]})`);
  return q;
}

export async function listMeetings(db: Executor, scope: OrgScope, f: Parameters<typeof listMeetingsQuery>[2]): Promise<MeetingRow[]> {
  const q = listMeetingsQuery(db, scope, f);
  return q.execute();
}

/** How many rows the list's filters hold (bounded: `boundedTotal`). */
export function countMeetings(
  db: Executor,
  scope: OrgScope,
  f: Omit<Parameters<typeof listMeetingsQuery>[2], 'after' | 'limit'>,
): Promise<ListTotal> {
  return boundedTotal(db, listMeetingsQuery(db, scope, { ...f, after: undefined, limit: 0 }));
}

/** Counts for a subtree and period: meetings by kind, their applications, and employers by 建会 stage. */
export async function outreachCounts(db: Executor, scope: OrgScope, f: { underPath: string; from: string; to: string }) {
  const meetings = await db
    .selectFrom('outreach_meeting as m')
    .leftJoin('member_application as a', 'a.meeting_id', 'm.id')
    .select([
      sql<number>`count(DISTINCT m.id) FILTER (WHERE m.kind = 'worker')`.as('worker_meetings'),
      sql<number>`count(DISTINCT m.id) FILTER (WHERE m.kind = 'enterprise')`.as('enterprise_meetings'),
      sql<number>`count(a.id)`.as('applications'),
      sql<number>`count(a.id) FILTER (WHERE a.status = 'approved')`.as('approved'),
    ])
    .where(inScope(scope, sql.ref('m.org_path')))
    .where(sql<boolean>`m.org_path <@ ${f.underPath}::ltree`)
    .where('m.held_on', '>=', f.from)
    .where('m.held_on', '<=', f.to)
    .executeTakeFirstOrThrow();
  const stages = await db
    .selectFrom('employer as e')
    .innerJoin('outreach_meeting as m', 'm.id', 'e.unionisation_meeting_id')
    .select([derivedStageSql.as('stage'), sql<number>`count(*)`.as('n')])
    .where(inScope(scope, sql.ref('m.org_path')))
    .where(sql<boolean>`m.org_path <@ ${f.underPath}::ltree`)
    .where('m.held_on', '>=', f.from)
    .where('m.held_on', '<=', f.to)
    .groupBy(sql`1`)
    .execute();
  return { meetings, stages };
}

/** 建会进度 as shown: a covered employer counts as 已建会 (`derivedStage` of the employers service, in SQL). */
const derivedStageSql = sql<UnionisationStage>`CASE WHEN e.union_org_id IS NOT NULL THEN 'established' ELSE e.unionisation_stage END`;

/** The employers credited to a meeting that the caller may see, by name; `limit` + 1 read to tell whether more exist. */
export async function employersOfMeeting(db: Executor, scope: OrgScope, meeting: InScope<{ id: number }>, limit: number) {
  return db
    .selectFrom('employer as e')
    .innerJoin('org_unit as s', 's.id', 'e.street_org_id')
    .leftJoin('org_unit as u', 'u.id', 'e.union_org_id')
    .select(['e.id', 'e.name', 'e.headcount', 's.name as street_name', 'u.name as union_name', derivedStageSql.as('stage')])
    .where('e.unionisation_meeting_id', '=', meeting.id)
    .where(inScope(scope, sql.ref('e.org_path'), undefined, { pathIndex: 'btree' }))
    .orderBy('e.name')
    .orderBy('e.id')
    .limit(limit + 1)
    .execute();
}

/** A meeting's public facts for the sign-up page behind its QR code; not a scoped read: nothing in it is personal. */
export async function findPublicMeeting(db: Executor, id: number) {
  return db
    .selectFrom('outreach_meeting as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.title', 'm.held_on', 'm.venue', 'o.name as union_name'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export async function setUnionisationStage(
  tx: Executor,
  employer: InScope<{ id: number }>,
  version: number,
  stage: UnionisationStage,
  meetingId: number | null | undefined,
): Promise<boolean> {
  const result = await tx
    .updateTable('employer')
    .set({
      unionisation_stage: stage,
      unionisation_updated_at: sql`now()`,
      ...(meetingId !== undefined ? { unionisation_meeting_id: meetingId } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', employer.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
