import type { Executor } from '../../db/executor.js';
import { sql } from 'kysely';
import { inScope, type OrgScope } from '../../auth/scope.js';
import type { GroupingSeedSource } from '../../../common/events.grouping.js';
import './events.grouping.tables.js';

/**
 * The people present at a session of an event already read in the caller's scope: confirmed or attended (attended
 * counts as present). The whole session, as a draw reads its entries: grouping is the owner's tool over everyone.
 */
export function presentPeople(db: Executor, event: { id: number }, sessionId: number) {
  return db
    .selectFrom('event_registration as r')
    .select(['r.region_id', 'r.id'])
    .where('r.event_id', '=', event.id)
    .where('r.session_id', '=', sessionId)
    .where('r.status', 'in', ['confirmed', 'attended'])
    .execute();
}

export function insertGrouping(
  tx: Executor,
  g: {
    eventId: number;
    sessionId: number;
    groups: number;
    people: number;
    seed: string;
    seedSource: GroupingSeedSource;
    listHash: string;
    createdBy: number | null;
  },
) {
  return tx
    .insertInto('event_grouping')
    .values({
      event_id: g.eventId,
      session_id: g.sessionId,
      groups: g.groups,
      people: g.people,
      seed: g.seed,
      seed_source: g.seedSource,
      list_hash: g.listHash,
      created_by: g.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The members of a new grouping, in one statement per 1,000 (their registrations already read with the session). */
export async function insertMembers(
  tx: Executor,
  groupingId: number,
  rows: readonly { regionId: number; registrationId: number; groupNo: number; key: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('event_grouping_member')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          region_id: r.regionId,
          grouping_id: groupingId,
          registration_id: r.registrationId,
          group_no: r.groupNo,
          key: r.key,
        })),
      )
      .execute();
  }
}

/** The latest grouping of a session of an event already read in the caller's scope. */
export function latestGrouping(db: Executor, event: { id: number }, sessionId: number) {
  return db
    .selectFrom('event_grouping')
    .selectAll()
    .where('event_id', '=', event.id)
    .where('session_id', '=', sessionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type GroupingRow = NonNullable<Awaited<ReturnType<typeof latestGrouping>>>;

/** The people of a grouping (read through its event), group by group in key order, with name and union. */
export function membersOf(db: Executor, grouping: { id: number }) {
  return db
    .selectFrom('event_grouping_member as g')
    .innerJoin('event_registration as r', (j) => j.onRef('r.region_id', '=', 'g.region_id').onRef('r.id', '=', 'g.registration_id'))
    .innerJoin('member as m', (j) => j.onRef('m.region_id', '=', 'r.region_id').onRef('m.id', '=', 'r.member_id'))
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['g.region_id', 'g.registration_id', 'g.group_no', 'g.key', 'm.name', 'm.phone_masked', 'o.name as org_name'])
    .where('g.grouping_id', '=', grouping.id)
    .orderBy('g.group_no')
    .orderBy('g.key')
    .execute();
}
export type GroupingMemberRow = Awaited<ReturnType<typeof membersOf>>[number];

/** The session, when it belongs to the event. */
export function sessionOfEvent(db: Executor, event: { id: number }, sessionId: number) {
  return db.selectFrom('event_session').select(['id']).where('id', '=', sessionId).where('event_id', '=', event.id).executeTakeFirst();
}

/**
 * One page of a grouping's export: its people whose union lies in the caller's scope (full name, masked phone), by
 * group then key, after the (group, key) given.
 */
export function exportPage(
  db: Executor,
  scope: OrgScope,
  grouping: { id: number },
  after: { groupNo: number; key: string } | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('event_grouping_member as g')
    .innerJoin('event_registration as r', (j) => j.onRef('r.region_id', '=', 'g.region_id').onRef('r.id', '=', 'g.registration_id'))
    .innerJoin('member as m', (j) => j.onRef('m.region_id', '=', 'r.region_id').onRef('m.id', '=', 'r.member_id'))
    .innerJoin('org_unit as o', 'o.id', 'r.org_id')
    .select(['g.group_no', 'g.key', 'm.name', 'm.phone_masked', 'o.name as org_name'])
    .where('g.grouping_id', '=', grouping.id)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')));
  if (after) q = q.where(sql<boolean>`(g.group_no, g.key) > (${after.groupNo}, ${after.key})`);
  return q.orderBy('g.group_no').orderBy('g.key').limit(limit).execute();
}
