import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type InScope, type OrgScope } from '../../auth/scope.js';
import { participantStatuses } from '../../../common/matchmaking.js';
import { profileColumns } from './matchmaking.repo.js';
import './matchmaking.tables.js';

/**
 * SQL of matchmaking for the cadres' console and the retention purge: counts, the ranking and one profile, each from
 * an event already read in the caller's scope, the member's union inside the scope; never an interest of a person.
 */

/** Counts of an event read in the caller's scope: participants, profiles, mutual pairs, withdrawals. No identities. */
export async function countsOf(db: Executor, event: InScope<{ id: number }>) {
  const { rows } = await sql<{ participants: string; profiles: string; mutual: string; withdrawals: string }>`
    SELECT
      (SELECT count(DISTINCT (r.region_id, r.member_id)) FROM event_registration r
        WHERE r.event_id = ${event.id} AND r.status = ANY(${[...participantStatuses]}::text[])) AS participants,
      (SELECT count(*) FROM matchmaking_profile p WHERE p.event_id = ${event.id}) AS profiles,
      (SELECT count(*) FROM matchmaking_interest i
        WHERE i.event_id = ${event.id} AND (i.region_id, i.profile_id) < (i.to_region_id, i.to_profile_id)
          AND EXISTS (SELECT 1 FROM matchmaking_interest j WHERE j.region_id = i.to_region_id AND j.profile_id = i.to_profile_id
                        AND j.to_region_id = i.region_id AND j.to_profile_id = i.profile_id)) AS mutual,
      (SELECT coalesce(sum(w.profiles), 0) FROM matchmaking_withdrawal w WHERE w.event_id = ${event.id}) AS withdrawals`.execute(db);
  const r = rows[0]!;
  return {
    participants: Number(r.participants),
    profiles: Number(r.profiles),
    mutual: Number(r.mutual),
    withdrawals: Number(r.withdrawals),
  };
}

/**
 * The participants of an event read in the caller's scope (one row per member: their first present registration),
 * with the points their online tasks earned; those whose union the scope reaches.
 */
export async function rankingRows(db: Executor, scope: OrgScope, event: InScope<{ id: number }>) {
  const { rows } = await sql<{ registration_id: number; signed_up_at: string; name: string; org_name: string; earned: number }>`
    SELECT min(r.id) AS registration_id, min(r.created_at)::text AS signed_up_at, min(m.name) AS name, min(o.name) AS org_name,
           coalesce((SELECT sum(t.points) FROM matchmaking_task_done t
                      WHERE t.region_id = r.region_id AND t.member_id = r.member_id AND t.event_id = ${event.id}), 0)::int AS earned
      FROM event_registration r
      JOIN member m ON m.region_id = r.region_id AND m.id = r.member_id
      JOIN org_unit o ON o.id = r.org_id
     WHERE r.event_id = ${event.id} AND r.status = ANY(${[...participantStatuses]}::text[])
       AND ${inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id'))}
     GROUP BY r.region_id, r.member_id`.execute(db);
  return rows.map((r) => ({ ...r, registration_id: Number(r.registration_id) }));
}

/** The profile of the member behind a registration of an event read in the caller's scope, whose union it reaches. */
export function profileOfRegistration(db: Executor, scope: OrgScope, event: InScope<{ id: number }>, registrationId: number) {
  return db
    .selectFrom('event_registration as r')
    .innerJoin('matchmaking_profile as p', (j) =>
      j.onRef('p.region_id', '=', 'r.region_id').onRef('p.member_id', '=', 'r.member_id').onRef('p.event_id', '=', 'r.event_id'),
    )
    .select(profileColumns)
    .where('r.id', '=', registrationId)
    .where('r.event_id', '=', event.id)
    .where(inScope(scope, sql.ref('r.org_path'), sql.ref('r.region_id')))
    .executeTakeFirst();
}

/** Events whose matchmaking data is past retention (the end of the last session + retention days) and still held. */
export async function eventsPastRetention(db: Executor, now: Date): Promise<number[]> {
  const { rows } = await sql<{ event_id: number }>`
    SELECT s.event_id FROM matchmaking_setting s
     WHERE (SELECT max(es.ends_at) FROM event_session es WHERE es.event_id = s.event_id)
           + make_interval(days => s.retention_days) < ${now.toISOString()}::timestamptz
       AND (EXISTS (SELECT 1 FROM matchmaking_profile p WHERE p.event_id = s.event_id)
            OR EXISTS (SELECT 1 FROM matchmaking_task_done t WHERE t.event_id = s.event_id))
     ORDER BY s.event_id LIMIT 100`.execute(db);
  return rows.map((r) => Number(r.event_id));
}

/** Deletes every personal row of an event's matchmaking; answers how many profiles went. */
export async function purgeEvent(tx: Executor, eventId: number): Promise<number> {
  const ofEvent = sql<boolean>`(region_id, profile_id) IN (SELECT p.region_id, p.id FROM matchmaking_profile p WHERE p.event_id = ${eventId})`;
  await tx.deleteFrom('matchmaking_consent').where(ofEvent).execute();
  await tx.deleteFrom('matchmaking_interest_day').where(ofEvent).execute();
  await tx.deleteFrom('matchmaking_contact_confirm').where(ofEvent).execute();
  await tx.deleteFrom('matchmaking_interest').where('event_id', '=', eventId).execute();
  await tx.deleteFrom('matchmaking_block').where('event_id', '=', eventId).execute();
  await tx.deleteFrom('matchmaking_task_done').where('event_id', '=', eventId).execute();
  const gone = await tx.deleteFrom('matchmaking_profile').where('event_id', '=', eventId).executeTakeFirst();
  return Number(gone.numDeletedRows);
}
